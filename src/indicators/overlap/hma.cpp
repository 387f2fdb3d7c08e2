// HMA: Alan Hull's moving average.
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

int hma_sqrt_period(int n) { return static_cast<int>(std::floor(std::sqrt(double(n)))); }

struct HmaState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit HmaState(const Params& p)
      : half(p.integer(0) / 2), full(p.integer(0)), smooth(hma_sqrt_period(p.integer(0))) {}

  bool step(const double* bar, double* out) {
    half.push(bar[0]);
    if (!full.push(bar[0])) return false;
    if (!smooth.push(2.0 * half.value() - full.value())) return false;
    out[0] = smooth.value();
    return true;
  }

  ext::WindowWma half, full, smooth;
};

int hma_lookback(const Params& p) {
  return p.integer(0) - 1 + hma_sqrt_period(p.integer(0)) - 1;
}

}  // namespace

Status register_hma(Registry& r) {
  IndicatorSpec s;
  s.name = "hma";
  s.aliases = {"hull", "hull_ma", "hull_moving_average"};
  s.group = "overlap";
  s.title = "Hull Moving Average";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(9, 2)};
  s.outputs = {"hma"};
  s.lookback = hma_lookback;
  s.batch = batch_by_state<HmaState>;
  s.stream = make_state_stream<HmaState>;
  s.definition =
      "`WMA(2·WMA(x, ⌊n/2⌋) − WMA(x, n), ⌊√n⌋)` with linearly weighted moving averages (weights "
      "1..p, newest heaviest). First value at row `n − 1 + ⌊√n⌋ − 1`.";
  s.source = "Alan Hull, \"Hull Moving Average\" (2005), alanhull.com.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
