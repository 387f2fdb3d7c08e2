// The EMA-based MACD shared by MACD and MACDFIX (TA-Lib's INT_MACD).
//
// TA-Lib conventions: both EMAs start at the same bar L = slow−1, so the
// fast EMA is seeded with the SMA of bars L−fast+1..L (not 0..fast−1); the
// MACD line exists from L but is emitted only from L+signal−1, where the
// signal EMA is seeded with the SMA of MACD[L..L+signal−1].
// The three EMAs run fused in one pass, each step as fma(k, x−prev, prev).
#pragma once

#include <cstddef>

namespace nocode::indicators::momentum {

struct MacdConfig {
  int fast_period, slow_period, signal_period;  // fast <= slow
  double k_fast, k_slow, k_signal;
  int lookback() const { return slow_period - 1 + signal_period - 1; }
};

// MACD(fast, slow, signal) with TA-Lib's swap (slow < fast swaps them) and
// k = 2/(p+1).
MacdConfig macd_config(int fast, int slow, int signal);
// MACDFIX(signal): 12/26 with k = 0.15 and 0.075.
MacdConfig macdfix_config(int signal);

// out[0] macd, out[1] signal, out[2] hist; NaN before lookback().
void macd_ema_batch(const MacdConfig& c, const double* x, size_t n, double* const* out);

struct MacdEmaState {
  explicit MacdEmaState(const MacdConfig& c);
  // Returns true and writes 3 outputs once ready.
  bool step(double x, double* out);

  MacdConfig cfg;
  long count = 0;
  long fast_start;  // first bar of the fast seed window
  double fast = 0, slow = 0, signal = 0;
};

}  // namespace nocode::indicators::momentum
