#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Cmf, MatchesDefinition) {
  for (const Ohlcv& s : test_series()) {
    Series mfv(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
      const double hl = s.high[i] - s.low[i];
      mfv[i] =
          hl > 0 ? ((s.close[i] - s.low[i]) - (s.high[i] - s.close[i])) / hl * s.volume[i] : 0.0;
    }
    for (int n : {20, 1, 21, 60}) {
      const Computed r =
          run("chaikin_money_flow", {{"period", n}}, {&s.high, &s.low, &s.close, &s.volume});
      EXPECT_EQ(r.lookback, n - 1);
      Series ref(s.size(), NaN);
      for (size_t t = size_t(n - 1); t < s.size(); ++t)
        ref[t] = window_sum(mfv, t, n) / window_sum(s.volume, t, n);
      const std::string where = s.name + " n=" + std::to_string(n);
      expect_matches(r.out[0], ref, r.lookback, where);
      for (size_t t = size_t(r.lookback); t < s.size(); ++t) {
        ASSERT_LE(r.out[0][t], 1.0 + 1e-12);
        ASSERT_GE(r.out[0][t], -1.0 - 1e-12);
      }
    }
  }
}

}  // namespace
}  // namespace nocode::testing
