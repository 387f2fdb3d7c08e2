#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Ui, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (int n : {14, 1, 2, 30}) {
      const Computed r = run("ulcer_index", {{"period", n}}, {&s.close});
      EXPECT_EQ(r.lookback, 2 * (n - 1));
      Series dd(s.size(), NaN), ref(s.size(), NaN);
      for (size_t t = size_t(n - 1); t < s.size(); ++t) {
        const double peak = highest(s.close, t, n);
        dd[t] = 100.0 * (s.close[t] - peak) / peak;
      }
      for (size_t t = size_t(r.lookback); t < s.size(); ++t) {
        double q = 0;
        for (int k = 0; k < n; ++k) q += dd[t - size_t(k)] * dd[t - size_t(k)];
        ref[t] = std::sqrt(q / n);
      }
      const std::string where = s.name + " n=" + std::to_string(n);
      // UI is 0 on new highs: judge against the series' own scale
      expect_matches(r.out[0], ref, r.lookback, where);
      for (size_t t = size_t(r.lookback); t < s.size(); ++t) ASSERT_GE(r.out[0][t], 0.0);
    }
}

TEST(Ui, RisingSeriesIsZero) {
  Series x(100);
  for (size_t i = 0; i < x.size(); ++i) x[i] = 10.0 + double(i);
  const Computed r = run("ui", {}, {&x});
  for (size_t t = size_t(r.lookback); t < x.size(); ++t) ASSERT_EQ(r.out[0][t], 0.0);
}

}  // namespace
}  // namespace nocode::testing
