#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Kdj, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (auto [n, m1, m2] : {std::tuple{9, 3, 3}, {14, 3, 3}, {1, 1, 1}, {20, 5, 2}}) {
      const Computed r = run("kdj", {{"kPeriod", n}, {"slowing", m1}, {"dPeriod", m2}},
                        {&s.high, &s.low, &s.close});
      std::vector<Series> ref(3, Series(s.size(), NaN));
      double k = 50, d = 50;
      for (size_t t = size_t(n) - 1; t < s.size(); ++t) {
        const double hh = highest(s.high, t, n), ll = lowest(s.low, t, n);
        const double rsv = hh == ll ? 50 : 100 * (s.close[t] - ll) / (hh - ll);
        k = rsv / m1 + k * (m1 - 1) / m1;
        d = k / m2 + d * (m2 - 1) / m2;
        ref[0][t] = k;
        ref[1][t] = d;
        ref[2][t] = 3 * k - 2 * d;
      }
      for (size_t o = 0; o < 3; ++o)
        expect_matches(r.out[o], ref[o], r.lookback,
                       s.name + " n=" + std::to_string(n) + " " + spec("kdj").outputs[o]);
    }
}

TEST(Kdj, FlatWindowIsNeutral) {
  Ohlcv s = random_walk(60, 5);
  for (size_t i = 0; i < s.size(); ++i) s.high[i] = s.low[i] = s.close[i] = 10;
  const Computed r = run("kdj", {}, {&s.high, &s.low, &s.close});
  EXPECT_EQ(r.out[0][40], 50);
  EXPECT_EQ(r.out[2][40], 50);
}

}  // namespace
}  // namespace nocode::testing
