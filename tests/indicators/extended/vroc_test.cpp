#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Vroc, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (int n : {14, 1, 25}) {
      const Computed r = run("volume_roc", {{"period", n}}, {&s.volume});
      EXPECT_EQ(r.lookback, n);
      Series ref(s.size(), NaN);
      for (size_t t = size_t(n); t < s.size(); ++t) {
        const double old = s.volume[t - size_t(n)];
        ref[t] = old == 0 ? 0.0 : 100.0 * (s.volume[t] / old - 1.0);
      }
      expect_matches(r.out[0], ref, r.lookback, s.name + " n=" + std::to_string(n));
    }
}

}  // namespace
}  // namespace nocode::testing
