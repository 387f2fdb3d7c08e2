// Conventions of TRANGE, ATR and NATR beyond the generic parity test: the
// Wilder seed over TR of bars 1..p, period 1 (TA-Lib returns TRANGE, even for
// NATR), NaN previous closes, and the margin of the FMA-form smoothing.
#include <gtest/gtest.h>

#include <cmath>

#include "indicators/momentum/oscillator_helpers.h"

namespace nocode::testing {
namespace {

using namespace osc;  // NOLINT

TEST(Trange, IsTheLargestOfTheThreeRangesAndIgnoresANanPreviousClose) {
  Ohlcv s = random_walk(200, 31);
  s.close[49] = std::nan("");  // bar 50's previous close
  const auto got = ours("trange", s);
  EXPECT_TRUE(std::isnan(got[0][0]));
  EXPECT_EQ(got[0][50], s.high[50] - s.low[50]);
  for (size_t i = 1; i < s.size(); ++i) {
    if (i == 50) continue;
    const double want = std::max({s.high[i] - s.low[i], std::fabs(s.close[i - 1] - s.high[i]),
                                  std::fabs(s.close[i - 1] - s.low[i])});
    if (std::isnan(s.close[i - 1]) || std::isnan(s.close[i])) continue;
    ASSERT_EQ(got[0][i], want) << i;
  }
  EXPECT_LT(worst_error("trange", s), 1e-15);
}

TEST(Atr, SeedIsTheMeanTrueRangeOfBarsOneToP) {
  const Ohlcv s = random_walk(100, 32);
  const auto tr = ours("trange", s);
  const auto atr = ours("atr", s, {{"period", 5}});
  double sum = 0;
  for (size_t i = 1; i <= 5; ++i) sum += tr[0][i];
  EXPECT_TRUE(std::isnan(atr[0][4]));
  EXPECT_EQ(atr[0][5], sum / 5);
  EXPECT_NEAR(atr[0][6], (atr[0][5] * 4 + tr[0][6]) / 5, 1e-13);
}

TEST(Atr, PeriodOneIsTrangeForAtrAndNatr) {
  const Ohlcv s = random_walk(150, 33);
  const auto tr = ours("trange", s);
  for (const char* name : {"atr", "natr"}) {
    const auto got = ours(name, s, {{"period", 1}});
    for (size_t i = 0; i < s.size(); ++i)
      ASSERT_TRUE(bit_equal(got[0][i], tr[0][i])) << name << " " << i;
    EXPECT_LT(worst_error(name, s, {{"period", 1}}), 1e-15) << name;
  }
}

TEST(Natr, IsAtrOverCloseInPercent) {
  const Ohlcv s = random_walk(300, 34);
  const auto atr = ours("atr", s);
  const auto natr = ours("natr", s);
  for (size_t i = 14; i < s.size(); ++i) EXPECT_EQ(natr[0][i], atr[0][i] / s.close[i] * 100.0) << i;
}

// ATR/NATR run Wilder's recursion as one FMA; guard the margin (worst
// measured ~4e-15) on long, gappy and real series.
TEST(Atr, StaysWithinAFewUlpsOfTalib) {
  Ohlcv walk = random_walk(20000, 35);
  for (size_t i = 5000; i < 5100; ++i)
    walk.open[i] = walk.high[i] = walk.low[i] = walk.close[i] = 77;
  walk.close[9000] = std::nan("");
  for (const char* name : {"atr", "natr"}) {
    for (int p : {2, 14, 100, 1000}) {
      EXPECT_LT(worst_error(name, walk, {{"period", p}}), 1e-13) << name << " p=" << p;
      expect_stream_matches(name, walk, {{"period", p}});
    }
    for (const char* f : {"GOOG.csv", "orcl-1995-2014.txt"})
      EXPECT_LT(worst_error(name, shared_series(f), {{"period", 30}}), 1e-13) << name << " " << f;
  }
}

}  // namespace
}  // namespace nocode::testing
