#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

Series ref_vidya(const Series& x, int period, int m) {
  const double alpha = 2.0 / (period + 1);
  Series y(x.size(), NaN);
  if (x.size() < size_t(m)) return y;
  double v = x[size_t(m) - 1];
  for (size_t t = size_t(m); t < x.size(); ++t) {
    double up = 0, down = 0;
    for (int k = 0; k < m; ++k) {
      const double d = x[t - size_t(k)] - x[t - size_t(k) - 1];
      if (d > 0) up += d;
      else down -= d;
    }
    const double cmo = up + down == 0 ? 0.0 : (up - down) / (up + down);
    const double a = alpha * std::fabs(cmo);
    v = a * x[t] + (1 - a) * v;
    y[t] = v;
  }
  return y;
}

TEST(Vidya, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (auto [n, m] : {std::pair{12, 9}, {14, 14}, {1, 1}, {30, 5}, {5, 20}}) {
      const Computed r = run("vidya", {{"period", n}, {"cmo_period", m}}, {&s.close});
      expect_matches(r.out[0], ref_vidya(s.close, n, m), r.lookback,
                     s.name + " n=" + std::to_string(n) + " m=" + std::to_string(m));
    }
}

TEST(Vidya, FlatRunHoldsValue) {
  Series x(200);
  for (size_t i = 0; i < x.size(); ++i) x[i] = i < 80 ? 100 + std::sin(0.3 * double(i)) : 101.5;
  const Computed r = run("vidya", {}, {&x});
  expect_matches(r.out[0], ref_vidya(x, 12, 9), r.lookback, "flat tail");
  EXPECT_EQ(r.out[0][150], r.out[0][199]);  // k = 0 exactly once the window is flat
}

}  // namespace
}  // namespace nocode::testing
