// AROONOSC: Aroon Up minus Aroon Down, i.e. 100/p times the distance between
// the bar of the highest high and the bar of the lowest low in the last p+1
// bars (TA-Lib's tie and NaN conventions, see extreme_tracker.h).
#include "indicators/common_params.h"
#include "indicators/momentum/extreme_tracker.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct AroonOscState {
  static constexpr size_t kInputs = 2, kOutputs = 1;  // high, low
  explicit AroonOscState(const Params& p)
      : period(p.integer(0)), factor(100.0 / double(period)), high(period + 1), low(period + 1) {}

  bool step(const double* bar, double* out) {
    low.step(today, bar[1]);
    high.step(today, bar[0]);
    const int64_t t = today++;
    if (t < period) return false;
    out[0] = factor * double(high.index() - low.index());
    return true;
  }

  int period;
  double factor;
  ExtremeTracker<true, true> high;
  ExtremeTracker<false, true> low;
  int64_t today = 0;
};

int aroonosc_lookback(const Params& p) { return p.integer(0); }

void aroonosc_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const int period = p.integer(0);
  const double factor = 100.0 / double(period);
  double* y = out[0];
  fill_warmup(out, 1, n, size_t(period));
  // First pass parks the low's index in y (exact: integers < 2^53).
  scan_extremes<false, true>(in[1], n, period + 1,
                             [y](size_t i, int64_t idx, double) { y[i] = double(idx); });
  scan_extremes<true, true>(in[0], n, period + 1, [y, factor](size_t i, int64_t idx, double) {
    y[i] = factor * double(idx - int64_t(y[i]));
  });
}

}  // namespace

Status register_aroonosc(Registry& r) {
  IndicatorSpec s;
  s.name = "aroonosc";
  s.talib_name = "AROONOSC";
  s.group = "momentum";
  s.title = "Aroon Oscillator";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {period_param(14, 2)};
  s.outputs = {"aroonosc"};
  s.lookback = aroonosc_lookback;
  s.batch = aroonosc_batch;
  s.stream = make_state_stream<AroonOscState>;
  s.definition =
      "Aroon Up − Aroon Down = 100·(index of the highest high − index of the lowest low)/p over "
      "the last **p+1** bars, with TA-Lib's convention that equal extremes count from the most "
      "recent bar.";
  s.source = "Tushar Chande (1995); TA-Lib TA_AROONOSC conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
