#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Dpo, MatchesDisplacedPriceDefinition) {
  for (const Ohlcv& s : test_series())
    for (int n : {20, 2, 3, 10, 21, 50}) {
      const Computed r = run("dpo", {{"period", n}}, {&s.close});
      const size_t shift = size_t(n / 2 + 1);
      Series ref(s.size(), NaN);
      for (size_t t = shift; t < s.size(); ++t) ref[t] = s.close[t - shift] - sma_at(s.close, t, n);
      expect_matches(r.out[0], ref, r.lookback, s.name + " n=" + std::to_string(n));
    }
}

TEST(Dpo, NoLookAhead) {
  const Ohlcv s = shared_series("GOOG.csv");
  expect_causal("dpo", {&s.close});
}

}  // namespace
}  // namespace nocode::testing
