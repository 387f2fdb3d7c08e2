#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

double mid(const Ohlcv& s, long t, int n) {
  if (t + 1 < n) return NaN;
  return (highest(s.high, size_t(t), n) + lowest(s.low, size_t(t), n)) / 2;
}

TEST(Ichimoku, MatchesCausalDefinition) {
  for (const Ohlcv& s : test_series())
    for (auto [a, b, c, d] : {std::tuple{9, 26, 52, 26}, {7, 22, 44, 22}, {20, 10, 5, 0},
                              {9, 26, 52, 80}}) {
      const Computed r = run("ichimoku",
                        {{"tenkan_period", a}, {"kijun_period", b}, {"senkou_b_period", c},
                         {"displacement", d}},
                        {&s.high, &s.low, &s.close});
      EXPECT_EQ(r.lookback, std::max({a, b, c}) - 1 + d);
      std::vector<Series> ref(5, Series(s.size(), NaN));
      for (long t = r.lookback; t < long(s.size()); ++t) {
        ref[0][size_t(t)] = mid(s, t, a);
        ref[1][size_t(t)] = mid(s, t, b);
        ref[2][size_t(t)] = (mid(s, t - d, a) + mid(s, t - d, b)) / 2;
        ref[3][size_t(t)] = mid(s, t - d, c);
        ref[4][size_t(t)] = s.close[size_t(t - d)];
      }
      for (int k = 0; k < 5; ++k)
        expect_matches(r.out[size_t(k)], ref[size_t(k)], r.lookback,
                       s.name + " " + spec("ichimoku").outputs[size_t(k)] + " d=" +
                           std::to_string(d));
    }
}

TEST(Ichimoku, NoLookAhead) {
  const Ohlcv s = shared_series("GOOG.csv");
  expect_causal("ichimoku", {&s.high, &s.low, &s.close});
}

TEST(Ichimoku, OutputOrderMatchesEditorHandles) {
  EXPECT_EQ(spec("Ichimoku").outputs,
            (std::vector<std::string>{"tenkan", "kijun", "senkou_a", "senkou_b", "chikou"}));
}

}  // namespace
}  // namespace nocode::testing
