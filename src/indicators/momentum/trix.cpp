// TRIX: 1-bar rate of change (in %) of a triple EMA. TA-Lib chains three
// EMAs, each seeded with the SMA of the first p values of the stage before,
// and applies ROC(1). We run the three stages fused in one pass, with the
// same seeds and TA-Lib's very update (x − prev)·k + prev: the final
// E3/E3[t−1] − 1 cancels, and on low-volatility data (hourly EURUSD, moves of
// 1e-4 at a level of 1.07) it magnifies a single-ulp difference in E3 (as an
// fma(prev, 1−k, k·x) update gives) to a few 1e-9 relative near TRIX's zero
// crossings. The three sub-mul-add chains overlap, so the fused pass runs at
// about one TA-Lib-form EMA's latency (~2.5 ns/bar; the fma form was ~1.5).
// TA-Lib's own TRIX(1) is broken (its EMA lookback rejects period 1, so it
// starts at row 0 and reads past its buffer); ours gives ROC(1) there.
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

inline double ema_next(double prev, double x, double k, double /*k1*/) {
  return ((x - prev) * k) + prev;  // TA_INT_EMA's update, operation for operation
}

// One EMA stage: the mean of the first p inputs, then ema_next.
struct EmaStage {
  inline bool step(double x, int period, double k, double k1, double* out) {
    if (count < period) {
      sum += x;
      if (++count < period) return false;
      value = sum / double(period);
    } else {
      value = ema_next(value, x, k, k1);
    }
    *out = value;
    return true;
  }
  int count = 0;
  double sum = 0, value = 0;
};

inline double roc1(double x, double prev) {
  const double q = ((x / prev) - 1.0) * 100.0;
  return prev != 0.0 ? q : 0.0;
}

struct TrixState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit TrixState(const Params& p)
      : period(p.integer(0)), k(2.0 / double(period + 1)), k1(1.0 - k) {}

  bool step(const double* bar, double* out) {
    double e1, e2, e3;
    if (!s1.step(bar[0], period, k, k1, &e1)) return false;
    if (!s2.step(e1, period, k, k1, &e2)) return false;
    if (!s3.step(e2, period, k, k1, &e3)) return false;
    const bool ready = have_prev;
    if (ready) out[0] = roc1(e3, prev);
    prev = e3;
    have_prev = true;
    return ready;
  }

  int period;
  double k, k1;
  EmaStage s1, s2, s3;
  double prev = 0;
  bool have_prev = false;
};

int trix_lookback(const Params& p) { return 3 * (p.integer(0) - 1) + 1; }

void trix_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double* __restrict x = in[0];
  double* __restrict y = out[0];
  const size_t period = size_t(p.integer(0));
  const size_t lookback = size_t(trix_lookback(p));
  fill_warmup(out, 1, n, lookback);
  if (n <= lookback) return;
  const double k = 2.0 / double(period + 1);
  const double k1 = 1.0 - k;
  const double pd = double(period);
  const size_t pm1 = period - 1;
  // Warm-up: each stage starts when the stage before has p values.
  double sum1 = 0;
  for (size_t i = 0; i < period; ++i) sum1 += x[i];
  double e1 = sum1 / pd;  // EMA1 at row p−1
  double sum2 = e1, e2 = 0, e3 = 0, sum3 = 0;
  for (size_t i = period; i <= 2 * pm1; ++i) {  // EMA1 only; sums for EMA2's seed
    e1 = ema_next(e1, x[i], k, k1);
    sum2 += e1;
  }
  e2 = sum2 / pd;  // EMA2 at row 2(p−1)
  sum3 = e2;
  for (size_t i = 2 * pm1 + 1; i <= 3 * pm1; ++i) {
    e1 = ema_next(e1, x[i], k, k1);
    e2 = ema_next(e2, e1, k, k1);
    sum3 += e2;
  }
  e3 = sum3 / pd;  // EMA3 at row 3(p−1)
  double prev = e3;
  for (size_t i = 3 * pm1 + 1; i < n; ++i) {
    e1 = ema_next(e1, x[i], k, k1);
    e2 = ema_next(e2, e1, k, k1);
    e3 = ema_next(e3, e2, k, k1);
    y[i] = roc1(e3, prev);
    prev = e3;
  }
}

}  // namespace

Status register_trix(Registry& r) {
  IndicatorSpec s;
  s.name = "trix";
  s.talib_name = "TRIX";
  s.group = "momentum";
  s.title = "TRIX (1-bar ROC of a Triple EMA)";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30, 1)};
  s.outputs = {"trix"};
  s.lookback = trix_lookback;
  s.batch = trix_batch;
  s.stream = make_state_stream<TrixState>;
  s.definition =
      "100·(E3[t]/E3[t−1] − 1), where E3 = EMA(EMA(EMA(x))) with k = 2/(p+1). As in TA-Lib each "
      "EMA stage is seeded with the simple mean of the first `period` values of the stage "
      "before, so the lookback is 3(p−1)+1. 0 when E3[t−1] is 0.";
  s.source =
      "Jack Hutson, \"Good TRIX\", Technical Analysis of Stocks & Commodities (1983); "
      "TA-Lib TA_TRIX conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
