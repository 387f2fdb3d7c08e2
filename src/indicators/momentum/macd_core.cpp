#include "indicators/momentum/macd_core.h"

#include <cmath>
#include <utility>

#include "indicators/indicator.h"
#include "indicators/momentum/momentum_core.h"

namespace nocode::indicators::momentum {

MacdConfig macd_config(int fast, int slow, int signal) {
  if (slow < fast) std::swap(fast, slow);
  return MacdConfig{fast, slow, signal, per_to_k(fast), per_to_k(slow), per_to_k(signal)};
}

MacdConfig macdfix_config(int signal) {
  return MacdConfig{12, 26, signal, 0.15, 0.075, per_to_k(signal)};
}

MacdEmaState::MacdEmaState(const MacdConfig& c)
    : cfg(c),
      fast_start(c.slow_period - c.fast_period) {}

// Phases by bar index i (L = slow-1, S = signal):
//  i <  L      : seed sums (slow from bar 0, fast from bar L-fast+1)
//  i == L      : EMAs = seed sums / period; MACD starts; signal sum starts
//  L < i       : EMA steps
//  i <= L+S-1  : signal seed sum; at L+S-1 signal = sum/S, first output
//  i >  L+S-1  : signal EMA step
bool MacdEmaState::step(double x, double* out) {
  const long i = count++;
  const long last_seed = cfg.slow_period - 1;
  double m;
  if (i <= last_seed) {
    slow += x;
    if (i >= fast_start) fast += x;
    if (i < last_seed) return false;
    fast = fast / cfg.fast_period;
    slow = slow / cfg.slow_period;
  } else {
    fast = ema_step(fast, cfg.k_fast, x);
    slow = ema_step(slow, cfg.k_slow, x);
  }
  m = fast - slow;
  const long first_out = last_seed + cfg.signal_period - 1;
  if (i < first_out) {
    signal += m;
    return false;
  }
  if (i == first_out) {
    signal += m;
    signal = signal / cfg.signal_period;
  } else {
    signal = ema_step(signal, cfg.k_signal, m);
  }
  out[0] = m;
  out[1] = signal;
  out[2] = m - signal;
  return true;
}

void macd_ema_batch(const MacdConfig& c, const double* x, size_t n, double* const* out) {
  const size_t lookback = static_cast<size_t>(c.lookback());
  for (int k = 0; k < 3; ++k)
    for (size_t i = 0; i < n && i < lookback; ++i) out[k][i] = kNaN;
  if (n <= lookback) return;
  MacdEmaState st(c);
  double tmp[3];
  // Warm-up and the first output through the state (same expressions).
  for (size_t i = 0; i <= lookback; ++i)
    if (st.step(x[i], tmp)) out[0][i] = tmp[0], out[1][i] = tmp[1], out[2][i] = tmp[2];
  double fast = st.fast, slow = st.slow, signal = st.signal;
  const double kf = c.k_fast, ks = c.k_slow, kg = c.k_signal;
  double *y0 = out[0], *y1 = out[1], *y2 = out[2];
  for (size_t i = lookback + 1; i < n; ++i) {
    const double v = x[i];
    fast = ema_step(fast, kf, v);
    slow = ema_step(slow, ks, v);
    const double m = fast - slow;
    signal = ema_step(signal, kg, m);
    y0[i] = m;
    y1[i] = signal;
    y2[i] = m - signal;
  }
}

}  // namespace nocode::indicators::momentum
