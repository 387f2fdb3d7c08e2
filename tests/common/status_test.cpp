#include "common/status.h"

#include <gtest/gtest.h>

namespace nocode {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return Status::invalid_argument("expected a positive number, got " + std::to_string(v));
  return v;
}

Status chain(int v) {
  NOCODE_RETURN_IF_ERROR(parse_positive(v).status());
  return Status::ok();
}

TEST(Status, OkAndErrors) {
  EXPECT_TRUE(Status::ok().is_ok());
  const Status s = Status::not_found("no column 'close'");
  EXPECT_FALSE(s.is_ok());
  EXPECT_EQ(s.kind(), ErrorKind::kNotFound);
  EXPECT_EQ(s.to_string(), "not_found: no column 'close'");
  EXPECT_EQ(s.with_context("GOOG.csv").message(), "GOOG.csv: no column 'close'");
}

TEST(Status, ResultHoldsValueOrError) {
  auto good = parse_positive(3);
  ASSERT_TRUE(good.is_ok());
  EXPECT_EQ(*good, 3);
  auto bad = parse_positive(-1);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().kind(), ErrorKind::kInvalidArgument);
  EXPECT_FALSE(chain(-2).is_ok());
  EXPECT_TRUE(chain(2).is_ok());
}

}  // namespace
}  // namespace nocode
