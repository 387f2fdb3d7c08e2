#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Bbwidth, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (auto [n, k] : {std::pair{20, 2.0}, {5, 1.0}, {2, 3.0}, {50, 2.5}}) {
      const Computed r = run("bbwidth", {{"period", n}, {"multiplier", k}}, {&s.close});
      EXPECT_EQ(r.lookback, n - 1);
      Series ref(s.size(), NaN);
      for (size_t t = size_t(n - 1); t < s.size(); ++t) {
        const double m = sma_at(s.close, t, n), sd = pop_sd(s.close, t, n);
        ref[t] = ((m + k * sd) - (m - k * sd)) / m * 100.0;
      }
      expect_matches(r.out[0], ref, r.lookback, s.name + " n=" + std::to_string(n));
    }
}

// Same number as the registry's BBANDS: (upper − lower)/middle · 100.
TEST(Bbwidth, MatchesRegistryBbands) {
  for (const Ohlcv& s : test_series()) {
    const Computed r = run("bb_width", {}, {&s.close});
    const Computed b = run("bbands", {{"period", 20}, {"nbdevup", 2}, {"nbdevdn", 2}}, {&s.close});
    for (size_t t = size_t(r.lookback); t < s.size(); ++t) {
      const double ref = (b.out[0][t] - b.out[2][t]) / b.out[1][t] * 100.0;
      ASSERT_NEAR(r.out[0][t], ref, 1e-9 * std::max(1.0, std::fabs(ref))) << s.name << " " << t;
      ASSERT_GE(r.out[0][t], 0.0);
    }
  }
}

}  // namespace
}  // namespace nocode::testing
