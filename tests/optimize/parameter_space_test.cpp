// Parameter specs: ranges, lists, single values, integer detection, errors,
// grid order.
#include "optimize/parameter_space.h"

#include <gtest/gtest.h>

namespace nocode::optimize {
namespace {

TEST(ParameterSpec, InclusiveRange) {
  auto d = parse_grid_spec("fast=5:30:5");
  ASSERT_TRUE(d) << d.status().message();
  EXPECT_EQ(d->name, "fast");
  EXPECT_TRUE(d->integer);
  EXPECT_EQ(d->values, (std::vector<double>{5, 10, 15, 20, 25, 30}));
  auto slow = parse_grid_spec("slow=10:70:5");
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->values.size(), 13u);
  EXPECT_EQ(slow->values.back(), 70);
}

TEST(ParameterSpec, StopNotOnStepIsExcluded) {
  auto d = parse_grid_spec("p=1:10:4");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->values, (std::vector<double>{1, 5, 9}));
}

TEST(ParameterSpec, FloatRangeHasNoDrift) {
  auto d = parse_grid_spec("sl=0.1:0.5:0.1");
  ASSERT_TRUE(d) << d.status().message();
  EXPECT_FALSE(d->integer);
  ASSERT_EQ(d->values.size(), 5u);
  for (size_t k = 0; k < 5; ++k) EXPECT_DOUBLE_EQ(d->values[k], 0.1 + 0.1 * static_cast<double>(k));
  EXPECT_EQ(format_param(*d, 0.25), "0.25");
}

TEST(ParameterSpec, DescendingRange) {
  auto d = parse_grid_spec("p=10:4:-3");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->values, (std::vector<double>{10, 7, 4}));
}

TEST(ParameterSpec, ListAndSingle) {
  auto list = parse_grid_spec("p = 3, 1 ,2");
  ASSERT_TRUE(list) << list.status().message();
  EXPECT_EQ(list->values, (std::vector<double>{3, 1, 2}));
  EXPECT_TRUE(list->integer);
  auto mixed = parse_grid_spec("p=1,2.5");
  ASSERT_TRUE(mixed);
  EXPECT_FALSE(mixed->integer);
  auto one = parse_grid_spec("p=7");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->values, std::vector<double>{7});
  auto dotted = parse_grid_spec("p=7.0");
  ASSERT_TRUE(dotted);
  EXPECT_FALSE(dotted->integer);
}

TEST(ParameterSpec, ErrorsNameFlagAndForm) {
  struct Case {
    const char* text;
    const char* needle;
  } cases[] = {
      {"fast", "--grid 'fast': expected NAME=SPEC"},
      {"=5", "name before '=' is empty"},
      {"fast=", "value after '=' is empty"},
      {"fast=5:x:1", "--grid fast (START:STOP:STEP): expected a number, got 'x'"},
      {"fast=5:30:0", "STEP must be non-zero"},
      {"fast=30:5:5", "STEP must be non-zero and lead from START to STOP"},
      {"fast=1:2", "expected START:STOP:STEP, a list a,b,c or one value"},
      {"fast=1,,2", "--grid fast (list a,b,c): expected a number, got ''"},
      {"fast=1,2,1", "value 1 is listed twice"},
      {"fast=0:1e9:1", "more than 1000000 values"},
  };
  for (const Case& c : cases) {
    auto d = parse_grid_spec(c.text);
    ASSERT_FALSE(d) << c.text;
    EXPECT_NE(d.status().message().find(c.needle), std::string::npos)
        << c.text << " -> " << d.status().message();
  }
}

TEST(ParameterSpec, Ranges) {
  auto i = parse_range_spec("fast=5:8");
  ASSERT_TRUE(i) << i.status().message();
  EXPECT_TRUE(i->integer);
  EXPECT_FALSE(i->continuous);
  EXPECT_EQ(i->values, (std::vector<double>{5, 6, 7, 8}));
  auto f = parse_range_spec("sl=0.01:0.05");
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->continuous);
  EXPECT_DOUBLE_EQ(f->lo, 0.01);
  EXPECT_DOUBLE_EQ(f->hi, 0.05);
  auto bad = parse_range_spec("sl=5:1", "--range");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.status().message().find("--range sl (LO:HI): HI is below LO"), std::string::npos);
  auto grid_form = parse_range_spec("p=1:9:4");
  ASSERT_TRUE(grid_form);
  EXPECT_EQ(grid_form->values, (std::vector<double>{1, 5, 9}));
}

TEST(ParameterSpace, GridOrderLastDimensionFastest) {
  ParameterSpace space;
  space.dims.push_back(*parse_grid_spec("a=1,2"));
  space.dims.push_back(*parse_grid_spec("b=10,20,30"));
  ASSERT_EQ(space.grid_size(), 6u);
  std::vector<ParamSet> expected;
  for (double a : {1.0, 2.0})
    for (double b : {10.0, 20.0, 30.0}) expected.push_back({a, b});
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(space.grid_point(i), expected[i]) << i;
  EXPECT_EQ(space.overrides({2, 30}), (std::vector<std::string>{"a=2", "b=30"}));
}

TEST(ParameterSpace, DuplicateNamesRejected) {
  ParameterSpace space;
  space.dims.push_back(*parse_grid_spec("a=1,2"));
  space.dims.push_back(*parse_grid_spec("a=3"));
  Status s = space.validate();
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("'a' is given twice"), std::string::npos);
  EXPECT_FALSE(ParameterSpace{}.validate().is_ok());
}

TEST(SplitMix64, DeterministicAndInRange) {
  SplitMix64 a(7), b(7), c(8);
  bool differs = false;
  for (int k = 0; k < 100; ++k) {
    const uint64_t x = a.next();
    EXPECT_EQ(x, b.next());
    differs = differs || x != c.next();
  }
  EXPECT_TRUE(differs);
  for (int k = 0; k < 1000; ++k) {
    EXPECT_LT(a.below(7), 7u);
    const double u = a.uniform();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
  }
}

}  // namespace
}  // namespace nocode::optimize
