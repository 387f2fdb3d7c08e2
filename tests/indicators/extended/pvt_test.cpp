#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Pvt, MatchesDefinition) {
  for (const Ohlcv& s : test_series()) {
    const Computed r = run("price_volume_trend", {}, {&s.close, &s.volume});
    EXPECT_EQ(r.lookback, 0);
    Series ref(s.size());
    ref[0] = 0;
    for (size_t t = 1; t < s.size(); ++t) {
      // sum from scratch: independent of any running-sum order
      double sum = 0;
      for (size_t i = 1; i <= t; ++i)
        sum += s.volume[i] * (s.close[i] - s.close[i - 1]) / s.close[i - 1];
      ref[t] = sum;
      if (t > 400) break;  // O(n²): the first 400 rows suffice
    }
    Series head(r.out[0].begin(), r.out[0].begin() + 402), want(ref.begin(), ref.begin() + 402);
    expect_matches(head, want, 0, s.name);
  }
}

}  // namespace
}  // namespace nocode::testing
