#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Fi, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (int n : {13, 1, 2, 50}) {
      const Computed r = run("force_index", {{"period", n}}, {&s.close, &s.volume});
      EXPECT_EQ(r.lookback, n);
      Series raw(s.size(), NaN);
      for (size_t t = 1; t < s.size(); ++t) raw[t] = (s.close[t] - s.close[t - 1]) * s.volume[t];
      expect_matches(r.out[0], ema(raw, n), r.lookback, s.name + " n=" + std::to_string(n));
    }
}

}  // namespace
}  // namespace nocode::testing
