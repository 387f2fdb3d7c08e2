// Calendar features against hand-picked dates whose weekday and ISO week
// were looked up in a printed calendar (not computed by our code).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "transforms/transform_test_util.h"

namespace nocode::transforms {
namespace {

constexpr int64_t kSec = 1'000'000'000;

// Seconds since the epoch of a UTC date and time, written out from day counts:
// days_before_year counts 365/366-day years from 1970, independent of our calendar code.
int64_t utc(int y, int m, int d, int hh = 0, int mm = 0) {
  auto leap = [](int yr) { return (yr % 4 == 0 && yr % 100 != 0) || yr % 400 == 0; };
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int64_t days = 0;
  for (int yr = 1970; yr < y; ++yr) days += leap(yr) ? 366 : 365;
  for (int yr = y; yr < 1970; ++yr) days -= leap(yr) ? 366 : 365;
  for (int mo = 1; mo < m; ++mo) days += kDays[mo - 1] + (mo == 2 && leap(y));
  days += d - 1;
  return (days * 86400 + hh * 3600 + mm * 60) * kSec;
}

double feature(const char* name, int64_t ts, int offset_minutes = 0) {
  auto out = testutil::run(name, {{"utc_offset_minutes", offset_minutes}}, {}, 1, &ts);
  return out.empty() ? -999 : out[0][0];
}

struct Known {
  int y, m, d;
  int dow;   // Monday = 0
  int iso_week;
  int doy;
  bool month_end;
};

TEST(Calendar, KnownDates) {
  const Known dates[] = {
      {2024, 2, 29, 3, 9, 60, true},    // leap day, a Thursday
      {2024, 2, 28, 2, 9, 59, false},   // Wednesday
      {2023, 2, 28, 1, 9, 59, true},    // Tuesday, last day of a non-leap February
      {1970, 1, 1, 3, 1, 1, false},     // the epoch was a Thursday
      {2021, 1, 3, 6, 53, 3, false},    // Sunday in ISO week 53 of 2020
      {2024, 12, 30, 0, 1, 365, false}, // Monday in ISO week 1 of 2025
      {2020, 12, 31, 3, 53, 366, true}, // Thursday, leap year's day 366
      {2000, 3, 1, 2, 9, 61, false},    // Wednesday after 2000's Feb 29
      {1969, 12, 31, 2, 1, 365, true},  // before the epoch: a Wednesday, ISO 1970-W01
      {2026, 11, 26, 3, 48, 330, false},
  };
  for (const Known& k : dates) {
    const int64_t ts = utc(k.y, k.m, k.d, 13, 45);
    const std::string when = std::to_string(k.y) + "-" + std::to_string(k.m) + "-" + std::to_string(k.d);
    EXPECT_EQ(feature("day_of_week", ts), k.dow) << when;
    EXPECT_EQ(feature("week_of_year", ts), k.iso_week) << when;
    EXPECT_EQ(feature("day_of_year", ts), k.doy) << when;
    EXPECT_EQ(feature("is_month_end", ts), k.month_end ? 1 : 0) << when;
    EXPECT_EQ(feature("day_of_month", ts), k.d) << when;
    EXPECT_EQ(feature("month", ts), k.m) << when;
    EXPECT_EQ(feature("quarter", ts), (k.m - 1) / 3 + 1) << when;
    EXPECT_EQ(feature("hour", ts), 13) << when;
    EXPECT_EQ(feature("minute", ts), 45) << when;
  }
}

TEST(Calendar, OffsetMovesTheLocalDay) {
  // 2024-03-01 02:30 UTC is 2024-02-29 21:30 at UTC-5 (Thursday, month end).
  const int64_t ts = utc(2024, 3, 1, 2, 30);
  EXPECT_EQ(feature("hour", ts, -300), 21);
  EXPECT_EQ(feature("day_of_month", ts, -300), 29);
  EXPECT_EQ(feature("day_of_week", ts, -300), 3);
  EXPECT_EQ(feature("is_month_end", ts, -300), 1);
  EXPECT_EQ(feature("day_of_week", ts), 4);  // Friday in UTC
  EXPECT_EQ(feature("hour", utc(2024, 1, 1, 23, 0), 90), 0);  // +1:30 crosses midnight
}

TEST(Calendar, MultipleRowsAndAliases) {
  const std::vector<int64_t> ts = {utc(2024, 1, 1), utc(2024, 4, 1), utc(2024, 7, 1), utc(2024, 10, 1)};
  auto q = testutil::run("quarter", nullptr, {}, ts.size(), ts.data());
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0], (std::vector<double>{1, 2, 3, 4}));
  EXPECT_EQ(builtin_registry().find("dayofweek"), builtin_registry().find("day_of_week"));
}

TEST(Calendar, MissingTimestampsIsAnError) {
  const TransformSpec* spec = builtin_registry().find("hour");
  ASSERT_NE(spec, nullptr);
  auto out = compute(*spec, default_params(*spec), {}, nullptr, 3);
  ASSERT_FALSE(out.is_ok());
  EXPECT_NE(out.status().message().find("timestamps"), std::string::npos);
}

}  // namespace
}  // namespace nocode::transforms
