#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

// AO = SMA5(median) − SMA34(median), with the registry's own SMA (TA-Lib SMA).
TEST(Ao, EqualsDifferenceOfRegistrySmas) {
  for (const Ohlcv& s : test_series())
    for (auto [f, sl] : {std::pair{5, 34}, {3, 10}, {34, 5}, {2, 2}}) {
      const Computed r = run("ao", {{"fastPeriod", f}, {"slowPeriod", sl}}, {&s.high, &s.low});
      const Series med = median_price(s);
      const Computed a = run("sma", {{"period", f}}, {&med});
      const Computed b = run("sma", {{"period", sl}}, {&med});
      Series ref(s.size());
      for (size_t t = 0; t < s.size(); ++t) ref[t] = a.out[0][t] - b.out[0][t];
      expect_matches(r.out[0], ref, r.lookback, s.name + " " + std::to_string(f));
      EXPECT_EQ(r.lookback, std::max(f, sl) - 1);
    }
}

TEST(Ao, Aliases) { EXPECT_EQ(&spec("AO"), &spec("awesome_oscillator")); }

}  // namespace
}  // namespace nocode::testing
