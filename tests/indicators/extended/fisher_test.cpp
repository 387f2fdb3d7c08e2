#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

// Ehlers' 2002 EasyLanguage, literally.
std::pair<Series, Series> ref_fisher(const Ohlcv& s, int len) {
  const Series price = median_price(s);
  Series fish(s.size(), NaN), trig(s.size(), NaN);
  double value1 = 0, f = 0;
  for (size_t t = size_t(len) - 1; t < s.size(); ++t) {
    const double mx = highest(price, t, len), mn = lowest(price, t, len);
    const double x = mx == mn ? 0.0 : (price[t] - mn) / (mx - mn) - 0.5;
    value1 = 0.33 * 2 * x + 0.67 * value1;
    if (value1 > 0.99) value1 = 0.999;
    if (value1 < -0.99) value1 = -0.999;
    const double prev = f;
    f = 0.5 * std::log((1 + value1) / (1 - value1)) + 0.5 * f;
    if (t == size_t(len) - 1) continue;
    fish[t] = f;
    trig[t] = prev;
  }
  return {fish, trig};
}

TEST(Fisher, MatchesEhlers) {
  for (const Ohlcv& s : test_series())
    for (int n : {10, 2, 5, 30}) {
      const Computed r = run("fisher", {{"period", n}}, {&s.high, &s.low});
      const auto [fish, trig] = ref_fisher(s, n);
      expect_matches(r.out[0], fish, r.lookback, s.name + " fisher " + std::to_string(n));
      expect_matches(r.out[1], trig, r.lookback, s.name + " trigger " + std::to_string(n));
      for (size_t t = size_t(r.lookback) + 1; t < s.size(); ++t)
        ASSERT_EQ(r.out[1][t], r.out[0][t - 1]);
    }
}

}  // namespace
}  // namespace nocode::testing
