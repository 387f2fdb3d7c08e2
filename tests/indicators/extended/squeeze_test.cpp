#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Squeeze, MatchesDefinition) {
  for (const Ohlcv& s : test_series()) {
    const Series tr = true_range(s);
    for (auto [n, bbk, kck] : {std::tuple{20, 2.0, 1.5}, {10, 1.5, 2.0}, {2, 2.0, 1.0}}) {
      const Computed r =
          run("ttm_squeeze", {{"period", n}, {"multiplier", bbk}, {"kc_multiplier", kck}},
              {&s.high, &s.low, &s.close});
      EXPECT_EQ(r.lookback, std::max(2 * n - 2, n));
      const Series kc_mid = ema(s.close, n), atr = wilder(tr, n);
      Series delta(s.size(), NaN), mom(s.size(), NaN);
      for (size_t t = size_t(n - 1); t < s.size(); ++t)
        delta[t] = s.close[t] -
                   ((highest(s.high, t, n) + lowest(s.low, t, n)) / 2 + sma_at(s.close, t, n)) / 2;
      for (size_t t = size_t(r.lookback); t < s.size(); ++t) mom[t] = linreg_at(delta, t, n);
      const std::string where = s.name + " n=" + std::to_string(n);
      expect_matches(r.out[1], mom, r.lookback, where + " momentum");
      int decided = 0, on = 0;
      for (size_t t = size_t(r.lookback); t < s.size(); ++t) {
        const double m = sma_at(s.close, t, n), sd = pop_sd(s.close, t, n);
        const double bu = m + bbk * sd, bl = m - bbk * sd;
        const double ku = kc_mid[t] + kck * atr[t], kl = kc_mid[t] - kck * atr[t];
        const double eps = 1e-9 * std::fabs(m);
        if (std::fabs(bu - ku) < eps || std::fabs(bl - kl) < eps) continue;  // knife edge
        const double want = (bu < ku && bl > kl) ? 1.0 : 0.0;
        ASSERT_EQ(r.out[0][t], want) << where << " row " << t;
        ++decided;
        on += want == 1.0;
      }
      EXPECT_GT(decided, 0);
      if (n == 20) EXPECT_GT(on, 0) << where << ": the squeeze should fire somewhere";
    }
  }
}

TEST(Squeeze, Causal) {
  const Ohlcv s = shared_series("GOOG.csv");
  expect_causal("squeeze", {&s.high, &s.low, &s.close});
}

}  // namespace
}  // namespace nocode::testing
