// Escaping, number grouping and timestamp text, against hand-written cases.
#include "report/text_format.h"

#include <gtest/gtest.h>

#include <limits>

#include "data/timestamp.h"

namespace nocode::report {
namespace {

TEST(TextFormat, EscapesAllHtmlSpecials) {
  EXPECT_EQ(html_escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  EXPECT_EQ(html_escape("plain"), "plain");
  EXPECT_EQ(html_escape(""), "");
}

TEST(TextFormat, GroupsThousands) {
  EXPECT_EQ(format_grouped(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(format_grouped(-1234.5, 1), "-1,234.5");
  EXPECT_EQ(format_grouped(999, 0), "999");
  EXPECT_EQ(format_grouped(1000, 0), "1,000");
  EXPECT_EQ(format_grouped(-0.001, 2), "0.00");
  EXPECT_EQ(format_grouped(std::numeric_limits<double>::quiet_NaN(), 2), "NaN");
  EXPECT_EQ(format_grouped(-std::numeric_limits<double>::infinity(), 2), "-inf");
}

TEST(TextFormat, AxisNumbersAndStepDecimals) {
  EXPECT_EQ(decimals_for_step(1000), 0);
  EXPECT_EQ(decimals_for_step(1), 0);
  EXPECT_EQ(decimals_for_step(0.5), 1);
  EXPECT_EQ(decimals_for_step(0.02), 2);
  EXPECT_EQ(format_axis_number(12500, 0), "12,500");
  EXPECT_EQ(format_axis_number(2500000, 0), "2.50M");
  EXPECT_EQ(format_axis_number(-3.4e9, 0), "-3.40B");
}

TEST(TextFormat, PricesKeepSignificantDigits) {
  EXPECT_EQ(format_price(101.256), "101.26");
  EXPECT_EQ(format_price(0.000123456), "0.0001235");
  EXPECT_EQ(format_price(0), "0.00");
}

TEST(TextFormat, TimestampsShowTimeOnlyWhenPresent) {
  const int64_t day = days_from_civil(2021, 3, 15) * kNsPerDay;
  EXPECT_EQ(format_timestamp(day), "2021-03-15");
  EXPECT_EQ(format_timestamp(day + (14 * 3600 + 30 * 60) * kNsPerSecond), "2021-03-15 14:30");
  EXPECT_EQ(format_timestamp(day + (14 * 3600 + 30 * 60 + 5) * kNsPerSecond),
            "2021-03-15 14:30:05");
  EXPECT_EQ(format_timestamp(-kNsPerDay), "1969-12-31");
  EXPECT_EQ(format_timestamp(-kNsPerSecond * 60), "1969-12-31 23:59");
}

}  // namespace
}  // namespace nocode::report
