// Timeframe kinds: calendar buckets, causal resampling to completed buckets,
// and higher-timeframe trends on hand-made bars.
#include "engine/conditions/timeframe_buckets.h"
#include "fixture.h"

namespace nocode::engine::testing {
namespace {

int64_t utc(int64_t seconds) { return seconds * 1000000000LL; }

TEST(Timeframe, WeeksStartOnMondayAndMonthsFollowTheCalendar) {
  const int64_t mon = utc(1262563200);  // 2010-01-04 Monday
  EXPECT_EQ(bucket_of(mon, Timeframe::k1w),
            bucket_of(mon + 6 * kDayNs + kDayNs - 1, Timeframe::k1w));
  EXPECT_EQ(bucket_of(mon - 1, Timeframe::k1w) + 1, bucket_of(mon, Timeframe::k1w));
  EXPECT_EQ(bucket_of(mon + 7 * kDayNs, Timeframe::k1w), bucket_of(mon, Timeframe::k1w) + 1);
  const int64_t jan31 = utc(1264896000), feb1 = utc(1264982400);  // 2010-01-31, 2010-02-01
  EXPECT_EQ(bucket_of(feb1, Timeframe::k1M), bucket_of(jan31, Timeframe::k1M) + 1);
  EXPECT_EQ(bucket_of(utc(1262304000), Timeframe::k1M), 2010 * 12);  // 2010-01-01
  EXPECT_EQ(month_of_year(utc(1709164800)), 2);                      // 2024-02-29
  EXPECT_EQ(month_of_year(utc(951782400)), 2);                       // 2000-02-29
  EXPECT_EQ(month_of_year(utc(-86400)), 12);                         // 1969-12-31
  EXPECT_EQ(bucket_of(utc(3600 * 5 + 59), Timeframe::k4h), 1);
  EXPECT_EQ(bucket_of(utc(-1), Timeframe::k1h), -1);
}

TEST(Timeframe, ParseTimeframeRejectsUnknown) {
  EXPECT_TRUE(parse_timeframe("1M").is_ok());
  EXPECT_TRUE(parse_timeframe("15m").is_ok());
  auto bad = parse_timeframe("2h");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("'1h'"), std::string::npos);
}

TEST(Timeframe, ResampleUsesOnlyCompletedBuckets) {
  // Hourly bars over three days; daily buckets complete when the next day starts.
  std::vector<int64_t> ts;
  std::vector<double> x;
  for (int i = 0; i < 72; ++i) ts.push_back(kStartNs + i * kHourNs), x.push_back(i);
  const Resampled r = resample(ts.data(), x.data(), ts.size(), Timeframe::k1d);
  ASSERT_EQ(r.close.size(), 2u);  // the third day is never completed
  EXPECT_EQ(r.close[0], 23);
  EXPECT_EQ(r.close[1], 47);
  for (int i = 0; i < 72; ++i) EXPECT_EQ(r.known[i], static_cast<size_t>(i / 24)) << i;
}

TEST(Timeframe, HigherTimeframeTrendOnWeeklyCloses) {
  std::vector<double> l(30);
  for (size_t t = 0; t < l.size(); ++t) l[t] = 100 + t;
  const Frame bars = make_bars(l);  // daily, starting on a Monday
  ConditionParams p;
  p.higher_timeframe = "1w";
  p.trend_strength = "weak";
  const Signal s = eval("higher_timeframe_trend", inputs(l, nullptr, nullptr, &bars), p);
  for (size_t t = 0; t < l.size(); ++t) EXPECT_EQ(s[t], t >= 14) << t;  // two completed weeks
  p.value = -1;
  for (uint8_t b : eval("higher_timeframe_trend", inputs(l, nullptr, nullptr, &bars), p))
    EXPECT_EQ(b, 0);
}

TEST(Timeframe, MultiTimeframeAlignmentNeedsBothTimeframes) {
  // Weekly closes rise; the daily series dips on day 16.
  std::vector<double> l(21);
  for (size_t t = 0; t < l.size(); ++t) l[t] = 100 + t;
  l[16] = 90;
  const Frame bars = make_bars(l);
  ConditionParams p;
  p.higher_timeframe = "1w";
  const Signal s = eval("multi_tf_alignment", inputs(l, nullptr, nullptr, &bars), p);
  for (size_t t = 0; t < l.size(); ++t) EXPECT_EQ(s[t], t >= 14 && t != 16) << t;
}

TEST(Timeframe, SeasonalPatternNeedsTwoYearsOfTheSameMonth) {
  // Daily bars over 3 years; the price rises only in March.
  std::vector<double> l;
  std::vector<int64_t> ts;
  double price = 100;
  for (int d = 0; d < 3 * 365 + 40; ++d) {
    const int64_t t = kStartNs + d * kDayNs;
    if (month_of_year(t) == 3) price += 1;
    l.push_back(price), ts.push_back(t);
  }
  Frame bars(ts);
  ASSERT_TRUE(bars.set_column("close", l).is_ok());
  for (const char* c : {"open", "high", "low"}) ASSERT_TRUE(bars.set_column(c, l).is_ok());
  const Signal s = eval("seasonal_pattern", inputs(l, nullptr, nullptr, &bars));
  for (size_t i = 0; i < l.size(); ++i) {
    const int64_t year = 2010 + static_cast<int64_t>(i) / 365;  // close enough away from Jan 1
    const bool march = month_of_year(ts[i]) == 3;
    if (i % 365 < 5 || i % 365 > 360) continue;
    EXPECT_EQ(s[i], march && year >= 2012) << i;
  }
}

}  // namespace
}  // namespace nocode::engine::testing
