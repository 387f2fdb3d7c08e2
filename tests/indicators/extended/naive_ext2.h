// Reference building blocks for the ext2 tests (volatility/volume/market
// structure indicators), written from the published definitions with plain
// loops; they share no code with src/.
#pragma once

#include "naive.h"

namespace nocode::testing::naive {

// True range from row 1 (NaN on row 0): max(h−l, |h−pc|, |l−pc|).
inline Series true_range(const Ohlcv& s) {
  Series tr(s.size(), NaN);
  for (size_t t = 1; t < s.size(); ++t) {
    const double pc = s.close[t - 1];
    tr[t] = std::max({s.high[t] - s.low[t], std::fabs(s.high[t] - pc), std::fabs(s.low[t] - pc)});
  }
  return tr;
}

// Sum of v[t−n+1 .. t] (NaN when any is NaN or the window is incomplete).
inline double window_sum(const Series& v, size_t t, int n) {
  if (t + 1 < size_t(n)) return NaN;
  double s = 0;
  for (int k = 0; k < n; ++k) s += v[t - size_t(k)];
  return s;
}

// Population standard deviation of x[t−n+1 .. t], two-pass.
inline double pop_sd(const Series& x, size_t t, int n) {
  const double m = sma_at(x, t, n);
  double q = 0;
  for (int k = 0; k < n; ++k) q += (x[t - size_t(k)] - m) * (x[t - size_t(k)] - m);
  return std::sqrt(q / n);
}

// Least-squares line through y[t−n+1 .. t] (x = 0..n−1), value at x = n−1,
// solved with centred sums.
inline double linreg_at(const Series& y, size_t t, int n) {
  double mx = 0, my = 0;
  for (int i = 0; i < n; ++i) {
    mx += i;
    my += y[t + 1 - size_t(n) + size_t(i)];
  }
  mx /= n;
  my /= n;
  double sxy = 0, sxx = 0;
  for (int i = 0; i < n; ++i) {
    const double dx = i - mx;
    sxy += dx * (y[t + 1 - size_t(n) + size_t(i)] - my);
    sxx += dx * dx;
  }
  const double b = sxy / sxx;
  return my + b * ((n - 1) - mx);
}

inline Series typical_price(const Ohlcv& s) {
  Series tp(s.size());
  for (size_t i = 0; i < s.size(); ++i) tp[i] = (s.high[i] + s.low[i] + s.close[i]) / 3.0;
  return tp;
}

// Expects every output to be NaN before `lookback` and (for finite inputs)
// finite from it on.
inline void expect_warmup(const Computed& r, const std::string& where) {
  for (size_t o = 0; o < r.out.size(); ++o)
    for (size_t i = 0; i < r.out[o].size(); ++i) {
      if (int(i) < r.lookback) ASSERT_TRUE(std::isnan(r.out[o][i])) << where << " row " << i;
    }
}

}  // namespace nocode::testing::naive
