#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Emv, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (auto [n, div] : {std::pair{14, 1e8}, {1, 1e4}, {30, 1.0}}) {
      const Computed r =
          run("ease_of_movement", {{"period", n}, {"divisor", div}}, {&s.high, &s.low, &s.volume});
      EXPECT_EQ(r.lookback, n);
      Series raw(s.size(), NaN);
      for (size_t t = 1; t < s.size(); ++t) {
        const double dist = (s.high[t] + s.low[t]) / 2 - (s.high[t - 1] + s.low[t - 1]) / 2;
        const double box = (s.volume[t] / div) / (s.high[t] - s.low[t]);
        raw[t] = s.volume[t] == 0 ? 0.0 : dist / box;
      }
      Series ref(s.size(), NaN);
      for (size_t t = size_t(n); t < s.size(); ++t) ref[t] = window_sum(raw, t, n) / n;
      expect_matches(r.out[0], ref, r.lookback, s.name + " n=" + std::to_string(n));
    }
}

}  // namespace
}  // namespace nocode::testing
