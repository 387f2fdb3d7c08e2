// Constraints on parameter sets: a small, safe expression language over the
// optimized parameters' names (no function calls, no access to anything else).
//
//   expr    := or
//   or      := and (("or" | "||") and)*
//   and     := not (("and" | "&&") not)*
//   not     := ("not" | "!") not | compare
//   compare := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
//   sum     := product (("+" | "-") product)*
//   product := unary (("*" | "/") unary)*
//   unary   := "-" unary | NUMBER | NAME | "(" expr ")"
//
// Values are doubles; comparisons and logic give 1 or 0; a set is admitted
// when the value is non-zero and not NaN (so x/0 comparisons reject).
// Examples: `fast<slow`, `slow - fast >= 10`, `not (fast == 5) and slow < 60`.
//
// A parsed Constraint is immutable; admits() is thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "optimize/parameter_space.h"

namespace nocode::optimize {

class Constraint {
 public:
  // Parses `text` against the parameter `names` (the space's order). Errors
  // give the column (1-based) and what was expected, e.g.
  // "constraint 'fast<slw': column 6: unknown parameter 'slw'; did you mean 'slow'?".
  static Result<Constraint> parse(std::string_view text, const std::vector<std::string>& names);

  double evaluate(const ParamSet& set) const;
  bool admits(const ParamSet& set) const;
  const std::string& text() const { return text_; }

  // Expression tree, flattened (children before parents).
  struct Node {
    enum class Op { kNumber, kVar, kNeg, kNot, kAdd, kSub, kMul, kDiv, kLt, kLe, kGt, kGe, kEq,
                    kNe, kAnd, kOr };
    Op op = Op::kNumber;
    double number = 0;  // kNumber
    size_t var = 0;     // kVar: index into the parameter set
    int lhs = -1, rhs = -1;
  };

 private:
  double eval(int node, const ParamSet& set) const;
  std::string text_;
  std::vector<Node> nodes_;
  int root_ = -1;
};

// True when every constraint admits `set`.
bool admitted(const std::vector<Constraint>& constraints, const ParamSet& set);

}  // namespace nocode::optimize
