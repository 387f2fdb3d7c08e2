// WILLR: Williams' %R = −100·(highest high − close)/(highest high − lowest
// low) over the last p bars; 0 when the range is zero (TA-Lib).
#include <vector>

#include "indicators/common_params.h"
#include "indicators/momentum/extreme_tracker.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

// TA-Lib's expression: diff = (H−L)/(−100); (H−C)/diff, or 0 if diff == 0.
inline double willr_value(double highest, double lowest, double close) {
  const double diff = (highest - lowest) / (-100.0);
  return diff != 0.0 ? (highest - close) / diff : 0.0;
}

struct WillrState {
  static constexpr size_t kInputs = 3, kOutputs = 1;  // high, low, close
  explicit WillrState(const Params& p) : period(p.integer(0)), high(period), low(period) {}

  bool step(const double* bar, double* out) {
    low.step(today, bar[1]);
    high.step(today, bar[0]);
    if (today++ < period - 1) return false;
    out[0] = willr_value(high.value(), low.value(), bar[2]);
    return true;
  }

  int period;
  ExtremeTracker<true, false> high;
  ExtremeTracker<false, false> low;
  int64_t today = 0;
};

int willr_lookback(const Params& p) { return p.integer(0) - 1; }

// Both extremes are scanned a chunk of rows at a time (lowest into y,
// highest into a scratch buffer), then the chunk's two divisions per row run
// vectorised.
void willr_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const int period = p.integer(0);
  const double* c = in[2];
  double* y = out[0];
  const size_t lookback = size_t(period - 1);
  fill_warmup(out, 1, n, lookback);
  if (n <= lookback) return;
  ExtremeScan<true, false> high(in[0], period);
  ExtremeScan<false, false> low(in[1], period);
  const size_t chunk = size_t(period) * ((2048 + size_t(period) - 1) / size_t(period));
  std::vector<double> highest(chunk);
  double* hb = highest.data();
  for (size_t from = 0; from < n; from += chunk) {
    const size_t to = from + chunk < n ? from + chunk : n;
    low.run(from, to, [y](size_t i, int64_t, double v) { y[i] = v; });
    high.run(from, to, [hb, from](size_t i, int64_t, double v) { hb[i - from] = v; });
    const size_t start = from > lookback ? from : lookback;
    for (size_t i = start; i < to; ++i) y[i] = willr_value(hb[i - from], y[i], c[i]);
  }
}

}  // namespace

Status register_willr(Registry& r) {
  IndicatorSpec s;
  s.name = "willr";
  s.talib_name = "WILLR";
  s.aliases = {"williams", "williams_r", "williamsr"};
  s.group = "momentum";
  s.title = "Williams' %R";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {period_param(14, 2)};
  s.outputs = {"willr"};
  s.lookback = willr_lookback;
  s.batch = willr_batch;
  s.stream = make_state_stream<WillrState>;
  s.definition =
      "−100·(highest high − close)/(highest high − lowest low) over the last `period` bars, "
      "from −100 (close at the low) to 0 (close at the high). As in TA-Lib the value is 0, not "
      "−50, when the window's range is zero.";
  s.source =
      "Larry Williams, How I Made One Million Dollars... Last Year... Trading Commodities "
      "(1973); TA-Lib TA_WILLR conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
