#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Vwap, MatchesDefinition) {
  for (const Ohlcv& s : test_series()) {
    const Series tp = typical_price(s);
    for (int n : {0, 1, 14, 100}) {
      const Computed r = run("vwap", {{"period", n}}, {&s.high, &s.low, &s.close, &s.volume});
      EXPECT_EQ(r.lookback, n > 0 ? n - 1 : 0);
      Series ref(s.size(), NaN);
      for (size_t t = size_t(r.lookback); t < s.size(); ++t) {
        const size_t first = n == 0 ? 0 : t + 1 - size_t(n);
        double pv = 0, v = 0;
        for (size_t i = first; i <= t; ++i) pv += tp[i] * s.volume[i], v += s.volume[i];
        ref[t] = pv / v;
      }
      const std::string where = s.name + " n=" + std::to_string(n);
      expect_matches(r.out[0], ref, r.lookback, where);
      // a volume-weighted mean of typical prices lies within the window's range
      for (size_t t = size_t(std::max(r.lookback, 1)); n > 0 && t < s.size(); ++t) {
        ASSERT_LE(r.out[0][t], highest(s.high, t, n) * (1 + 1e-12));
        ASSERT_GE(r.out[0][t], lowest(s.low, t, n) * (1 - 1e-12));
      }
    }
  }
}

TEST(Vwap, ZeroVolumeIsNaN) {
  Series h(10, 2.0), l(10, 1.0), c(10, 1.5), v(10, 0.0);
  const Computed r = run("vwap", {}, {&h, &l, &c, &v});
  for (double x : r.out[0]) EXPECT_TRUE(std::isnan(x));
}

}  // namespace
}  // namespace nocode::testing
