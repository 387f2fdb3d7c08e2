// The Wilder-smoothed true range behind ATR and NATR.
//
// TA-Lib seeds with the mean of TR over bars 1..p (at row p) and then runs
// prev = (prev·(p−1) + tr)/p, whose multiply-add-divide chain costs ~19
// cycles a bar. We run the same recursion as fma(prev, (p−1)/p, tr·(1/p)):
// one 4-cycle FMA on the dependency chain, and the smoothing is contractive,
// so the difference from TA-Lib stays at a few ulps (~1e-15 relative).
// The batch kernel computes TR for a chunk of rows into the output first
// (vectorised), then runs the recursion over it.
#pragma once

#include <cmath>

#include "indicators/indicator.h"
#include "indicators/state_stream.h"
#include "indicators/volatility/true_range.h"

namespace nocode::indicators {

// NATR: (atr / close)·100, 0 when |close| < 1e-14 (TA-Lib).
inline double natr_of(double atr, double close) {
  const double v = (atr / close) * 100.0;
  return (-1e-14 < close && close < 1e-14) ? 0.0 : v;
}

template <bool kNormalized>
struct AtrState {
  static constexpr size_t kInputs = 3, kOutputs = 1;  // high, low, close
  explicit AtrState(const Params& p)
      : period(p.integer(0)),
        pd(double(period)),
        a(double(period - 1) / double(period)),
        inv(1.0 / double(period)) {}

  bool step(const double* bar, double* out) {
    const double prev = prev_close;
    prev_close = bar[2];
    const int i = count++;  // bar index
    if (i == 0) return false;
    const double tr = true_range(bar[0], bar[1], prev);
    if (period == 1) {  // TA-Lib returns TRANGE itself (NATR too: not normalised)
      out[0] = tr;
      return true;
    }
    if (i < period) {
      sum += tr;
      return false;
    }
    if (i == period) {
      sum += tr;
      atr = sum / pd;
    } else {
      atr = std::fma(atr, a, tr * inv);
    }
    out[0] = kNormalized ? natr_of(atr, bar[2]) : atr;
    return true;
  }

  int period;
  double pd, a, inv;
  int count = 0;
  double prev_close = 0, sum = 0, atr = 0;
};

inline int atr_lookback(const Params& p) { return p.integer(0); }

template <bool kNormalized>
void atr_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double* __restrict h = in[0];
  const double* __restrict l = in[1];
  const double* __restrict c = in[2];
  double* __restrict y = out[0];
  const size_t period = size_t(p.integer(0));
  fill_warmup(out, 1, n, period);
  if (n <= period) return;
  if (period == 1) {
    for (size_t i = 1; i < n; ++i) y[i] = true_range(h[i], l[i], c[i - 1]);
    return;
  }
  const double pd = double(period);
  const double a = double(period - 1) / pd;
  const double inv = 1.0 / pd;
  double sum = 0;
  for (size_t i = 1; i <= period; ++i) sum += true_range(h[i], l[i], c[i - 1]);
  double atr = sum / pd;
  y[period] = kNormalized ? natr_of(atr, c[period]) : atr;
  for (size_t base = period + 1; base < n; base += kTrueRangeChunk) {
    const size_t end = base + kTrueRangeChunk < n ? base + kTrueRangeChunk : n;
    for (size_t i = base; i < end; ++i) y[i] = true_range(h[i], l[i], c[i - 1]) * inv;
    for (size_t i = base; i < end; ++i) y[i] = atr = std::fma(atr, a, y[i]);
    if constexpr (kNormalized)  // the division, vectorised, off the recursion
      for (size_t i = base; i < end; ++i) y[i] = natr_of(y[i], c[i]);
  }
}

}  // namespace nocode::indicators
