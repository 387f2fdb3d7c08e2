#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Chop, MatchesDefinition) {
  for (const Ohlcv& s : test_series()) {
    const Series tr = true_range(s);
    for (int n : {14, 2, 3, 50}) {
      const Computed r = run("choppiness_index", {{"period", n}}, {&s.high, &s.low, &s.close});
      EXPECT_EQ(r.lookback, n);
      Series ref(s.size(), NaN);
      for (size_t t = size_t(n); t < s.size(); ++t) {
        const double range = highest(s.high, t, n) - lowest(s.low, t, n);
        ref[t] = 100.0 * std::log10(window_sum(tr, t, n) / range) / std::log10(double(n));
      }
      const std::string where = s.name + " n=" + std::to_string(n);
      expect_matches(r.out[0], ref, r.lookback, where);
      // Σ TR covers [lowest low, highest high] (the bars' TR intervals chain
      // through the closes), so CHOP >= 0; on real data with n >= 14 it stays
      // <= 100 (short periods can exceed it after a gap: the first TR reaches
      // the close before the window).
      size_t above = 0;
      for (size_t t = size_t(r.lookback); t < s.size(); ++t) {
        ASSERT_GE(r.out[0][t], -1e-9) << where << " row " << t;
        above += r.out[0][t] > 100.0;
      }
      if (n >= 14 && s.name.find("random") == std::string::npos) EXPECT_EQ(above, 0u) << where;
    }
  }
}

TEST(Chop, FlatWindowIsNaN) {
  Series h(40, 5.0), l(40, 5.0), c(40, 5.0);
  const Computed r = run("chop", {}, {&h, &l, &c});
  for (size_t t = size_t(r.lookback); t < h.size(); ++t) ASSERT_TRUE(std::isnan(r.out[0][t]));
}

}  // namespace
}  // namespace nocode::testing
