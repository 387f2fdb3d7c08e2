// TSI: William Blau's true strength index.
#include <cmath>

#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct TsiState {
  static constexpr size_t kInputs = 1, kOutputs = 2;
  explicit TsiState(const Params& p)
      : num1(p.integer(0)), den1(p.integer(0)), num2(p.integer(1)), den2(p.integer(1)),
        signal(p.integer(2)) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    if (first) {
      first = false;
      prev = x;
      return false;
    }
    const double m = x - prev;
    prev = x;
    double n1 = 0, d1 = 0, n2 = 0, d2 = 0;
    const bool ok1 = num1.step(m, &n1);
    den1.step(std::fabs(m), &d1);
    if (!ok1) return false;
    const bool ok2 = num2.step(n1, &n2);
    den2.step(d1, &d2);
    if (!ok2) return false;
    const double tsi = d2 == 0 ? 0.0 : 100.0 * (n2 / d2);
    if (!signal.step(tsi, &out[1])) return false;
    out[0] = tsi;
    return true;
  }

  ext::SeededEma num1, den1, num2, den2, signal;
  bool first = true;
  double prev = 0;
};

int tsi_lookback(const Params& p) { return p.integer(0) + p.integer(1) + p.integer(2) - 2; }

}  // namespace

Status register_tsi(Registry& r) {
  IndicatorSpec s;
  s.name = "tsi";
  s.aliases = {"true_strength_index"};
  s.group = "momentum";
  s.title = "True Strength Index";
  s.inputs = {InputKind::kReal};
  s.params = {
      ext::ext_int("slow_period", {"slowPeriod", "slowperiod", "long_period", "long"}, 25, 1,
                   "first (long) EMA smoothing of the momentum"),
      ext::ext_int("fast_period", {"fastPeriod", "fastperiod", "short_period", "short"}, 13, 1,
                   "second (short) EMA smoothing"),
      ext::ext_int("signal_period", {"signalPeriod", "signalperiod"}, 7, 1,
                   "EMA period of the signal line")};
  s.outputs = {"tsi", "signal"};
  s.lookback = tsi_lookback;
  s.batch = batch_by_state<TsiState>;
  s.stream = make_state_stream<TsiState>;
  s.definition =
      "`TSI = 100 · EMA(EMA(m, slow), fast) / EMA(EMA(|m|, slow), fast)` with the one-bar "
      "momentum `m = x[t] − x[t−1]` (0 when the denominator is 0); `signal = EMA(TSI, "
      "signal_period)`. Every EMA uses `k = 2/(p+1)` and is seeded with the mean of its first p "
      "inputs (TA-Lib's EMA convention); first value at row `slow + fast + signal − 2`.";
  s.source = "William Blau, \"True Strength Index\", Technical Analysis of Stocks & Commodities, "
             "Nov 1991, and *Momentum, Direction, and Divergence* (1995); signal 7 as StockCharts "
             "ChartSchool.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
