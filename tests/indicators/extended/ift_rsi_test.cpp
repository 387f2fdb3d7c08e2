#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(IftRsi, MatchesEhlersDefinition) {
  for (const Ohlcv& s : test_series())
    for (auto [n, w] : {std::pair{5, 9}, {14, 9}, {2, 1}, {10, 20}}) {
      const Computed r = run("ift_rsi", {{"period", n}, {"wma_period", w}}, {&s.close});
      const Series rs = rsi(s.close, n);
      Series v1(rs.size());
      for (size_t t = 0; t < rs.size(); ++t) v1[t] = 0.1 * (rs[t] - 50);
      const Series v2 = wma(v1, w);
      Series ref(v2.size());
      for (size_t t = 0; t < v2.size(); ++t)
        ref[t] = (std::exp(2 * v2[t]) - 1) / (std::exp(2 * v2[t]) + 1);
      expect_matches(r.out[0], ref, r.lookback, s.name + " n=" + std::to_string(n));
      for (size_t t = size_t(r.lookback); t < ref.size(); ++t)
        ASSERT_TRUE(r.out[0][t] > -1 && r.out[0][t] < 1);
    }
}

TEST(IftRsi, EditorSpelling) { EXPECT_EQ(spec("IFT_RSI").name, "ift_rsi"); }

}  // namespace
}  // namespace nocode::testing
