#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

// Klinger's volume force, written out with explicit per-bar arrays.
Series volume_force(const Ohlcv& s) {
  const size_t n = s.size();
  Series vf(n, NaN);
  std::vector<int> trend(n, 0);
  Series dm(n), cm(n, NaN);
  for (size_t t = 0; t < n; ++t) dm[t] = s.high[t] - s.low[t];
  for (size_t t = 1; t < n; ++t) {
    const double hlc = s.high[t] + s.low[t] + s.close[t];
    const double prev = s.high[t - 1] + s.low[t - 1] + s.close[t - 1];
    trend[t] = hlc > prev ? 1 : -1;
    const bool continues = t >= 2 && trend[t] == trend[t - 1];
    cm[t] = continues ? cm[t - 1] + dm[t] : dm[t - 1] + dm[t];
    const double ratio = cm[t] == 0 ? 0.0 : dm[t] / cm[t];
    vf[t] = s.volume[t] * std::fabs(2.0 * (ratio - 1.0)) * trend[t] * 100.0;
  }
  return vf;
}

TEST(Kvo, MatchesDefinition) {
  for (const Ohlcv& s : test_series()) {
    const Series vf = volume_force(s);
    for (auto [f, sl, sg] : {std::tuple{34, 55, 13}, {5, 10, 3}, {1, 2, 1}, {20, 10, 5}}) {
      const Computed r =
          run("klinger", {{"fast_period", f}, {"slow_period", sl}, {"signal_period", sg}},
              {&s.high, &s.low, &s.close, &s.volume});
      EXPECT_EQ(r.lookback, std::max(f, sl) + sg - 1);
      const Series ef = ema(vf, f), es = ema(vf, sl);
      Series kvo(s.size(), NaN);
      for (size_t t = size_t(std::max(f, sl)); t < s.size(); ++t) kvo[t] = ef[t] - es[t];
      const Series sig = ema(kvo, sg);
      Series k2(s.size(), NaN);
      for (size_t t = size_t(r.lookback); t < s.size(); ++t) k2[t] = kvo[t];
      const std::string where = s.name + " " + std::to_string(f) + "/" + std::to_string(sl);
      expect_matches(r.out[0], k2, r.lookback, where + " kvo");
      expect_matches(r.out[1], sig, r.lookback, where + " signal");
    }
  }
}

}  // namespace
}  // namespace nocode::testing
