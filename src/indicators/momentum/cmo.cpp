// CMO: Chande Momentum Oscillator as TA-Lib computes it: gains and losses are
// Wilder-smoothed like RSI (seeded with the mean of the first p changes),
// then 100·(gain − loss)/(gain + loss).
#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

inline double cmo_value(double gain, double loss) {
  const double sum = gain + loss;
  const double v = 100.0 * ((gain - loss) / sum);
  return (-1e-14 < sum && sum < 1e-14) ? 0.0 : v;
}

struct CmoState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit CmoState(const Params& p)
      : period(p.integer(0)), pm1(double(period - 1)), pd(double(period)) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    if (count == 0) {
      prev = x;
      ++count;
      return false;
    }
    const double d = x - prev;
    prev = x;
    // TA-Lib: a negative change is a loss, anything else (NaN too) a gain.
    const double up = d < 0 ? 0.0 : d;
    const double down = d < 0 ? -d : 0.0;
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
      gain = (gain * pm1 + up) / pd;
      loss = (loss * pm1 + down) / pd;
    }
    out[0] = cmo_value(gain, loss);
    return true;
  }

  int period;
  double pm1, pd;
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
  const double pm1 = double(period - 1), pd = double(period);
  double gain = 0, loss = 0;
  for (size_t i = 1; i <= period; ++i) {
    const double d = x[i] - x[i - 1];
    gain += d < 0 ? 0.0 : d;
    loss += d < 0 ? -d : 0.0;
  }
  gain /= pd;
  loss /= pd;
  y[period] = cmo_value(gain, loss);
  for (size_t i = period + 1; i < n; ++i) {
    const double d = x[i] - x[i - 1];
    const double up = d < 0 ? 0.0 : d;
    const double down = d < 0 ? -d : 0.0;
    gain = (gain * pm1 + up) / pd;
    loss = (loss * pm1 + down) / pd;
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
      "`(prev·(p−1) + x)/p`), as TA-Lib computes it; plain window sums (Chande's original, "
      "Tulip) give different values. 0 when G + L is within 1e-14 of zero.";
  s.source = "Tushar Chande & Stanley Kroll, The New Technical Trader (1994); TA-Lib TA_CMO "
             "conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
