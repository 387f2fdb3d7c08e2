// VWMA: volume-weighted moving average.
#include "indicators/common_params.h"
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct VwmaState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit VwmaState(const Params& p) : period(p.integer(0)), pv(period), v(period), x(period) {}

  bool step(const double* bar, double* out) {
    const double price = bar[0], volume = bar[1];
    pv.push(price * volume);
    v.push(volume);
    if (!x.push(price)) return false;
    const double vs = v.sum();
    // A window without volume has no weights: fall back to the plain mean.
    out[0] = vs == 0 ? x.sum() / double(period) : pv.sum() / vs;
    return true;
  }

  int period;
  ext::WindowSum pv, v, x;
};

int vwma_lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace

Status register_vwma(Registry& r) {
  IndicatorSpec s;
  s.name = "vwma";
  s.aliases = {"volume_weighted_moving_average", "volume_weighted_ma"};
  s.group = "overlap";
  s.title = "Volume-Weighted Moving Average";
  s.inputs = {InputKind::kReal, InputKind::kVolume};
  s.params = {period_param(20, 1)};
  s.outputs = {"vwma"};
  s.lookback = vwma_lookback;
  s.batch = batch_by_state<VwmaState>;
  s.stream = make_state_stream<VwmaState>;
  s.definition =
      "`sum(price·volume, period) / sum(volume, period)` over the last `period` bars. When every "
      "volume in the window is 0 the weights are undefined and the plain mean of the prices "
      "(SMA) is returned.";
  s.source = "Standard volume-weighted moving average (e.g. Buff Dormeier, *Investing with Volume "
             "Analysis*, 2011; TradingView `ta.vwma`).";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
