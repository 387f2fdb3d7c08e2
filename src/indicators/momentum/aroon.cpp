// AROON: how many bars since the highest high / lowest low of the last p+1
// bars, scaled to 0..100. TA-Lib's conventions: the window holds p+1 bars,
// ties go to the most recent bar, outputs are (down, up).
#include "indicators/common_params.h"
#include "indicators/momentum/extreme_tracker.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct AroonState {
  static constexpr size_t kInputs = 2, kOutputs = 2;  // high, low -> down, up
  explicit AroonState(const Params& p)
      : period(p.integer(0)), factor(100.0 / double(period)), high(period + 1), low(period + 1) {}

  bool step(const double* bar, double* out) {
    low.step(today, bar[1]);
    high.step(today, bar[0]);
    const int64_t t = today++;
    if (t < period) return false;
    out[0] = factor * double(period - (t - low.index()));
    out[1] = factor * double(period - (t - high.index()));
    return true;
  }

  int period;
  double factor;
  ExtremeTracker<true, true> high;
  ExtremeTracker<false, true> low;
  int64_t today = 0;
};

int aroon_lookback(const Params& p) { return p.integer(0); }

void aroon_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const int period = p.integer(0);
  const double factor = 100.0 / double(period);
  double* down = out[0];
  double* up = out[1];
  fill_warmup(out, 2, n, size_t(period));
  scan_extremes<false, true>(in[1], n, period + 1,
                             [down, factor, period](size_t i, int64_t idx, double) {
                               down[i] = factor * double(period - (int64_t(i) - idx));
                             });
  scan_extremes<true, true>(in[0], n, period + 1,
                            [up, factor, period](size_t i, int64_t idx, double) {
                              up[i] = factor * double(period - (int64_t(i) - idx));
                            });
}

}  // namespace

Status register_aroon(Registry& r) {
  IndicatorSpec s;
  s.name = "aroon";
  s.talib_name = "AROON";
  s.group = "momentum";
  s.title = "Aroon";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {period_param(14, 2)};
  s.outputs = {"aroon_down", "aroon_up"};
  s.lookback = aroon_lookback;
  s.batch = aroon_batch;
  s.stream = make_state_stream<AroonState>;
  s.definition =
      "Aroon Up = 100·(p − bars since the highest high)/p and Aroon Down = 100·(p − bars since "
      "the lowest low)/p over a window of the last **p+1** bars. As in TA-Lib, equal extremes "
      "count from the most recent one (a flat window gives 100 for both), and the outputs come "
      "in the order (down, up).";
  s.source =
      "Tushar Chande, \"A Time Price Oscillator\", Technical Analysis of Stocks & "
      "Commodities (1995); TA-Lib TA_AROON conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
