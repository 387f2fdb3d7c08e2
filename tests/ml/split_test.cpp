// Ratio and date splits: sizes worked out by hand, order, no overlap, gaps,
// and the error cases (bad fractions, too few rows with the number needed,
// unsorted timestamps, empty parts).
#include "ml/split.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace nocode::ml {
namespace {

bool has(const Status& s, const std::string& part) {
  return s.message().find(part) != std::string::npos;
}

TEST(RatioSplit, DefaultSeventyFifteenFifteen) {
  auto s = split_by_ratio(100, {});
  ASSERT_TRUE(s.is_ok()) << s.status().message();
  EXPECT_EQ(s->train, (Range{0, 70}));
  EXPECT_EQ(s->validation, (Range{70, 85}));
  EXPECT_EQ(s->test, (Range{85, 100}));
}

TEST(RatioSplit, GapsAreDroppedBetweenParts) {
  // usable = 105 - 2 * 5 = 95: train floor(66.5) = 66, validation floor(14.25) = 14,
  // test the remaining 15 (fractions sum to 1).
  auto s = split_by_ratio(105, {0.7, 0.15, 0.15, 5});
  ASSERT_TRUE(s.is_ok()) << s.status().message();
  EXPECT_EQ(s->train, (Range{0, 66}));
  EXPECT_EQ(s->validation, (Range{71, 85}));
  EXPECT_EQ(s->test, (Range{90, 105}));
}

TEST(RatioSplit, NoValidationAndUnusedTail) {
  auto two = split_by_ratio(10, {0.8, 0, 0.2, 1});
  ASSERT_TRUE(two.is_ok()) << two.status().message();
  EXPECT_EQ(two->train, (Range{0, 7}));  // usable 9: floor(7.2) = 7, test 2 after 1 gap row
  EXPECT_TRUE(two->validation.empty());
  EXPECT_EQ(two->test, (Range{8, 10}));
  auto part = split_by_ratio(100, {0.5, 0.1, 0.1, 0});
  ASSERT_TRUE(part.is_ok());
  EXPECT_EQ(part->test, (Range{60, 70}));  // rows 70..99 unused
}

TEST(RatioSplit, PropertiesHoldForManySizes) {
  for (size_t rows = 3; rows < 400; rows += 7)
    for (size_t gap : {0u, 1u, 3u}) {
      auto s = split_by_ratio(rows, {0.6, 0.2, 0.2, gap});
      if (!s) continue;
      EXPECT_FALSE(s->train.empty());
      EXPECT_FALSE(s->validation.empty());
      EXPECT_FALSE(s->test.empty());
      EXPECT_EQ(s->train.begin, 0u);
      EXPECT_EQ(s->validation.begin, s->train.end + gap);
      EXPECT_EQ(s->test.begin, s->validation.end + gap);
      EXPECT_EQ(s->test.end, rows);
    }
}

TEST(RatioSplit, Errors) {
  auto sum = split_by_ratio(100, {0.8, 0.2, 0.2, 0});
  ASSERT_FALSE(sum.is_ok());
  EXPECT_TRUE(has(sum.status(), "must be <= 1")) << sum.status().message();
  EXPECT_FALSE(split_by_ratio(100, {0, 0.5, 0.5, 0}).is_ok());
  EXPECT_FALSE(split_by_ratio(100, {-0.1, 0.5, 0.5, 0}).is_ok());
  EXPECT_FALSE(split_by_ratio(100, {0.5, std::nan(""), 0.1, 0}).is_ok());
  // 0.15 of usable must be >= 1: usable >= 7 (0.15 * 7 = 1.05), plus 2 gaps of 10.
  auto few = split_by_ratio(20, {0.7, 0.15, 0.15, 10});
  ASSERT_FALSE(few.is_ok());
  EXPECT_TRUE(has(few.status(), "needs at least 27 rows")) << few.status().message();
  EXPECT_TRUE(split_by_ratio(27, {0.7, 0.15, 0.15, 10}).is_ok());
  auto none = split_by_ratio(0, {});
  ASSERT_FALSE(none.is_ok());
  EXPECT_TRUE(has(none.status(), "got 0")) << none.status().message();
}

constexpr int64_t kDay = 86'400'000'000'000LL;

std::vector<int64_t> daily(size_t n) {
  std::vector<int64_t> ts;
  for (size_t i = 0; i < n; ++i) ts.push_back(static_cast<int64_t>(i) * kDay);  // from 1970-01-01
  return ts;
}

TEST(DateSplit, BoundariesAreInclusive) {
  const auto ts = daily(10);
  auto s = split_by_date(ts, {3 * kDay, 6 * kDay, 0});
  ASSERT_TRUE(s.is_ok()) << s.status().message();
  EXPECT_EQ(s->train, (Range{0, 4}));
  EXPECT_EQ(s->validation, (Range{4, 7}));
  EXPECT_EQ(s->test, (Range{7, 10}));
  auto gap = split_by_date(ts, {3 * kDay, 6 * kDay, 1});
  ASSERT_TRUE(gap.is_ok());
  EXPECT_EQ(gap->validation, (Range{5, 7}));
  EXPECT_EQ(gap->test, (Range{8, 10}));
  auto two = split_by_date(ts, {3 * kDay + 5, std::nullopt, 2});
  ASSERT_TRUE(two.is_ok());
  EXPECT_TRUE(two->validation.empty());
  EXPECT_EQ(two->test, (Range{6, 10}));
}

TEST(DateSplit, Errors) {
  auto ts = daily(10);
  EXPECT_TRUE(has(split_by_date(ts, {-1, std::nullopt, 0}).status(), "no rows on or before"));
  EXPECT_TRUE(has(split_by_date(ts, {9 * kDay, std::nullopt, 0}).status(), "no test rows"));
  EXPECT_TRUE(has(split_by_date(ts, {5 * kDay, 4 * kDay, 0}).status(), "must be after"));
  EXPECT_TRUE(has(split_by_date(ts, {5 * kDay, 5 * kDay + 1, 0}).status(), "no validation rows"));
  ts[4] = ts[3];
  auto unsorted = split_by_date(ts, {5 * kDay, std::nullopt, 0});
  ASSERT_FALSE(unsorted.is_ok());
  EXPECT_TRUE(has(unsorted.status(), "row 4")) << unsorted.status().message();
  EXPECT_FALSE(split_by_date({}, {0, std::nullopt, 0}).is_ok());
}

TEST(SplitBoundary, DateMeansEndOfDay) {
  auto d = parse_split_boundary("1970-01-02");
  ASSERT_TRUE(d.is_ok()) << d.status().message();
  EXPECT_EQ(*d, 2 * kDay - 1);
  auto t = parse_split_boundary("1970-01-02 12:00");
  ASSERT_TRUE(t.is_ok());
  EXPECT_EQ(*t, kDay + kDay / 2);
  auto bad = parse_split_boundary("2024-13-01");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_TRUE(has(bad.status(), "2024-13-01")) << bad.status().message();
}

TEST(SplitAssignment, MarksEveryRow) {
  ThreeWaySplit s{{0, 2}, {3, 4}, {5, 6}};
  const auto parts = assign_rows(s, 6);
  const std::vector<Part> want = {Part::kTrain, Part::kTrain, Part::kNone,
                                  Part::kValidation, Part::kNone, Part::kTest};
  EXPECT_EQ(parts, want);
}

}  // namespace
}  // namespace nocode::ml
