#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

Series ref_zlema(const Series& x, int n) {
  const int lag = (n - 1) / 2;
  Series d(x.size(), NaN);
  for (size_t t = size_t(lag); t < x.size(); ++t) d[t] = 2 * x[t] - x[t - size_t(lag)];
  return ema(d, n);
}

TEST(Zlema, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (int n : {20, 2, 3, 10, 21, 50}) {
      const Computed r = run("zlema", {{"period", n}}, {&s.close});
      expect_matches(r.out[0], ref_zlema(s.close, n), r.lookback,
                     s.name + " n=" + std::to_string(n));
    }
}

TEST(Zlema, ConstantSeriesIsConstant) {
  const Series x(100, 42.5);
  const Computed r = run("zlema", {}, {&x});
  for (size_t t = size_t(r.lookback); t < x.size(); ++t) EXPECT_DOUBLE_EQ(r.out[0][t], 42.5);
}

}  // namespace
}  // namespace nocode::testing
