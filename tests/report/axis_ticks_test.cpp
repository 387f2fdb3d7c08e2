// Value and time ticks: covering, evenly spaced, 1/2/5 steps, calendar
// alignment, readable labels.
#include "report/axis_ticks.h"

#include <gtest/gtest.h>

#include <cmath>

#include "data/timestamp.h"
#include "report/text_format.h"

namespace nocode::report {
namespace {

int64_t date(int64_t y, unsigned m, unsigned d) { return days_from_civil(y, m, d) * kNsPerDay; }

TEST(ValueScale, CoversRangeWithNiceEvenSteps) {
  const ValueScale s = nice_value_scale(93.7, 131.2, 5, ValueFormat::kNumber);
  EXPECT_LE(s.lo, 93.7);
  EXPECT_GE(s.hi, 131.2);
  EXPECT_EQ(s.step, 10.0);  // 37.5 / 5 = 7.5 -> the 1/2/5 ladder gives 10
  ASSERT_GE(s.ticks.size(), 2u);
  EXPECT_EQ(s.ticks.front().label, "90");
  EXPECT_EQ(s.ticks.back().label, "140");
  for (size_t i = 1; i < s.ticks.size(); ++i) {
    EXPECT_NEAR(s.ticks[i].value - s.ticks[i - 1].value, s.step, 1e-9);
  }
}

TEST(ValueScale, PercentLabels) {
  const ValueScale s = nice_value_scale(-0.23, 0.0, 5, ValueFormat::kPercent);
  EXPECT_EQ(s.ticks.front().label, "-25%");
  EXPECT_EQ(s.ticks.back().label, "0%");
}

TEST(ValueScale, DegenerateAndNonFiniteRangesStillDraw) {
  const ValueScale flat = nice_value_scale(100, 100, 5, ValueFormat::kNumber);
  EXPECT_LT(flat.lo, 100);
  EXPECT_GT(flat.hi, 100);
  const ValueScale zero = nice_value_scale(0, 0, 5, ValueFormat::kNumber);
  EXPECT_LT(zero.lo, zero.hi);
  const ValueScale bad = nice_value_scale(NAN, INFINITY, 5, ValueFormat::kNumber);
  EXPECT_LT(bad.lo, bad.hi);
  EXPECT_FALSE(bad.ticks.empty());
}

TEST(TimeTicks, MonthsOverAFewYears) {
  const auto ticks = time_ticks(date(2019, 1, 1), date(2021, 12, 31), 8);
  ASSERT_FALSE(ticks.empty());
  EXPECT_LE(ticks.size(), 8u);
  EXPECT_EQ(ticks.front().label, "Jan 2019");  // 6-month steps from January
  for (const Tick& t : ticks) {
    const int64_t ns = static_cast<int64_t>(t.value);
    EXPECT_EQ(ns % kNsPerDay, 0);
    EXPECT_EQ(civil_from_days(ns / kNsPerDay).day, 1u);
  }
}

TEST(TimeTicks, YearsOverDecades) {
  const auto ticks = time_ticks(date(1990, 6, 1), date(2020, 6, 1), 8);
  ASSERT_FALSE(ticks.empty());
  EXPECT_LE(ticks.size(), 8u);
  EXPECT_EQ(ticks.front().label, "1995");
}

TEST(TimeTicks, IntradayHours) {
  const int64_t d = date(2022, 5, 2);
  const auto ticks = time_ticks(d + 9 * 3600 * kNsPerSecond + 1, d + 17 * 3600 * kNsPerSecond, 6);
  ASSERT_FALSE(ticks.empty());
  EXPECT_LE(ticks.size(), 6u);
  EXPECT_EQ(ticks.front().label, "12:00");  // 3-hour steps: 12:00, 15:00
}

TEST(TimeTicks, WeeksStartOnMonday) {
  const auto ticks = time_ticks(date(2022, 5, 1), date(2022, 7, 1), 10);
  ASSERT_FALSE(ticks.empty());
  EXPECT_EQ(ticks.front().label, "2022-05-02");  // the first Monday of May 2022
}

TEST(TimeTicks, IncreasingAndInsideRange) {
  const int64_t t0 = date(2020, 2, 3) + 12345, t1 = date(2020, 2, 29);
  const auto ticks = time_ticks(t0, t1, 7);
  for (size_t i = 0; i < ticks.size(); ++i) {
    EXPECT_GE(ticks[i].value, static_cast<double>(t0));
    EXPECT_LE(ticks[i].value, static_cast<double>(t1));
    if (i > 0) {
      EXPECT_GT(ticks[i].value, ticks[i - 1].value);
    }
  }
  EXPECT_TRUE(time_ticks(t1, t0, 7).empty());
}

}  // namespace
}  // namespace nocode::report
