// Trend kinds on hand-made series: lookbacks, fitted slopes, strength.
#include <cmath>

#include "fixture.h"

namespace nocode::engine::testing {
namespace {

TEST(Trend, RisingAndFallingUseLookback) {
  const std::vector<double> l = {1, 2, 3, 2, 4};
  ConditionParams p;
  p.lookback = 2;
  EXPECT_EQ(eval("rising", inputs(l), p), bits({0, 0, 1, 0, 1}));
  EXPECT_EQ(eval("falling", inputs(l), p), bits({0, 0, 0, 0, 0}));
  p.lookback = 1;
  EXPECT_EQ(eval("falling", inputs(l), p), bits({0, 0, 0, 1, 0}));
  const std::vector<double> gap = {1, kNaN, 3, 4};
  EXPECT_EQ(eval("rising", inputs(gap), p), bits({0, 0, 0, 1}));
}

TEST(Trend, PolynomialTrendSlopeOfAParabola) {
  std::vector<double> l(25);
  for (size_t t = 0; t < l.size(); ++t) l[t] = (t - 10.0) * (t - 10.0);
  ConditionParams p;
  p.lookback = 5;
  p.value = 0.5;  // the fitted parabola is exact: slope at t is 2 (t - 10)
  const Signal s = eval("polynomial_trend", inputs(l), p);
  for (size_t t = 0; t < l.size(); ++t) EXPECT_EQ(s[t], t >= 4 && 2 * (t - 10.0) > 0.5) << t;
}

TEST(Trend, LinearRegressionSlopeOfALine) {
  std::vector<double> l(30);
  for (size_t t = 0; t < l.size(); ++t) l[t] = 3.0 * t + 1;
  ConditionParams p;
  p.value = 2.5;  // N = 14 (lookback 1)
  const Signal s = eval("linear_regression_slope", inputs(l), p);
  for (size_t t = 0; t < l.size(); ++t) EXPECT_EQ(s[t], t >= 13) << t;
  p.value = 3.5;
  const Signal none = eval("linear_regression_slope", inputs(l), p);
  for (uint8_t b : none) EXPECT_EQ(b, 0);
}

TEST(Trend, TrendStrengthNeedsAStraightLineInTheDirection) {
  std::vector<double> up(30), noise(30);
  for (size_t t = 0; t < up.size(); ++t) up[t] = 100 + t, noise[t] = 100 + (t % 2 ? 3 : -3);
  ConditionParams p;  // N = 20, moderate: r^2 >= 0.5
  const Signal s = eval("trend_strength", inputs(up), p);
  for (size_t t = 0; t < up.size(); ++t) EXPECT_EQ(s[t], t >= 19) << t;
  for (uint8_t b : eval("trend_strength", inputs(noise), p)) EXPECT_EQ(b, 0);
  p.value = -1;
  for (uint8_t b : eval("trend_strength", inputs(up), p)) EXPECT_EQ(b, 0);
}

TEST(Trend, SidewaysIsANarrowRange) {
  std::vector<double> l(30);
  for (size_t t = 0; t < l.size(); ++t) l[t] = t < 20 ? 100 + (t % 2) : 100 + 3.0 * (t - 19);
  ConditionParams p;
  p.lookback = 5;  // range of 5 bars <= 5% of the mean
  const Signal s = eval("sideways", inputs(l), p);
  for (size_t t = 0; t < l.size(); ++t) {
    double hi = -1e9, lo = 1e9, m = 0;
    if (t < 4) {
      EXPECT_EQ(s[t], 0);
      continue;
    }
    for (size_t i = t - 4; i <= t; ++i)
      hi = std::max(hi, l[i]), lo = std::min(lo, l[i]), m += l[i] / 5;
    EXPECT_EQ(s[t], 100 * (hi - lo) / m <= 5) << t;
  }
}

TEST(Trend, MomentumChangeIsAOneBarJumpInRoc) {
  const std::vector<double> l = {100, 100, 100, 100, 110, 111};
  ConditionParams p;
  p.lookback = 2;  // ROC over 2 bars: -, -, 0, 0, 10, 11; jumps 0, 10, 1
  EXPECT_EQ(eval("momentum_change", inputs(l), p), bits({0, 0, 0, 0, 1, 0}));
}

TEST(Trend, ElliottImpulseFromConfirmedPivots) {
  // 5% zig-zag pivots 100, 120, 110, 150, 130, 160; the last is known at bar 6.
  const std::vector<double> l = {100, 120, 110, 150, 130, 160, 150, 155};
  EXPECT_EQ(eval("elliott_wave_count", inputs(l)), bits({0, 0, 0, 0, 0, 0, 1, 1}));
  std::vector<double> overlap = l;
  overlap[4] = 118;  // wave 4 (118) enters wave 1's territory (120)
  EXPECT_EQ(eval("elliott_wave_count", inputs(overlap)), Signal(l.size(), 0));
}

}  // namespace
}  // namespace nocode::engine::testing
