// Comparison kinds on hand-made series; statistics against naive loops.
#include <cmath>

#include "fixture.h"

namespace nocode::engine::testing {
namespace {

TEST(Comparison, OperatorsAgainstConstantAndSeries) {
  const std::vector<double> l = {1, 2, 3, kNaN, 2};
  const std::vector<double> r = {2, 2, 2, 2, kNaN};
  ConditionParams p;
  p.value = 2;
  EXPECT_EQ(eval("greater_than", inputs(l), p), bits({0, 0, 1, 0, 0}));
  EXPECT_EQ(eval("less_than", inputs(l), p), bits({1, 0, 0, 0, 0}));
  EXPECT_EQ(eval("greater_equal", inputs(l), p), bits({0, 1, 1, 0, 1}));
  EXPECT_EQ(eval("less_equal", inputs(l), p), bits({1, 1, 0, 0, 1}));
  EXPECT_EQ(eval("equal_to", inputs(l), p), bits({0, 1, 0, 0, 1}));
  EXPECT_EQ(eval("not_equal", inputs(l), p), bits({1, 0, 1, 0, 0}));
  // R on value-input overrides `value`; NaN on either side -> false.
  EXPECT_EQ(eval("greater_equal", inputs(l, &r), p), bits({0, 1, 1, 0, 0}));
}

TEST(Comparison, SynonymsGiveTheSameSignal) {
  const std::vector<double> l = {1, 2, 3, 2, 1};
  ConditionParams p;
  p.value = 2;
  EXPECT_EQ(eval(">", inputs(l), p), eval("greater_than", inputs(l), p));
  EXPECT_EQ(eval("<=", inputs(l), p), eval("less_equal", inputs(l), p));
  EXPECT_EQ(eval("equals", inputs(l), p), eval("equal_to", inputs(l), p));
  EXPECT_EQ(eval("!=", inputs(l), p), eval("not_equal", inputs(l), p));
}

TEST(Comparison, RangeBoundsAreInclusive) {
  const std::vector<double> l = {0, 1, 5, 10, 11, kNaN};
  ConditionParams p;
  p.value = 1;
  p.value2 = 10;
  EXPECT_EQ(eval("range", inputs(l), p), bits({0, 1, 1, 1, 0, 0}));
  EXPECT_EQ(eval("between", inputs(l), p), bits({0, 1, 1, 1, 0, 0}));
  EXPECT_EQ(eval("outside_range", inputs(l), p), bits({1, 0, 0, 0, 1, 0}));
}

TEST(Comparison, PercentageChangeByDirection) {
  const std::vector<double> l = {100, 104, 106, 100};
  ConditionParams p;  // pT 5
  EXPECT_EQ(eval("percentage_change", inputs(l), p), bits({0, 0, 0, 0}));
  p.lookback = 2;  // +6% at bar 2, -3.8% at bar 3
  EXPECT_EQ(eval("percentage_change", inputs(l), p), bits({0, 0, 1, 0}));
  p.lookback = 1;
  p.value = -1;  // bearish: -5.66% at bar 3
  EXPECT_EQ(eval("percentage_change", inputs(l), p), bits({0, 0, 0, 1}));
}

TEST(Comparison, ChangeKindsAgainstR) {
  const std::vector<double> l = {100, 103, 101, 90};
  ConditionParams p;
  p.value = 2;  // ROC > 2%: +3% at 1; |change| > 2: 3, 2 (not >), 11
  EXPECT_EQ(eval("rate_of_change", inputs(l), p), bits({0, 1, 0, 0}));
  EXPECT_EQ(eval("absolute_change", inputs(l), p), bits({0, 1, 0, 1}));
}

std::vector<double> wiggle(size_t n) {
  std::vector<double> x(n);
  for (size_t i = 0; i < n; ++i) x[i] = 50 + 10 * std::sin(i * 0.7) + 0.3 * i + (i % 5);
  return x;
}

TEST(Comparison, ZScoreAndPercentileMatchNaiveLoops) {
  const auto l = wiggle(80);
  ConditionParams p;
  p.lookback = 10;
  p.value = 0.5;
  const Signal z = eval("z_score", inputs(l), p);
  const Signal pr = [&] {
    ConditionParams q = p;
    q.value = 60;
    return eval("percentile_rank", inputs(l), q);
  }();
  for (size_t t = 0; t < l.size(); ++t) {
    if (t < 9) {
      EXPECT_EQ(z[t], 0);
      EXPECT_EQ(pr[t], 0);
      continue;
    }
    double m = 0, ss = 0;
    int below = 0;
    for (size_t i = t - 9; i <= t; ++i) m += l[i] / 10;
    for (size_t i = t - 9; i <= t; ++i) ss += (l[i] - m) * (l[i] - m), below += l[i] <= l[t];
    EXPECT_EQ(z[t], (l[t] - m) / std::sqrt(ss / 10) > 0.5) << t;
    EXPECT_EQ(pr[t], below * 10.0 > 60) << t;
  }
}

TEST(Comparison, BollingerPositionAndMaDeviationMatchNaiveLoops) {
  const auto l = wiggle(60);
  ConditionParams p;
  p.lookback = 5;
  p.value = 0.8;
  const Signal bp = eval("bollinger_position", inputs(l), p);
  p.value = 1.0;
  const Signal dev = eval("moving_average_deviation", inputs(l), p);
  for (size_t t = 4; t < l.size(); ++t) {
    double m = 0, ss = 0;
    for (size_t i = t - 4; i <= t; ++i) m += l[i] / 5;
    for (size_t i = t - 4; i <= t; ++i) ss += (l[i] - m) * (l[i] - m);
    const double sd = std::sqrt(ss / 5);
    EXPECT_EQ(bp[t], (l[t] - (m - 2 * sd)) / (4 * sd) > 0.8) << t;
    EXPECT_EQ(dev[t], 100 * (l[t] - m) / m > 1.0) << t;
  }
}

TEST(Comparison, StandardDeviationMultipleFlagsALargeMove) {
  std::vector<double> l = {10, 11, 10, 11, 10, 11, 10, 11, 10, 20};
  ConditionParams p;
  p.lookback = 4;
  p.volatility_multiplier = 1.5;  // changes alternate +-1 (SD 1); the jump is +10
  Signal s = eval("standard_deviation_multiple", inputs(l), p);
  EXPECT_EQ(s[9], 1);
  for (size_t t = 0; t < 9; ++t) EXPECT_EQ(s[t], 0) << t;
}

}  // namespace
}  // namespace nocode::engine::testing
