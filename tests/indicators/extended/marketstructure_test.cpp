#include "naive_ext2.h"

namespace nocode::testing {
namespace {
using namespace naive;

// Swing pivots found by scanning the whole history, then replayed in order
// of their confirmation row p + s.
TEST(MarketStructure, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (int st : {5, 1, 2, 10}) {
      const Computed r = run("market_structure", {{"strength", st}}, {&s.high, &s.low});
      EXPECT_EQ(r.lookback, 2 * st);
      const size_t n = s.size(), k = size_t(st);
      std::vector<double> highs, lows;  // confirmed so far, in order
      size_t hh_count = 0, ll_count = 0;
      for (size_t t = 2 * k; t < n; ++t) {
        const size_t p = t - k;
        bool is_high = true, is_low = true;
        for (size_t j = p - k; j <= p + k; ++j) {
          if (j == p) continue;
          if (j < p ? !(s.high[p] > s.high[j]) : !(s.high[p] >= s.high[j])) is_high = false;
          if (j < p ? !(s.low[p] < s.low[j]) : !(s.low[p] <= s.low[j])) is_low = false;
        }
        if (is_high) highs.push_back(s.high[p]);
        if (is_low) lows.push_back(s.low[p]);
        const double hh =
            highs.size() >= 2 && highs[highs.size() - 1] > highs[highs.size() - 2] ? 1.0 : 0.0;
        const double ll =
            lows.size() >= 2 && lows[lows.size() - 1] < lows[lows.size() - 2] ? 1.0 : 0.0;
        const std::string where = s.name + " s=" + std::to_string(st) + " row " + std::to_string(t);
        ASSERT_EQ(r.out[0][t], hh) << where;
        ASSERT_EQ(r.out[1][t], ll) << where;
        if (lows.empty())
          ASSERT_TRUE(std::isnan(r.out[2][t])) << where;
        else
          ASSERT_EQ(r.out[2][t], lows.back()) << where;
        if (highs.empty())
          ASSERT_TRUE(std::isnan(r.out[3][t])) << where;
        else
          ASSERT_EQ(r.out[3][t], highs.back()) << where;
        hh_count += hh == 1.0;
        ll_count += ll == 1.0;
      }
      for (size_t t = 0; t < 2 * k && t < n; ++t)
        for (int o = 0; o < 4; ++o) ASSERT_TRUE(std::isnan(r.out[size_t(o)][t]));
      EXPECT_GT(highs.size(), 10u);
      EXPECT_GT(hh_count, 0u);
      EXPECT_GT(ll_count, 0u);
    }
}

TEST(MarketStructure, NoLookAhead) {
  const Ohlcv s = shared_series("GOOG.csv");
  expect_causal("marketstructure", {&s.high, &s.low}, {{"strength", 3}});
}

// A zig-zag with rising peaks and troughs: higher highs, never lower lows.
TEST(MarketStructure, RisingZigZag) {
  Series h, l;
  for (int i = 0; i < 200; ++i) {
    const int phase = i % 10;
    const double base = 100 + 0.5 * i + (phase < 5 ? phase : 10 - phase) * 3.0;
    h.push_back(base + 1);
    l.push_back(base - 1);
  }
  const Computed r = run("marketstructure", {{"strength", 2}}, {&h, &l});
  for (size_t t = 60; t < h.size(); ++t) {
    ASSERT_EQ(r.out[0][t], 1.0) << t;
    ASSERT_EQ(r.out[1][t], 0.0) << t;
    ASSERT_LT(r.out[2][t], r.out[3][t]) << t;
  }
}

}  // namespace
}  // namespace nocode::testing
