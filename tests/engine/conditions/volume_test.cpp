// Volume kinds on hand-made bars and naive OBV.
#include "fixture.h"

namespace nocode::engine::testing {
namespace {

ConditionInputs bars_only(const Frame& f) {
  ConditionInputs in;
  in.n = f.rows();
  in.bars = &f;
  return in;
}

TEST(Volume, SpikeAndDryUpAgainstThePriorAverage) {
  const std::vector<double> c(6, 10.0);
  const Frame spike = make_bars(c, kDayNs, {}, {}, {}, {100, 100, 100, 100, 300, 100});
  ConditionParams p;
  p.volume_period = 3;  // threshold 2x
  EXPECT_EQ(eval("volume_spike", bars_only(spike), p), bits({0, 0, 0, 0, 1, 0}));
  const Frame dry = make_bars(c, kDayNs, {}, {}, {}, {100, 100, 100, 40, 100, 60});
  EXPECT_EQ(eval("volume_dry_up", bars_only(dry), p), bits({0, 0, 0, 1, 0, 0}));
}

TEST(Volume, OnBalanceVolumeAboveItsAverage) {
  const std::vector<double> c = {10, 11, 10.5, 12, 12, 11, 13, 14, 13.5, 15};
  const std::vector<double> v = {100, 200, 150, 300, 100, 400, 250, 120, 80, 500};
  const Frame f = make_bars(c, kDayNs, {}, {}, {}, v);
  ConditionParams p;
  p.volume_period = 3;
  const Signal s = eval("on_balance_volume", bars_only(f), p);
  std::vector<double> obv(c.size());
  obv[0] = v[0];  // TA-Lib seeds OBV with the first volume
  for (size_t t = 1; t < c.size(); ++t)
    obv[t] = obv[t - 1] + (c[t] > c[t - 1] ? v[t] : c[t] < c[t - 1] ? -v[t] : 0);
  for (size_t t = 0; t < c.size(); ++t) {
    const bool expect = t >= 2 && obv[t] > (obv[t] + obv[t - 1] + obv[t - 2]) / 3;
    EXPECT_EQ(s[t], expect) << t;
  }
}

TEST(Volume, VolumeKindsNeedAVolumeColumn) {
  Frame f({1, 2, 3});
  for (const char* c : {"open", "high", "low", "close"})
    ASSERT_TRUE(f.set_column(c, {1, 2, 3}).is_ok());
  auto out = evaluate_condition(*find_condition("volume_spike").value(), bars_only(f), {});
  ASSERT_FALSE(out.is_ok());
  EXPECT_NE(out.status().message().find("volume"), std::string::npos);
}

}  // namespace
}  // namespace nocode::engine::testing
