#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Vortex, MatchesDefinition) {
  for (const Ohlcv& s : test_series()) {
    const Series tr = true_range(s);
    Series vp(s.size(), NaN), vm(s.size(), NaN);
    for (size_t t = 1; t < s.size(); ++t) {
      vp[t] = std::fabs(s.high[t] - s.low[t - 1]);
      vm[t] = std::fabs(s.low[t] - s.high[t - 1]);
    }
    for (int n : {14, 1, 21}) {
      const Computed r = run("vortex", {{"period", n}}, {&s.high, &s.low, &s.close});
      EXPECT_EQ(r.lookback, n);
      Series p(s.size(), NaN), m(s.size(), NaN);
      for (size_t t = size_t(n); t < s.size(); ++t) {
        p[t] = window_sum(vp, t, n) / window_sum(tr, t, n);
        m[t] = window_sum(vm, t, n) / window_sum(tr, t, n);
      }
      const std::string where = s.name + " n=" + std::to_string(n);
      expect_matches(r.out[0], p, r.lookback, where + " vi_plus");
      expect_matches(r.out[1], m, r.lookback, where + " vi_minus");
    }
  }
}

}  // namespace
}  // namespace nocode::testing
