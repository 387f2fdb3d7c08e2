// Logic gates: truth tables, case-insensitivity and errors.
#include "fixture.h"

namespace nocode::engine::testing {
namespace {

TEST(Logic, TruthTables) {
  const Signal a = bits({0, 0, 0, 0, 1, 1, 1, 1});
  const Signal b = bits({0, 0, 1, 1, 0, 0, 1, 1});
  const Signal c = bits({0, 1, 0, 1, 0, 1, 0, 1});
  const std::vector<const Signal*> in = {&a, &b, &c};
  auto run = [&](const char* op) {
    auto out = evaluate_logic(op, in, 8);
    EXPECT_TRUE(out.is_ok()) << op;
    return out.is_ok() ? out.value() : Signal();
  };
  EXPECT_EQ(run("AND"), bits({0, 0, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(run("or"), bits({0, 1, 1, 1, 1, 1, 1, 1}));
  EXPECT_EQ(run("Xor"), bits({0, 1, 1, 0, 1, 0, 0, 1}));  // odd parity
  EXPECT_EQ(run("majority"), bits({0, 0, 0, 1, 0, 1, 1, 1}));
  EXPECT_EQ(run("NOT"), bits({1, 1, 1, 1, 0, 0, 0, 0}));  // negates input-0 only
}

TEST(Logic, MajorityNeedsMoreThanHalf) {
  const Signal a = bits({1, 1}), b = bits({1, 0});
  auto out = evaluate_logic("MAJORITY", {&a, &b}, 2);
  ASSERT_TRUE(out.is_ok());
  EXPECT_EQ(out.value(), bits({1, 0}));  // 1 of 2 is not more than half
}

TEST(Logic, NoInputsIsAllFalse) {
  auto out = evaluate_logic("OR", {}, 3);
  ASSERT_TRUE(out.is_ok());
  EXPECT_EQ(out.value(), bits({0, 0, 0}));
}

TEST(Logic, UnknownOperationListsValidOnes) {
  auto out = evaluate_logic("NAND", {}, 3);
  ASSERT_FALSE(out.is_ok());
  for (const char* op : {"'AND'", "'OR'", "'NOT'", "'XOR'", "'MAJORITY'"})
    EXPECT_NE(out.status().message().find(op), std::string::npos) << op;
}

TEST(Logic, InputOfTheWrongLengthIsAnError) {
  const Signal a = bits({1, 0});
  auto out = evaluate_logic("AND", {&a}, 3);
  ASSERT_FALSE(out.is_ok());
  EXPECT_NE(out.status().message().find("input-0"), std::string::npos);
}

}  // namespace
}  // namespace nocode::engine::testing
