// Labels on hand-made series: forward return, direction (binary and
// ternary), and triple-barrier paths crafted to hit the upper barrier first,
// the lower first, both in one bar, or neither.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "transforms/transform_test_util.h"

namespace nocode::transforms {
namespace {

using testutil::expect_series_near;
constexpr double NaN = kNaN;

TEST(Labels, ForwardReturnReadsCloseAtHorizon) {
  const std::vector<double> c = {100, 110, 99, 0, 50, NaN, 60};
  auto y = testutil::run1("forward_return", {{"horizon", 2}}, c);
  // Row 1: 0 / 110 - 1 = -1; row 3 divides by close 0 -> NaN; row 2: 50 / 99 - 1.
  expect_series_near(y, {-0.01, -1, 50.0 / 99 - 1, NaN, 0.2, NaN, NaN}, 1e-15, "h=2");
  auto naive = [&](size_t h) {
    const auto x = testutil::walk(300, 4, {100});
    std::vector<double> want(x.size(), NaN);
    for (size_t t = 0; t + h < x.size(); ++t) want[t] = (x[t + h] - x[t]) / x[t];
    expect_series_near(testutil::run1("forward_return", {{"horizon", h}}, x), want, 1e-12, "walk");
  };
  naive(1);
  naive(10);
}

TEST(Labels, DirectionBinaryAndTernary) {
  // Forward returns over 1 bar: +2%, -0.5%, +0.5%, -3%, 0%, then no label.
  const std::vector<double> c = {100, 102, 101.49, 102.0, 98.94, 98.94};
  auto bin = testutil::run1("direction", {{"horizon", 1}, {"threshold", 1}}, c);
  expect_series_near(bin, {1, 0, 0, 0, 0, NaN}, 0, "binary, threshold 1%");
  auto bin0 = testutil::run1("direction", {{"horizon", 1}}, c);
  expect_series_near(bin0, {1, 0, 1, 0, 0, NaN}, 0, "binary, threshold 0");
  auto ter = testutil::run1("direction", {{"horizon", 1}, {"threshold", 1}, {"mode", "ternary"}}, c);
  expect_series_near(ter, {1, 0, 0, -1, 0, NaN}, 0, "ternary, threshold 1%");
}

TEST(Labels, DirectionTernaryRejectsNegativeThreshold) {
  const TransformSpec* spec = builtin_registry().find("direction");
  ASSERT_NE(spec, nullptr);
  auto p = resolve_params(*spec, {{"threshold", -1}, {"mode", "ternary"}});
  ASSERT_FALSE(p.is_ok());
  EXPECT_NE(p.status().message().find("threshold >= 0"), std::string::npos);
  auto bad = resolve_params(*spec, {{"mode", "ternery"}});
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("did you mean 'ternary'"), std::string::npos)
      << bad.status().message();
}

struct Barrier {
  std::vector<double> label, offset;
};

Barrier triple(const std::vector<double>& c, const std::vector<double>* hi,
               const std::vector<double>* lo, const nlohmann::json& p) {
  auto out = testutil::run("triple_barrier", p,
                           {c.data(), hi ? hi->data() : nullptr, lo ? lo->data() : nullptr},
                           c.size());
  return {out[0], out[1]};
}

const nlohmann::json kTenFive = {{"horizon", 3}, {"take_profit", 10}, {"stop_loss", 5}};

TEST(TripleBarrier, UpperFirstLowerFirstNeither) {
  // Row 0 (from 100: upper 110, lower 95): bar 2 reaches 111 first -> +1 at offset 2.
  // Row 1 (from 101: upper 111.1, lower 95.95): bar 3 falls to 95 -> -1 at offset 2.
  // Row 2 (from 111): bar 3 falls to 95 <= 105.45 -> -1 at offset 1.
  // Rows 3.. have no complete horizon except row 3 (bars 4..6 stay within
  // 95..110 of 95 -> upper 104.5, lower 90.25: neither -> 0 at offset 3).
  const std::vector<double> c = {100, 101, 111, 95, 96, 97, 98};
  auto b = triple(c, nullptr, nullptr, kTenFive);
  expect_series_near(b.label, {1, -1, -1, 0, NaN, NaN, NaN}, 0, "label");
  expect_series_near(b.offset, {2, 2, 1, 3, NaN, NaN, NaN}, 0, "offset");
}

TEST(TripleBarrier, HighAndLowTouchBeforeClose) {
  // Closes never reach a barrier; the highs and lows do.
  const std::vector<double> c = {100, 101, 102, 101, 100};
  const std::vector<double> hi = {100, 101, 110.5, 101, 100};  // bar 2 touches 110
  const std::vector<double> lo = {100, 94, 102, 101, 100};     // bar 1 touches 95 first
  auto only_hi = triple(c, &hi, nullptr, kTenFive);
  EXPECT_EQ(only_hi.label[0], 1);
  EXPECT_EQ(only_hi.offset[0], 2);
  auto both = triple(c, &hi, &lo, kTenFive);
  EXPECT_EQ(both.label[0], -1);
  EXPECT_EQ(both.offset[0], 1);
}

TEST(TripleBarrier, BothBarriersInOneBarCountAsStopLoss) {
  const std::vector<double> c = {100, 100, 100, 100};
  const std::vector<double> hi = {100, 120, 100, 100};
  const std::vector<double> lo = {100, 80, 100, 100};
  auto b = triple(c, &hi, &lo, kTenFive);
  EXPECT_EQ(b.label[0], -1);
  EXPECT_EQ(b.offset[0], 1);
}

TEST(TripleBarrier, VerticalBarrierZeroOrSign) {
  const std::vector<double> c = {100, 101, 102, 103, 99, 98, 100};
  nlohmann::json p = kTenFive;
  auto zero = triple(c, nullptr, nullptr, p);
  p["vertical"] = "sign";
  auto sign = triple(c, nullptr, nullptr, p);
  // From row 0: close 103 at t+3 -> sign +1; row 1: 99 < 101 -> -1; row 3 (103):
  // 100 < 103 and no touch (lower 97.85) -> -1; row 2 (102): 98 < 102, lower 96.9 not hit.
  expect_series_near(zero.label, {0, 0, 0, 0, NaN, NaN, NaN}, 0, "zero");
  expect_series_near(sign.label, {1, -1, -1, -1, NaN, NaN, NaN}, 0, "sign");
  expect_series_near(sign.offset, {3, 3, 3, 3, NaN, NaN, NaN}, 0, "offset");
  const std::vector<double> flat = {100, 100, 100, 100};
  EXPECT_EQ(triple(flat, nullptr, nullptr, p).label[0], 0);
}

TEST(TripleBarrier, NanBeforeTouchGivesNoLabel) {
  const std::vector<double> c = {100, NaN, 120, 100, 100};
  auto b = triple(c, nullptr, nullptr, kTenFive);
  EXPECT_TRUE(std::isnan(b.label[0]));  // bar 1 unknown before the touch in bar 2
  EXPECT_TRUE(std::isnan(b.label[1]));  // close[t] is NaN
  const std::vector<double> c2 = {100, 120, NaN, 100};
  EXPECT_EQ(triple(c2, nullptr, nullptr, kTenFive).label[0], 1);  // touched before the NaN
}

TEST(TripleBarrier, EditorParameterNamesAreAliases) {
  const TransformSpec* spec = builtin_registry().find("triple_barrier");
  ASSERT_NE(spec, nullptr);
  auto p = resolve_params(*spec, {{"takeProfit", 3}, {"stopLoss", "1.5"}, {"horizon", 7}});
  ASSERT_TRUE(p.is_ok()) << p.status().message();
  EXPECT_EQ(p->values, (std::vector<double>{7, 3, 1.5, 0}));
  auto bad = resolve_params(*spec, {{"stopLoss", 150}});
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("[0.01, 100]"), std::string::npos)
      << bad.status().message();
}

}  // namespace
}  // namespace nocode::transforms
