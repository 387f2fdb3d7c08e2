#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

struct Profile {
  double poc = NaN, vah = NaN, val = NaN;
};

// The definition, spelled out: histogram by bin, POC = first maximum, value
// area grown one neighbour at a time (larger volume first, above on ties).
Profile profile_at(const Ohlcv& s, size_t t, int n, int bins, double area) {
  double lo = s.low[t], hi = s.high[t];
  for (int k = 0; k < n; ++k) {
    lo = std::min(lo, s.low[t - size_t(k)]);
    hi = std::max(hi, s.high[t - size_t(k)]);
  }
  const double w = (hi - lo) / bins;
  std::vector<double> vol(size_t(bins), 0.0);
  double total = 0;
  for (size_t i = t + 1 - size_t(n); i <= t; ++i) {
    const double tp = (s.high[i] + s.low[i] + s.close[i]) / 3.0;
    int b = w > 0 ? int(std::floor((tp - lo) / w)) : 0;
    b = std::clamp(b, 0, bins - 1);
    vol[size_t(b)] += s.volume[i];
    total += s.volume[i];
  }
  Profile p;
  const int poc = int(std::max_element(vol.begin(), vol.end()) - vol.begin());
  int a = poc, z = poc;
  double in = vol[size_t(poc)];
  while (in < area * total && (a > 0 || z < bins - 1)) {
    const double up = z < bins - 1 ? vol[size_t(z + 1)] : -1;
    const double down = a > 0 ? vol[size_t(a - 1)] : -1;
    if (up >= down)
      in += vol[size_t(++z)];
    else
      in += vol[size_t(--a)];
  }
  EXPECT_GE(in, area * total * (1 - 1e-12));
  p.poc = lo + (poc + 0.5) * w;
  p.vah = lo + (z + 1) * w;
  p.val = lo + a * w;
  return p;
}

TEST(VolumeProfile, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (auto [n, bins, area] :
         {std::tuple{20, 24, 0.7}, {50, 10, 0.7}, {5, 1, 0.7}, {1, 7, 0.5}, {100, 40, 0.95}}) {
      const Computed r =
          run("volume_profile", {{"period", n}, {"bins", bins}, {"value_area", area}},
              {&s.high, &s.low, &s.close, &s.volume});
      EXPECT_EQ(r.lookback, n - 1);
      Series poc(s.size(), NaN), vah(s.size(), NaN), val(s.size(), NaN);
      for (size_t t = size_t(n - 1); t < s.size(); ++t) {
        const Profile p = profile_at(s, t, n, bins, area);
        poc[t] = p.poc, vah[t] = p.vah, val[t] = p.val;
      }
      const std::string where =
          s.name + " n=" + std::to_string(n) + " bins=" + std::to_string(bins);
      expect_matches(r.out[0], poc, r.lookback, where + " poc");
      expect_matches(r.out[1], vah, r.lookback, where + " vah");
      expect_matches(r.out[2], val, r.lookback, where + " val");
      for (size_t t = size_t(r.lookback); t < s.size(); ++t) {
        ASSERT_LE(r.out[2][t], r.out[0][t]);
        ASSERT_LE(r.out[0][t], r.out[1][t]);
        ASSERT_GE(r.out[2][t], lowest(s.low, t, n) * (1 - 1e-12));
        ASSERT_LE(r.out[1][t], highest(s.high, t, n) * (1 + 1e-12));
      }
    }
}

TEST(VolumeProfile, SinglePriceLevel) {
  // all volume at one price: POC there, value area = that bin
  Series h(30, 10.0), l(30, 10.0), c(30, 10.0), v(30, 5.0);
  const Computed r = run("volumeprofile", {}, {&h, &l, &c, &v});
  for (size_t t = size_t(r.lookback); t < h.size(); ++t) {
    EXPECT_EQ(r.out[0][t], 10.0);
    EXPECT_EQ(r.out[1][t], 10.0);
    EXPECT_EQ(r.out[2][t], 10.0);
  }
}

}  // namespace
}  // namespace nocode::testing
