#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

Series ref_hma(const Series& x, int n) {
  const Series a = wma(x, n / 2), b = wma(x, n);
  Series raw(x.size());
  for (size_t i = 0; i < x.size(); ++i) raw[i] = 2 * a[i] - b[i];
  const int sq = int(std::floor(std::sqrt(double(n))));
  Series y(x.size(), NaN);
  for (size_t t = 0; t < x.size(); ++t) {
    if (t + 1 < size_t(n + sq - 1)) continue;
    double s = 0;
    for (int k = 0; k < sq; ++k) s += double(sq - k) * raw[t - size_t(k)];
    y[t] = s / (sq * (sq + 1) / 2.0);
  }
  return y;
}

TEST(Hma, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (int n : {9, 2, 3, 16, 20, 55}) {
      const Computed r = run("hma", {{"period", n}}, {&s.close});
      expect_matches(r.out[0], ref_hma(s.close, n), r.lookback,
                     s.name + " n=" + std::to_string(n));
    }
}

// On x[t] = a + b·t every WMA(p) lags by b·(p−1)/3, so
// HMA = x + b·((n−1) − 2(⌊n/2⌋−1) − (⌊√n⌋−1))/3; zero lag for n = 9 (and 4..8 even).
TEST(Hma, LinearSeries) {
  Series x(400);
  for (size_t i = 0; i < x.size(); ++i) x[i] = 50.0 + 0.75 * double(i);
  for (int n : {4, 6, 8, 9, 10, 16, 25, 30}) {
    const Computed r = run("hma", {{"period", n}}, {&x});
    const int sq = int(std::floor(std::sqrt(double(n))));
    const double offset = 0.75 * ((n - 1) - 2 * (n / 2 - 1) - (sq - 1)) / 3.0;
    for (size_t t = size_t(r.lookback); t < x.size(); ++t)
      ASSERT_NEAR(r.out[0][t], x[t] + offset, 1e-9 * x[t]) << "n=" << n << " row " << t;
    if (n == 9) EXPECT_NEAR(r.out[0][300], x[300], 1e-9 * x[300]);
  }
}

}  // namespace
}  // namespace nocode::testing
