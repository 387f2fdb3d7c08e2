#include "common/strings.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

namespace nocode {
namespace {

TEST(Strings, CaseHelpers) {
  EXPECT_EQ(to_lower("MaCd"), "macd");
  EXPECT_EQ(to_upper("rsi"), "RSI");
  EXPECT_TRUE(iequals("Close", "cLOSE"));
  EXPECT_FALSE(iequals("close", "closes"));
  EXPECT_EQ(trim("  a b \t\r\n"), "a b");
}

TEST(Strings, EditDistanceAndNearest) {
  EXPECT_EQ(edit_distance("rsy", "rsi"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  const std::vector<std::string> names = {"rsi", "roc", "sma", "stoch", "stochf", "stochrsi"};
  auto near = nearest_names("rsy", names);
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near.front(), "rsi");
  EXPECT_TRUE(nearest_names("zzzzzzzzzzzz", names).empty());
}

TEST(Strings, FormatDoubleRoundTrips) {
  for (double v : {0.1, 1.0 / 3.0, 123456.789, 1e-300, -2.5e17, 22351900.0, 100000.0}) {
    const std::string s = format_double(v);
    EXPECT_EQ(std::strtod(s.c_str(), nullptr), v) << s;
  }
  EXPECT_EQ(format_double(100000.0), "100000");
  EXPECT_EQ(format_double(0.1), "0.1");
  EXPECT_EQ(format_double(std::nan("")), "NaN");
}

TEST(Strings, QuotedList) {
  EXPECT_EQ(quoted_list({"a", "b", "c"}), "'a', 'b' or 'c'");
  EXPECT_EQ(quoted_list({"a"}), "'a'");
}

}  // namespace
}  // namespace nocode
