// Structure kinds on hand-made bars: swings, breaks, sweeps, gaps.
#include "fixture.h"

namespace nocode::engine::testing {
namespace {

ConditionInputs bars_only(const Frame& f) {
  ConditionInputs in;
  in.n = f.rows();
  in.bars = &f;
  return in;
}

TEST(Structure, HigherHighOnceTheSecondSwingIsConfirmed) {
  // Swing highs (k = 2): 5 at bar 2 (known at 4) and 6 at bar 6 (known at 8).
  const std::vector<double> h = {1, 2, 5, 2, 1, 2, 6, 2, 1};
  const Frame f = make_bars(h, kDayNs, h, h, h);
  EXPECT_EQ(eval("higher_high", bars_only(f)), bits({0, 0, 0, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(eval("lower_low", bars_only(f)), Signal(h.size(), 0));
}

TEST(Structure, BreakAndSweepOfASwingHigh) {
  // Swing high 5 at bar 2, known at bar 4; bar 6 closes above it; bar 5 wicks above and closes
  // below.
  const std::vector<double> close = {1, 2, 5, 2, 1, 4, 6};
  std::vector<double> high = close;
  high[5] = 5.5;
  const Frame f = make_bars(close, kDayNs, close, high, close);
  EXPECT_EQ(eval("structure_break", bars_only(f)), bits({0, 0, 0, 0, 0, 0, 1}));
  ConditionParams bear;
  bear.value = -1;
  EXPECT_EQ(eval("liquidity_sweep", bars_only(f), bear), bits({0, 0, 0, 0, 0, 1, 0}));
}

TEST(Structure, FairValueGapBetweenBarOneAndThree) {
  const std::vector<double> close = {9.5, 11, 11.5, 11, 8};
  const std::vector<double> high = {10, 12, 13, 12, 9};
  const std::vector<double> low = {9, 10, 10.5, 9.5, 7};
  const Frame f = make_bars(close, kDayNs, close, high, low);
  // bar 2: low 10.5 > high[0] 10 (gap 0.5 >= 0.2% of 11); bar 4: high 9 < low[2] 10.5.
  EXPECT_EQ(eval("fair_value_gap", bars_only(f)), bits({0, 0, 1, 0, 0}));
  ConditionParams bear;
  bear.value = -1;
  EXPECT_EQ(eval("fair_value_gap", bars_only(f), bear), bits({0, 0, 0, 0, 1}));
  ConditionParams wide;
  wide.level_spacing = 1000;  // 10% of close: the 0.5 gap is too small
  EXPECT_EQ(eval("fair_value_gap", bars_only(f), wide), bits({0, 0, 0, 0, 0}));
}

}  // namespace
}  // namespace nocode::engine::testing
