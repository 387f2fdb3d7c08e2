// Conventions of AD, ADOSC and OBV (and MFI's volume side) beyond the generic
// parity test: OBV's start at volume[0], ADOSC's unswapped periods and
// first-value seeding, AD skipping bars without a range, aliases.
#include <gtest/gtest.h>

#include <cmath>

#include "indicators/momentum/oscillator_helpers.h"

namespace nocode::testing {
namespace {

using namespace osc;  // NOLINT

TEST(Obv, StartsAtTheFirstVolumeAndIgnoresTies) {
  Ohlcv s = random_walk(300, 21);
  for (size_t i = 100; i < 120; ++i) s.close[i] = s.close[99];  // unchanged closes
  const auto got = ours("obv", s);
  EXPECT_EQ(got[0][0], s.volume[0]);
  for (size_t i = 101; i < 120; ++i) EXPECT_EQ(got[0][i], got[0][i - 1]) << i;
  // Naive running total.
  double obv = s.volume[0];
  for (size_t i = 1; i < s.size(); ++i) {
    if (s.close[i] > s.close[i - 1])
      obv += s.volume[i];
    else if (s.close[i] < s.close[i - 1])
      obv -= s.volume[i];
    ASSERT_EQ(got[0][i], obv) << i;
  }
  EXPECT_LT(worst_error("obv", s), 1e-15);
}

TEST(Obv, NanPricesAndVolumesMatchTalib) {
  Ohlcv s = random_walk(300, 22);
  s.close[50] = std::nan("");
  s.close[51] = std::nan("");
  s.volume[200] = std::nan("");
  EXPECT_LT(worst_error("obv", s), 1e-15);
  expect_stream_matches("obv", s);
}

TEST(Ad, SkipsBarsWithoutRangeAndHasAliases) {
  Ohlcv s = random_walk(200, 23);
  s.high[30] = s.low[30];        // no range: AD unchanged
  s.high[31] = s.low[31] - 0.5;  // negative range: unchanged
  s.high[60] = s.low[60] = std::nan("");
  const auto got = ours("ad", s);
  EXPECT_EQ(got[0][30], got[0][29]);
  EXPECT_EQ(got[0][31], got[0][30]);
  EXPECT_EQ(got[0][60], got[0][59]);
  const double clv =
      ((s.close[32] - s.low[32]) - (s.high[32] - s.close[32])) / (s.high[32] - s.low[32]);
  EXPECT_EQ(got[0][32], got[0][31] + clv * s.volume[32]);
  EXPECT_LT(worst_error("ad", s), 1e-13);
  expect_stream_matches("ad", s);
  for (const char* alias : {"chaikin_ad", "accumulation_distribution", "AD"})
    EXPECT_EQ(indicators::builtin_registry().find(alias), &spec_of("ad")) << alias;
}

TEST(Adosc, PeriodsAreNotSwapped) {
  const Ohlcv s = random_walk(400, 24);
  const auto a = ours("adosc", s, {{"fast_period", 3}, {"slow_period", 10}});
  const auto b = ours("adosc", s, {{"fast_period", 10}, {"slow_period", 3}});
  for (size_t i = 0; i < s.size(); ++i) {
    if (i < 9) {
      EXPECT_TRUE(std::isnan(a[0][i]) && std::isnan(b[0][i])) << i;
      continue;
    }
    ASSERT_EQ(a[0][i], -b[0][i]) << i;
  }
  EXPECT_LT(worst_error("adosc", s, {{"fast_period", 10}, {"slow_period", 3}}), 1e-10);
  EXPECT_LT(worst_error("adosc", s, {{"fast_period", 3}, {"slow_period", 10}}), 1e-10);
}

// Both EMAs start from the first AD value, so ADOSC(p, p) is exactly 0.
TEST(Adosc, SeededWithTheFirstAdValue) {
  const Ohlcv s = random_walk(100, 25);
  const auto z = ours("adosc", s, {{"fast_period", 7}, {"slow_period", 7}});
  for (size_t i = 6; i < s.size(); ++i) EXPECT_EQ(z[0][i], 0.0) << i;
  EXPECT_EQ(spec_of("adosc").lookback(
                params_of(spec_of("adosc"), {{"fast_period", 12}, {"slow_period", 4}})),
            11);
}

// ADOSC runs its EMAs with a fused multiply-add; guard the margin on long
// and real series (worst measured ~2e-11).
TEST(Adosc, StaysWellWithinTheParityTolerance) {
  const Ohlcv walk = random_walk(20000, 26);
  for (const Ohlcv* s : {&walk}) {
    EXPECT_LT(worst_error("adosc", *s), 1e-10);
    EXPECT_LT(worst_error("adosc", *s, {{"fast_period", 20}, {"slow_period", 100}}), 1e-10);
  }
  for (const char* f : {"GOOG.csv", "orcl-1995-2014.txt"})
    EXPECT_LT(worst_error("adosc", shared_series(f), {{"fast_period", 5}, {"slow_period", 40}}),
              1e-10)
        << f;
}

TEST(Mfi, ZeroVolumeGivesZero) {
  Ohlcv s = random_walk(100, 27);
  for (auto& v : s.volume) v = 0;
  const auto got = ours("mfi", s);
  for (size_t i = 14; i < s.size(); ++i) EXPECT_EQ(got[0][i], 0.0);
  EXPECT_LT(worst_error("mfi", s), 1e-15);
}

}  // namespace
}  // namespace nocode::testing
