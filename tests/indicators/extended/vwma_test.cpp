#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

Series ref_vwma(const Series& x, const Series& v, int n) {
  Series y(x.size(), NaN);
  for (size_t t = size_t(n) - 1; t < x.size(); ++t) {
    double pv = 0, vs = 0, xs = 0;
    for (int k = 0; k < n; ++k) {
      pv += x[t - size_t(k)] * v[t - size_t(k)];
      vs += v[t - size_t(k)];
      xs += x[t - size_t(k)];
    }
    y[t] = vs == 0 ? xs / n : pv / vs;
  }
  return y;
}

TEST(Vwma, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (int n : {20, 1, 7, 50}) {
      const Computed r = run("vwma", {{"period", n}}, {&s.close, &s.volume});
      expect_matches(r.out[0], ref_vwma(s.close, s.volume, n), r.lookback,
                     s.name + " n=" + std::to_string(n));
    }
}

TEST(Vwma, ZeroVolumeWindowFallsBackToMean) {
  Ohlcv s = random_walk(300, 3);
  for (size_t i = 100; i < 160; ++i) s.volume[i] = 0;
  const Computed r = run("vwma", {{"period", 10}}, {&s.close, &s.volume});
  expect_matches(r.out[0], ref_vwma(s.close, s.volume, 10), r.lookback, "zero volume");
  EXPECT_EQ(r.out[0][150], sma_at(s.close, 150, 10));
}

TEST(Vwma, EditorAlias) { EXPECT_EQ(&spec("VWMA"), &spec("volume_weighted_moving_average")); }

}  // namespace
}  // namespace nocode::testing
