// Constraint expressions: values against hand-computed truth tables, and
// errors with their column.
#include "optimize/constraint.h"

#include <gtest/gtest.h>

namespace nocode::optimize {
namespace {

const std::vector<std::string> kNames = {"fast", "slow", "sl"};

bool admits(const char* text, ParamSet set) {
  auto c = Constraint::parse(text, kNames);
  EXPECT_TRUE(c) << text << ": " << c.status().message();
  return c && c->admits(set);
}

TEST(Constraint, Comparisons) {
  EXPECT_TRUE(admits("fast<slow", {5, 10, 0}));
  EXPECT_FALSE(admits("fast<slow", {10, 10, 0}));
  EXPECT_TRUE(admits("fast<=slow", {10, 10, 0}));
  EXPECT_TRUE(admits("slow > fast", {5, 10, 0}));
  EXPECT_TRUE(admits("slow>=fast", {10, 10, 0}));
  EXPECT_TRUE(admits("fast == 5", {5, 10, 0}));
  EXPECT_TRUE(admits("fast != 5", {6, 10, 0}));
}

TEST(Constraint, Arithmetic) {
  EXPECT_TRUE(admits("slow - fast >= 10", {5, 15, 0}));
  EXPECT_FALSE(admits("slow - fast >= 10", {5, 14, 0}));
  EXPECT_TRUE(admits("2 * fast + 1 == slow", {5, 11, 0}));
  EXPECT_TRUE(admits("slow / fast == 2.5", {4, 10, 0}));
  EXPECT_TRUE(admits("-fast + slow == 5", {5, 10, 0}));
  EXPECT_TRUE(admits("(fast + slow) * 2 == 30", {5, 10, 0}));
  EXPECT_TRUE(admits("fast + slow * 2 == 25", {5, 10, 0}));  // precedence
  EXPECT_TRUE(admits("10 - 3 - 2 == 5", {0, 0, 0}));         // left-associative
  EXPECT_TRUE(admits("sl < 0.05 and sl > 1e-3", {0, 0, 0.02}));
}

TEST(Constraint, Logic) {
  for (double f : {4.0, 5.0, 6.0}) {
    for (double s : {5.0, 20.0, 60.0}) {
      const ParamSet p{f, s, 0};
      const bool a = f < s, b = s < 50;
      EXPECT_EQ(admits("fast<slow and slow<50", p), a && b);
      EXPECT_EQ(admits("fast<slow && slow<50", p), a && b);
      EXPECT_EQ(admits("fast<slow or slow<50", p), a || b);
      EXPECT_EQ(admits("fast<slow || slow<50", p), a || b);
      EXPECT_EQ(admits("not fast<slow", p), !a);
      EXPECT_EQ(admits("!(fast<slow)", p), !a);
      EXPECT_EQ(admits("not (fast == 5) and slow < 60", p), f != 5 && s < 60);
      EXPECT_EQ(admits("fast<slow or slow<50 and fast==6", p), a || (b && f == 6));
    }
  }
}

TEST(Constraint, NaNAndZeroReject) {
  EXPECT_FALSE(admits("0", {1, 2, 3}));
  EXPECT_TRUE(admits("fast", {1, 2, 3}));
  EXPECT_FALSE(admits("sl / sl", {1, 2, 0}));  // 0/0 = NaN
}

TEST(Constraint, ErrorsPointAtColumn) {
  struct Case {
    const char* text;
    const char* needle;
  } cases[] = {
      {"fast<slov", "column 6: unknown parameter 'slov' (optimized: 'fast', 'slow' and 'sl'); did you mean 'slow'?"},
      {"fast<", "column 6: expected a number, a parameter name or '(', got the end"},
      {"fast<<slow", "column 6: expected a number, a parameter name or '(', got '<'"},
      {"(fast<slow", "column 11: expected ')', got the end"},
      {"fast slow", "column 6: expected an operator or the end, got 'slow'"},
      {"fast<slow; rm", "column 10: expected a number, a parameter name, an operator or a parenthesis, got ';'"},
      {"fast<1.2.3", "column 6: expected a number, got '1.2.3'"},
      {"", "column 1: expected a number, a parameter name or '(', got the end"},
      {"__import__(os)", "column 1: unknown parameter '__import__'"},
  };
  for (const Case& c : cases) {
    auto r = Constraint::parse(c.text, kNames);
    ASSERT_FALSE(r) << c.text;
    EXPECT_NE(r.status().message().find(c.needle), std::string::npos)
        << c.text << " -> " << r.status().message();
    EXPECT_NE(r.status().message().find("constraint '"), std::string::npos);
  }
}

TEST(Constraint, AdmittedNeedsAll) {
  std::vector<Constraint> cs;
  cs.push_back(*Constraint::parse("fast<slow", kNames));
  cs.push_back(*Constraint::parse("slow<=20", kNames));
  EXPECT_TRUE(admitted(cs, {5, 20, 0}));
  EXPECT_FALSE(admitted(cs, {5, 25, 0}));
  EXPECT_FALSE(admitted(cs, {25, 20, 0}));
  EXPECT_TRUE(admitted({}, {25, 20, 0}));
}

}  // namespace
}  // namespace nocode::optimize
