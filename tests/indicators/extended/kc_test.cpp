#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Kc, MatchesDefinition) {
  for (const Ohlcv& s : test_series()) {
    const Series tr = true_range(s);
    for (auto [n, mult, m] : {std::tuple{20, 2.0, 10}, {10, 1.5, 14}, {1, 2.0, 1}, {5, 0.5, 30}}) {
      const Computed r = run("kc", {{"period", n}, {"multiplier", mult}, {"atr_period", m}},
                             {&s.high, &s.low, &s.close});
      EXPECT_EQ(r.lookback, std::max(n - 1, m));
      const Series mid = ema(s.close, n), atr = wilder(tr, m);
      Series up(s.size(), NaN), lo(s.size(), NaN), md(s.size(), NaN);
      for (size_t t = size_t(r.lookback); t < s.size(); ++t) {
        md[t] = mid[t];
        up[t] = mid[t] + mult * atr[t];
        lo[t] = mid[t] - mult * atr[t];
      }
      const std::string where = s.name + " n=" + std::to_string(n) + " m=" + std::to_string(m);
      expect_matches(r.out[0], up, r.lookback, where + " upper");
      expect_matches(r.out[1], md, r.lookback, where + " middle");
      expect_matches(r.out[2], lo, r.lookback, where + " lower");
    }
  }
}

// The middle line is the registry's EMA and the half width its ATR.
TEST(Kc, MiddleIsRegistryEmaAndWidthIsAtr) {
  for (const Ohlcv& s : test_series()) {
    const Computed r = run("keltner_channels", {}, {&s.high, &s.low, &s.close});
    const Computed e = run("ema", {{"period", 20}}, {&s.close});
    const Computed a = run("atr", {{"period", 10}}, {&s.high, &s.low, &s.close});
    for (size_t t = size_t(r.lookback); t < s.size(); ++t) {
      ASSERT_NEAR(r.out[1][t], e.out[0][t], 1e-9 * std::fabs(e.out[0][t])) << s.name << " " << t;
      ASSERT_NEAR(r.out[0][t] - r.out[1][t], 2.0 * a.out[0][t], 1e-9 * std::fabs(r.out[1][t]));
      ASSERT_GE(r.out[0][t], r.out[2][t]);
    }
  }
}

}  // namespace
}  // namespace nocode::testing
