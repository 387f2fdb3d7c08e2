#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Dc, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (int n : {20, 1, 2, 55}) {
      const Computed r = run("donchian", {{"period", n}}, {&s.high, &s.low});
      EXPECT_EQ(r.lookback, n - 1);
      Series up(s.size(), NaN), md(s.size(), NaN), lo(s.size(), NaN);
      for (size_t t = size_t(n - 1); t < s.size(); ++t) {
        up[t] = highest(s.high, t, n);
        lo[t] = lowest(s.low, t, n);
        md[t] = (up[t] + lo[t]) / 2;
      }
      const std::string where = s.name + " n=" + std::to_string(n);
      expect_matches(r.out[0], up, r.lookback, where + " upper");
      expect_matches(r.out[1], md, r.lookback, where + " middle");
      expect_matches(r.out[2], lo, r.lookback, where + " lower");
      for (size_t t = size_t(r.lookback); t < s.size(); ++t) {
        ASSERT_GE(r.out[0][t], r.out[1][t]);
        ASSERT_GE(r.out[1][t], r.out[2][t]);
        ASSERT_GE(r.out[0][t], s.high[t]);
        ASSERT_LE(r.out[2][t], s.low[t]);
      }
    }
}

}  // namespace
}  // namespace nocode::testing
