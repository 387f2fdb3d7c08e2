#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Thermo, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (int n : {22, 1, 5}) {
      const Computed r = run("market_thermometer", {{"period", n}}, {&s.high, &s.low});
      EXPECT_EQ(r.lookback, n);
      Series raw(s.size(), NaN);
      for (size_t t = 1; t < s.size(); ++t)
        raw[t] = std::max(std::fabs(s.high[t] - s.high[t - 1]), std::fabs(s.low[t - 1] - s.low[t]));
      const Series e = ema(raw, n);
      Series th(s.size(), NaN);
      for (size_t t = size_t(n); t < s.size(); ++t) th[t] = raw[t];
      const std::string where = s.name + " n=" + std::to_string(n);
      expect_matches(r.out[0], th, r.lookback, where + " thermo");
      expect_matches(r.out[1], e, r.lookback, where + " ema");
    }
}

}  // namespace
}  // namespace nocode::testing
