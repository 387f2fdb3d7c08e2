#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Nvi, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (double start : {1000.0, 1.0, 250.5}) {
      const Computed r = run("nvi", {{"start", start}}, {&s.close, &s.volume});
      EXPECT_EQ(r.lookback, 0);
      Series ref(s.size());
      double idx = start;
      ref[0] = idx;
      size_t changed = 0;
      for (size_t t = 1; t < s.size(); ++t) {
        if (s.volume[t] < s.volume[t - 1]) {
          idx = idx * (1.0 + (s.close[t] - s.close[t - 1]) / s.close[t - 1]);
          ++changed;
        }
        ref[t] = idx;
      }
      EXPECT_GT(changed, s.size() / 10);
      expect_matches(r.out[0], ref, 0, s.name);
      // the index only moves on nvi bars: elsewhere it repeats
      for (size_t t = 1; t < s.size(); ++t)
        if (!(s.volume[t] < s.volume[t - 1])) ASSERT_EQ(r.out[0][t], r.out[0][t - 1]);
    }
}

}  // namespace
}  // namespace nocode::testing
