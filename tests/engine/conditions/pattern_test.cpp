// Pattern kinds: levels, breakouts, oscillator extremes, a crafted double top
// and candlesticks on hand-made bars.
#include <algorithm>

#include "fixture.h"

namespace nocode::engine::testing {
namespace {

TEST(Pattern, SupportAndResistanceLevels) {
  ConditionParams p;
  p.lookback = 3;  // sensitivity 1.0 = within 1%
  const std::vector<double> l = {10, 11, 12, 10.05, 13};
  EXPECT_EQ(eval("support_level", inputs(l), p), bits({0, 0, 0, 1, 0}));
  const std::vector<double> r = {10, 12, 11, 11.95, 9};
  EXPECT_EQ(eval("resistance_level", inputs(r), p), bits({0, 0, 0, 1, 0}));
}

TEST(Pattern, BreakoutsClearTheLevelByThePercentage) {
  ConditionParams p;
  p.lookback = 3;  // 5%
  const std::vector<double> up = {10, 11, 12, 12.5, 14};
  EXPECT_EQ(eval("breakout_up", inputs(up), p), bits({0, 0, 0, 0, 1}));
  const std::vector<double> down = {10, 9, 8, 7.9, 7.5};
  EXPECT_EQ(eval("breakout_down", inputs(down), p), bits({0, 0, 0, 0, 1}));
}

TEST(Pattern, OversoldAndOverboughtDefaults) {
  const std::vector<double> l = {25, 35, 29.9, 71, kNaN};
  EXPECT_EQ(eval("oversold", inputs(l)), bits({1, 0, 1, 0, 0}));
  EXPECT_EQ(eval("overbought", inputs(l)), bits({0, 0, 0, 1, 0}));
  ConditionParams p;
  p.value = 40;
  EXPECT_EQ(eval("oversold", inputs(l), p), bits({1, 1, 1, 0, 0}));
}

TEST(Pattern, DoubleTopFiresOnTheNecklineBreak) {
  // 5% zig-zag pivots: low 100 @0, high 110 @2, low 100 @4, high 110.5 @6 (known at 7).
  const std::vector<double> l = {100, 105, 110, 105, 100, 105, 110.5, 104, 103, 99, 98};
  ConditionParams p;
  p.pattern_min_bars = 3;
  Signal expect(l.size(), 0);
  expect[9] = 1;  // 103 -> 99 crosses the neckline 100
  EXPECT_EQ(eval("double_top", inputs(l), p), expect);
  // The first 100-110-100 leg is itself a W: broken upwards when 105 -> 110.5 at bar 6.
  Signal w(l.size(), 0);
  w[6] = 1;
  EXPECT_EQ(eval("double_bottom", inputs(l), p), w);
  p.pattern_min_bars = 5;  // the tops are 4 bars apart
  EXPECT_EQ(eval("double_top", inputs(l), p), Signal(l.size(), 0));
}

TEST(Pattern, DoubleBottomMirrorsDoubleTop) {
  std::vector<double> l = {100, 105, 110, 105, 100, 105, 110.5, 104, 103, 99, 98};
  for (double& x : l) x = 210 - x;  // 110 <-> 100 mirrored around 105
  ConditionParams p;
  p.pattern_min_bars = 3;
  const Signal s = eval("double_bottom", inputs(l), p);
  // lows 100 @2 and 99.5 @6 around high 110 @4: crosses above 110 when 107 -> 111 at bar 9
  for (size_t t = 0; t < l.size(); ++t) EXPECT_EQ(s[t], t == 9) << t;
}

TEST(Pattern, HeadAndShouldersBreaksTheNeckline) {
  // 5% zig-zag pivots: S1 110 @1, N1 100 @2, H 120 @3, N2 100 @4, S2 110 @5 (known at 6).
  const std::vector<double> l = {100, 110, 100, 120, 100, 110, 104, 99, 98};
  ConditionParams p;
  p.pattern_min_bars = 3;
  Signal expect(l.size(), 0);
  expect[7] = 1;  // 104 -> 99 crosses the flat neckline at 100
  EXPECT_EQ(eval("head_shoulders", inputs(l), p), expect);
  EXPECT_EQ(eval("double_top", inputs(l), p), Signal(l.size(), 0));  // 120 vs 110: not equal
  std::vector<double> mirrored = l;
  for (double& x : mirrored) x = 220 - x;
  const Signal inv = eval("inverse_head_shoulders", inputs(mirrored), p);
  EXPECT_EQ(inv[7], 1);
}

Frame candles(const std::vector<std::pair<double, double>>& oc) {
  std::vector<double> o, h, lo, c;
  for (auto [open, close] : oc) {
    o.push_back(open), c.push_back(close);
    h.push_back(std::max(open, close) + 0.1), lo.push_back(std::min(open, close) - 0.1);
  }
  return make_bars(c, kDayNs, o, h, lo);
}

TEST(Pattern, EngulfingOnHandMadeCandles) {
  // Bar 3: black 10.5 -> 9.5; bar 4: white 9.3 -> 10.8 engulfs it.
  const Frame bars = candles({{10, 10.2}, {10.2, 10.4}, {10.4, 10.5}, {10.5, 9.5}, {9.3, 10.8}});
  ConditionInputs in;
  in.n = bars.rows();
  in.bars = &bars;
  const Signal bull = eval("engulfing_bullish", in);
  EXPECT_EQ(bull[4], 1);
  EXPECT_EQ(std::count(bull.begin(), bull.end(), 1), 1);
  // Bar 3's black body (10.5 -> 9.5) engulfs bar 2's small white body (10.4 -> 10.5).
  const Signal bear = eval("engulfing_bearish", in);
  EXPECT_EQ(bear[3], 1);
  EXPECT_EQ(std::count(bear.begin(), bear.end(), 1), 1);
}

}  // namespace
}  // namespace nocode::engine::testing
