// Frame: columns by case-insensitive name, length checks, slicing, and
// format_timestamp.
#include "data/frame.h"

#include <gtest/gtest.h>

#include <cmath>

namespace nocode {
namespace {

Frame three_rows() {
  Frame f(std::vector<int64_t>{0, 86400000000000, 2 * 86400000000000});
  EXPECT_TRUE(f.set_column("Open", {1, 2, 3}).is_ok());
  EXPECT_TRUE(f.set_column("high", {2, 3, 4}).is_ok());
  EXPECT_TRUE(f.set_column("LOW", {0.5, 1.5, 2.5}).is_ok());
  EXPECT_TRUE(f.set_column("close", {1.5, 2.5, NAN}).is_ok());
  return f;
}

TEST(Frame, ColumnsAreLowercaseAndCaseInsensitive) {
  Frame f = three_rows();
  EXPECT_EQ(f.rows(), 3u);
  EXPECT_EQ(f.columns(), 4u);
  EXPECT_EQ(f.names(), (std::vector<std::string>{"open", "high", "low", "close"}));
  ASSERT_NE(f.column("OPEN"), nullptr);
  EXPECT_EQ((*f.column("OPEN"))[2], 3.0);
  EXPECT_EQ(f.low()[1], 1.5);
  EXPECT_TRUE(std::isnan(f.close()[2]));
  EXPECT_TRUE(f.has_ohlc());
  EXPECT_FALSE(f.has_column("volume"));
  EXPECT_EQ(f.column("volume"), nullptr);
}

TEST(Frame, SetColumnReplacesAndChecksLength) {
  Frame f = three_rows();
  ASSERT_TRUE(f.set_column("OPEN", {7, 8, 9}).is_ok());
  EXPECT_EQ(f.columns(), 4u);
  EXPECT_EQ(f.open()[0], 7.0);
  Status st = f.set_column("volume", {1, 2});
  ASSERT_FALSE(st.is_ok());
  EXPECT_NE(st.message().find("'volume' has 2 rows; the frame has 3"), std::string::npos);
  (*f.mutable_column("high"))[0] = 42;
  EXPECT_EQ(f.high()[0], 42.0);
}

TEST(Frame, RequireNamesMissingAndPresentColumns) {
  Frame f = three_rows();
  EXPECT_TRUE(f.require("Close").is_ok());
  auto r = f.require("volume");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().kind(), ErrorKind::kNotFound);
  EXPECT_NE(r.status().message().find("'volume'"), std::string::npos);
  EXPECT_NE(r.status().message().find("'open'"), std::string::npos);
}

TEST(Frame, HasOhlcNeedsAllFour) {
  Frame f(std::vector<int64_t>{0});
  ASSERT_TRUE(f.set_column("open", {1}).is_ok());
  ASSERT_TRUE(f.set_column("high", {1}).is_ok());
  ASSERT_TRUE(f.set_column("close", {1}).is_ok());
  EXPECT_FALSE(f.has_ohlc());
  ASSERT_TRUE(f.set_column("low", {1}).is_ok());
  EXPECT_TRUE(f.has_ohlc());
}

TEST(Frame, SliceClampsBounds) {
  Frame f = three_rows();
  Frame s = f.slice(1, 3);
  EXPECT_EQ(s.rows(), 2u);
  EXPECT_EQ(s.timestamps()[0], 86400000000000);
  EXPECT_EQ(s.open(), (std::vector<double>{2, 3}));
  EXPECT_EQ(s.names(), f.names());
  EXPECT_EQ(f.slice(2, 100).rows(), 1u);
  EXPECT_EQ(f.slice(5, 1).rows(), 0u);
  EXPECT_EQ(f.slice(5, 1).columns(), 4u);
}

// Shared storage: copies and shared columns copy no numbers, and a write
// through one Frame never shows up in another (copy-on-write).
TEST(Frame, CopiesShareStorageAndWritesDetach) {
  Frame f = three_rows();
  Frame g = f;
  EXPECT_EQ(g.column("open"), f.column("open"));  // the same vector
  EXPECT_TRUE(g.shares_timestamps(f));
  (*g.mutable_column("open"))[0] = 42;
  EXPECT_EQ((*g.column("open"))[0], 42);
  EXPECT_EQ(f.open()[0], 1);  // f unchanged
  g.timestamps()[0] = 7;
  EXPECT_EQ(f.timestamps()[0], 0);
  EXPECT_FALSE(g.shares_timestamps(f));
}

TEST(Frame, SharedColumnIsNotCopiedAndNotWrittenThrough) {
  auto values = std::make_shared<const std::vector<double>>(std::vector<double>{5, 6, 7});
  Frame f = three_rows();
  ASSERT_TRUE(f.set_column("extra", values).is_ok());
  EXPECT_EQ(f.column("extra"), values.get());
  EXPECT_EQ(f.shared_column("EXTRA"), values);
  (*f.mutable_column("extra"))[1] = 0;  // detaches: `values` is not touched
  EXPECT_EQ((*values)[1], 6);
  EXPECT_EQ((*f.column("extra"))[1], 0);
  EXPECT_FALSE(f.set_column("bad", std::make_shared<const std::vector<double>>(2, 0.0)).is_ok());
  EXPECT_FALSE(f.set_column("null", Frame::ColumnPtr()).is_ok());
}

TEST(Frame, FrameOnSharedTimestampsAndAppend) {
  Frame f = three_rows();
  Frame g(f.shared_timestamps());
  EXPECT_EQ(g.rows(), 3u);
  ASSERT_TRUE(g.append_new_column("open", f.shared_column("open")).is_ok());
  EXPECT_EQ(g.column("OPEN"), f.column("open"));
  EXPECT_FALSE(g.append_new_column("short", std::make_shared<const std::vector<double>>(1, 0.0)).is_ok());
  const Frame whole = f.slice(0, f.rows());
  EXPECT_EQ(whole.column("close"), f.column("close"));  // the full range shares
  EXPECT_EQ(Frame().rows(), 0u);
  EXPECT_TRUE(Frame().timestamps().empty());
}

TEST(Frame, FormatTimestamp) {
  EXPECT_EQ(format_timestamp(0), "1970-01-01");
  EXPECT_EQ(format_timestamp(1092873600000000000), "2004-08-19");
  EXPECT_EQ(format_timestamp(1492592400000000000), "2017-04-19 09:00:00");
  EXPECT_EQ(format_timestamp(1492592400123000000), "2017-04-19 09:00:00.123");
  EXPECT_EQ(format_timestamp(-1), "1969-12-31 23:59:59.999999999");
  EXPECT_EQ(format_timestamp(-86400000000000), "1969-12-31");
}

}  // namespace
}  // namespace nocode
