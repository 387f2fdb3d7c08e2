// Crossover kinds, confirmation bars and invert on crafted series.
#include "fixture.h"

namespace nocode::engine::testing {
namespace {

TEST(Crossover, CrossesAConstant) {
  const std::vector<double> l = {1, 2, 3, 2, 1, 2, 3};
  ConditionParams p;
  p.value = 2;
  EXPECT_EQ(eval("crossover", inputs(l), p), bits({0, 0, 1, 0, 0, 0, 1}));
  EXPECT_EQ(eval("cross_above", inputs(l), p), bits({0, 0, 1, 0, 0, 0, 1}));
  EXPECT_EQ(eval("crossunder", inputs(l), p), bits({0, 0, 0, 0, 1, 0, 0}));
  EXPECT_EQ(eval("crosses_below", inputs(l), p), bits({0, 0, 0, 0, 1, 0, 0}));
}

TEST(Crossover, CrossesASeriesAndNaNIsFalse) {
  const std::vector<double> l = {1, 3, kNaN, 5, 1, 4};
  const std::vector<double> r = {2, 2, 2, 2, 2, 2};
  EXPECT_EQ(eval("crossover", inputs(l, &r)), bits({0, 1, 0, 0, 0, 1}));
  EXPECT_EQ(eval("golden_cross", inputs(l, &r)), bits({0, 1, 0, 0, 0, 1}));
  EXPECT_EQ(eval("death_cross", inputs(l, &r)), bits({0, 0, 0, 0, 1, 0}));
}

TEST(Crossover, ConfirmationBarsNeedNPlusOneTrueBars) {
  const std::vector<double> l = {3, 3, 1, 3, 3, 3};
  ConditionParams p;
  p.value = 2;
  p.confirmation_bars = 1;
  EXPECT_EQ(eval("greater_than", inputs(l), p), bits({0, 1, 0, 0, 1, 1}));
  p.confirmation_bars = 2;
  EXPECT_EQ(eval("greater_than", inputs(l), p), bits({0, 0, 0, 0, 0, 1}));
  p.invert = true;
  EXPECT_EQ(eval("greater_than", inputs(l), p), bits({1, 1, 1, 1, 1, 0}));
}

TEST(Crossover, LevelCrossDirectionFollowsTheMidpoint) {
  ConditionParams p;
  p.value = 30;  // below 50: leaving oversold upwards
  const std::vector<double> up = {20, 25, 35, 40, 28, 31};
  EXPECT_EQ(eval("rsi_level_cross", inputs(up), p), bits({0, 0, 1, 0, 0, 1}));
  p.value = 70;  // above 50: leaving overbought downwards
  const std::vector<double> down = {75, 72, 68, 71, 69};
  EXPECT_EQ(eval("rsi_level_cross", inputs(down), p), bits({0, 0, 1, 0, 1}));
  p.value = 20;
  EXPECT_EQ(eval("stoch_level_cross", inputs(std::vector<double>{10, 25, 15}), p), bits({0, 1, 0}));
  p.value = -80;  // Williams %R midpoint -50
  EXPECT_EQ(eval("williams_r_cross", inputs(std::vector<double>{-90, -70, -85}), p),
            bits({0, 1, 0}));
  p.value = 100;  // CCI midpoint 0: downwards through +100
  EXPECT_EQ(eval("cci_level_cross", inputs(std::vector<double>{150, 90, 120}), p), bits({0, 1, 0}));
}

TEST(Crossover, TripleMaCrossFiresWhenTheOrderForms) {
  const std::vector<double> f = {1, 3, 3, 1, 3};
  const std::vector<double> m = {2, 2, 2, 2, 2};
  const std::vector<double> s = {1.5, 1.5, 1.5, 1.5, 1.5};
  EXPECT_EQ(eval("triple_ma_cross", inputs(f, &m, &s)), bits({0, 1, 0, 0, 1}));
  ConditionParams p;
  p.value = -1;  // bearish: fast < medium < slow
  const std::vector<double> f2 = {3, 1, 1};
  const std::vector<double> s2 = {2.5, 2.5, 2.5};
  EXPECT_EQ(eval("triple_ma_cross", inputs(f2, &m, &s2), p), bits({0, 1, 0}));
  const std::vector<double> s3 = {1.5, 1.5, 1.5};  // medium above slow: never bearish order
  EXPECT_EQ(eval("triple_ma_cross", inputs(f2, &m, &s3), p), bits({0, 0, 0}));
}

TEST(Crossover, RegularBullishDivergence) {
  // Price makes a lower low at bar 6 (7.5 < 8 at bar 2); the oscillator a higher low (35 > 30).
  const std::vector<double> price = {10, 9, 8, 9, 10, 9, 7.5};
  const std::vector<double> osc = {50, 40, 30, 40, 50, 45, 35};
  const Frame bars = make_bars(price);
  ConditionParams p;
  p.lookback = 5;
  EXPECT_EQ(eval("bullish_divergence", inputs(osc, nullptr, nullptr, &bars), p),
            bits({0, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(eval("bearish_divergence", inputs(osc, nullptr, nullptr, &bars), p),
            bits({0, 0, 0, 0, 0, 0, 0}));
}

TEST(Crossover, MacdSignalCrossWithWiredLines) {
  const std::vector<double> macd = {-1, -0.5, 0.2, 0.1, -0.3};
  const std::vector<double> signal = {0, 0, 0, 0, 0};
  EXPECT_EQ(eval("macd_signal_cross", inputs(macd, &signal)), bits({0, 0, 1, 0, 0}));
  ConditionParams p;
  p.value = -1;
  EXPECT_EQ(eval("macd_signal_cross", inputs(macd, &signal), p), bits({0, 0, 0, 0, 1}));
}

}  // namespace
}  // namespace nocode::engine::testing
