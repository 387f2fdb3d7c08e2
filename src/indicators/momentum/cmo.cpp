// CMO: Chande Momentum Oscillator as TA-Lib computes it: gains and losses are
// Wilder-smoothed like RSI (seeded with the mean of the first p changes),
// then 100·(gain − loss)/(gain + loss).
//
// TA-Lib's smoothing step (prev·(p−1) + x)/p puts a multiply, an add and a
// division on the dependency chain (~19 cycles a bar). We run it as
// fma(prev, (p−1)/p, x·(1/p)): one 4-cycle FMA on the chain. The smoothing
// is contractive, so the two stay within a few ulps (~1e-15 relative).
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/momentum/branchless.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

// TA-Lib: a negative change is a loss, anything else (NaN too) a gain.
// Branch-free, since the sign of a price change is a coin flip.
inline double gain_of(double d) { return select_d(d < 0, 0.0, d); }
inline double loss_of(double d) { return select_d(d < 0, -d, 0.0); }

inline double cmo_value(double gain, double loss) {
  const double sum = gain + loss;
  const double v = 100.0 * ((gain - loss) / sum);
  return (-1e-14 < sum && sum < 1e-14) ? 0.0 : v;
}

struct CmoState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit CmoState(const Params& p)
      : period(p.integer(0)),
        pd(double(period)),
        a(double(period - 1) / double(period)),
        inv(1.0 / double(period)) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    if (count == 0) {
      prev = x;
      ++count;
      return false;
    }
    const double d = x - prev;
    prev = x;
    const double up = gain_of(d);
    const double down = loss_of(d);
    if (count < period) {  // seeding: plain sums of the first p changes
      gain += up;
      loss += down;
      ++count;
      return false;
    }
    if (count == period) {
      gain += up;
      loss += down;
      gain /= pd;
      loss /= pd;
      ++count;
    } else {
      gain = std::fma(gain, a, up * inv);
      loss = std::fma(loss, a, down * inv);
    }
    out[0] = cmo_value(gain, loss);
    return true;
  }

  int period;
  double pd, a, inv;
  int count = 0;
  double prev = 0, gain = 0, loss = 0;
};

int cmo_lookback(const Params& p) { return p.integer(0); }

void cmo_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double* __restrict x = in[0];
  double* __restrict y = out[0];
  const size_t period = size_t(p.integer(0));
  fill_warmup(out, 1, n, period);
  if (n <= period) return;
  const double pd = double(period);
  const double a = double(period - 1) / pd;
  const double inv = 1.0 / pd;
  double gain = 0, loss = 0;
  for (size_t i = 1; i <= period; ++i) {
    const double d = x[i] - x[i - 1];
    gain += gain_of(d);
    loss += loss_of(d);
  }
  gain /= pd;
  loss /= pd;
  y[period] = cmo_value(gain, loss);
  for (size_t i = period + 1; i < n; ++i) {
    const double d = x[i] - x[i - 1];
    const double up = gain_of(d);
    const double down = loss_of(d);
    gain = std::fma(gain, a, up * inv);
    loss = std::fma(loss, a, down * inv);
    y[i] = cmo_value(gain, loss);
  }
}

}  // namespace

Status register_cmo(Registry& r) {
  IndicatorSpec s;
  s.name = "cmo";
  s.talib_name = "CMO";
  s.group = "momentum";
  s.title = "Chande Momentum Oscillator";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(14, 2)};
  s.outputs = {"cmo"};
  s.lookback = cmo_lookback;
  s.batch = cmo_batch;
  s.stream = make_state_stream<CmoState>;
  s.definition =
      "100·(G − L)/(G + L), where G and L are the Wilder-smoothed gains and losses of the "
      "bar-to-bar changes (seeded with the mean of the first `period` changes, then "
      "`(prev·(p−1) + x)/p`, run as one fused multiply-add), as TA-Lib computes it; plain window "
      "sums (Chande's original, "
      "Tulip) give different values. 0 when G + L is within 1e-14 of zero.";
  s.source =
      "Tushar Chande & Stanley Kroll, The New Technical Trader (1994); TA-Lib TA_CMO "
      "conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
