// Shared kernel of VAR and STDDEV: TA-Lib's running population variance
// E[x²] − E[x]² over the last `period` values. Both running sums start at the
// first row and are updated as "add the newest, emit, subtract the oldest", in
// exactly TA-Lib's operation order, so the (tiny, sometimes negative) residues
// of flat windows match TA-Lib's numbers.
#pragma once

#include <cmath>
#include <vector>

#include "indicators/indicator.h"
#include "indicators/state_stream.h"

namespace nocode::indicators::variance {

// TA-Lib's TA_IS_ZERO_OR_NEG threshold: STDDEV is 0 where VAR < 1e-14.
inline constexpr double kZeroOrNeg = 1e-14;

inline double stddev_of(double var, double nbdev) {
  return var < kZeroOrNeg ? 0.0 : std::sqrt(var) * nbdev;
}

// One bar of the running sums. Returns the variance of the window that ends at
// `x`, then removes `oldest` (the value that leaves the window next).
struct Sums {
  double s1 = 0, s2 = 0;
  void add(double x) {
    s1 += x;
    s2 += x * x;
  }
  double variance(double period) const {
    const double m1 = s1 / period, m2 = s2 / period;
    return m2 - m1 * m1;
  }
  void remove(double x) {
    s1 -= x;
    s2 -= x * x;
  }
};

struct VarState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit VarState(const Params& p)
      : period(p.integer(0)), nbdev(p.values.size() > 1 ? p.real(1) : 1.0), window(period, 0.0) {}

  // Returns true once the window is full and writes the variance.
  bool step_var(double x, double* var) {
    sums.add(x);
    window[pos] = x;
    if (++pos == window.size()) pos = 0;
    if (count < period) ++count;
    if (count < period) return false;
    *var = sums.variance(double(period));
    sums.remove(window[pos]);
    return true;
  }

  int period;
  double nbdev;
  std::vector<double> window;
  size_t pos = 0;
  int count = 0;
  Sums sums;
};

// Variance into y[period-1 .. n); NaN before. The running sums are a serial
// chain; the divisions of a block are done afterwards in a vectorised loop
// (same expressions, same bits).
inline void var_batch_into(const double* __restrict x, size_t n, int period_i, double* __restrict y) {
  const size_t period = size_t(period_i);
  const size_t warm = period - 1 < n ? period - 1 : n;
  for (size_t i = 0; i < warm; ++i) y[i] = kNaN;
  if (n < period) return;
  Sums s;
  for (size_t i = 0; i + 1 < period; ++i) s.add(x[i]);
  const double p = double(period);
  constexpr size_t kBlock = 256;
  double b1[kBlock], b2[kBlock];
  for (size_t start = period - 1; start < n; start += kBlock) {
    const size_t len = n - start < kBlock ? n - start : kBlock;
    for (size_t j = 0; j < len; ++j) {
      const size_t i = start + j;
      s.add(x[i]);
      b1[j] = s.s1;
      b2[j] = s.s2;
      s.remove(x[i + 1 - period]);
    }
    for (size_t j = 0; j < len; ++j) {
      const double m1 = b1[j] / p, m2 = b2[j] / p;
      y[start + j] = m2 - m1 * m1;
    }
  }
}

}  // namespace nocode::indicators::variance
