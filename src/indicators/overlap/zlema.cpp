// ZLEMA: zero-lag exponential moving average.
#include "indicators/common_params.h"
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct ZlemaState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit ZlemaState(const Params& p)
      : lag((p.integer(0) - 1) / 2), past(lag + 1), ema(p.integer(0)) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    past.push(x);
    if (past.size() <= static_cast<size_t>(lag)) return false;
    const double delagged = 2.0 * x - past.back(static_cast<size_t>(lag));
    return ema.step(delagged, out);
  }

  int lag;
  ext::Ring past;
  ext::SeededEma ema;
};

int zlema_lookback(const Params& p) {
  const int n = p.integer(0);
  return (n - 1) / 2 + n - 1;
}

}  // namespace

Status register_zlema(Registry& r) {
  IndicatorSpec s;
  s.name = "zlema";
  s.aliases = {"zero_lag_ema", "zlma", "zero_lag_exponential_moving_average"};
  s.group = "overlap";
  s.title = "Zero-Lag Exponential Moving Average";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(20, 2)};
  s.outputs = {"zlema"};
  s.lookback = zlema_lookback;
  s.batch = batch_by_state<ZlemaState>;
  s.stream = make_state_stream<ZlemaState>;
  s.definition =
      "EMA with `k = 2/(n+1)` of the de-lagged series `2·x[t] − x[t−lag]`, `lag = ⌊(n−1)/2⌋`. "
      "The EMA is seeded like TA-Lib's EMA with the mean of its first `n` inputs, so the first "
      "value is at row `lag + n − 1`.";
  s.source = "John Ehlers & Ric Way, \"Zero Lag (Well, Almost)\", Technical Analysis of Stocks & "
             "Commodities, Nov 2010; common ZLEMA form with lag (n−1)/2.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
