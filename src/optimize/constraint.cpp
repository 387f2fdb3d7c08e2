// Recursive-descent parser and tree evaluator of constraint expressions.
#include "optimize/constraint.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include "common/strings.h"

namespace nocode::optimize {
namespace {

using Op = Constraint::Node::Op;

struct Token {
  enum class Kind { kNumber, kName, kSymbol, kEnd } kind = Kind::kEnd;
  std::string text;
  double number = 0;
  size_t column = 0;  // 1-based
};

class Parser {
 public:
  Parser(std::string_view text, const std::vector<std::string>& names,
         std::vector<Constraint::Node>& nodes)
      : text_(text), names_(names), nodes_(nodes) {}

  Result<int> parse() {
    NOCODE_RETURN_IF_ERROR(tokenize());
    Result<int> root = parse_or();
    if (!root) return root;
    if (peek().kind != Token::Kind::kEnd) return error(peek(), "expected an operator or the end");
    return root;
  }

 private:
  Status error(const Token& at, const std::string& what) const {
    const std::string got = at.kind == Token::Kind::kEnd ? "the end" : "'" + at.text + "'";
    return Status::invalid_argument("constraint '" + std::string(text_) + "': column " +
                                    std::to_string(at.column) + ": " + what + ", got " + got);
  }

  Status tokenize() {
    size_t i = 0;
    while (i < text_.size()) {
      const char c = text_[i];
      if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
      Token t;
      t.column = i + 1;
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
        size_t j = i;
        while (j < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[j])) ||
                                    text_[j] == '.' || ((text_[j] == '+' || text_[j] == '-') &&
                                    (text_[j - 1] == 'e' || text_[j - 1] == 'E')))) ++j;
        t.kind = Token::Kind::kNumber;
        t.text = std::string(text_.substr(i, j - i));
        auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), t.number);
        if (ec != std::errc() || p != t.text.data() + t.text.size()) {
          return error(t, "expected a number");
        }
        i = j;
      } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
        size_t j = i;
        while (j < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[j])) ||
                                    text_[j] == '_')) ++j;
        t.kind = Token::Kind::kName;
        t.text = std::string(text_.substr(i, j - i));
        i = j;
      } else {
        static const char* const kTwo[] = {"<=", ">=", "==", "!=", "&&", "||"};
        t.kind = Token::Kind::kSymbol;
        for (const char* two : kTwo) {
          if (text_.substr(i, 2) == two) t.text = two;
        }
        if (t.text.empty()) {
          if (std::string_view("+-*/<>()!").find(c) == std::string_view::npos) {
            t.text = std::string(1, c);
            return error(t, "expected a number, a parameter name, an operator or a parenthesis");
          }
          t.text = std::string(1, c);
        }
        i += t.text.size();
      }
      tokens_.push_back(std::move(t));
    }
    Token end;
    end.column = text_.size() + 1;
    tokens_.push_back(end);
    return Status::ok();
  }

  const Token& peek() const { return tokens_[pos_]; }
  bool accept(std::initializer_list<const char*> spellings, std::string& which) {
    const Token& t = peek();
    if (t.kind != Token::Kind::kSymbol && t.kind != Token::Kind::kName) return false;
    for (const char* s : spellings) {
      if (t.text == s) {
        which = s;
        ++pos_;
        return true;
      }
    }
    return false;
  }
  int add(Op op, int lhs, int rhs = -1) {
    Constraint::Node n;
    n.op = op;
    n.lhs = lhs;
    n.rhs = rhs;
    nodes_.push_back(n);
    return static_cast<int>(nodes_.size()) - 1;
  }

  Result<int> parse_or() {
    Result<int> lhs = parse_and();
    std::string op;
    while (lhs && accept({"or", "||"}, op)) {
      Result<int> rhs = parse_and();
      if (!rhs) return rhs;
      lhs = add(Op::kOr, *lhs, *rhs);
    }
    return lhs;
  }
  Result<int> parse_and() {
    Result<int> lhs = parse_not();
    std::string op;
    while (lhs && accept({"and", "&&"}, op)) {
      Result<int> rhs = parse_not();
      if (!rhs) return rhs;
      lhs = add(Op::kAnd, *lhs, *rhs);
    }
    return lhs;
  }
  Result<int> parse_not() {
    std::string op;
    if (accept({"not", "!"}, op)) {
      Result<int> inner = parse_not();
      if (!inner) return inner;
      return add(Op::kNot, *inner);
    }
    return parse_compare();
  }
  Result<int> parse_compare() {
    Result<int> lhs = parse_sum();
    std::string op;
    if (lhs && accept({"<=", ">=", "==", "!=", "<", ">"}, op)) {
      Result<int> rhs = parse_sum();
      if (!rhs) return rhs;
      const Op o = op == "<"    ? Op::kLt
                   : op == "<=" ? Op::kLe
                   : op == ">"  ? Op::kGt
                   : op == ">=" ? Op::kGe
                   : op == "==" ? Op::kEq
                                : Op::kNe;
      return add(o, *lhs, *rhs);
    }
    return lhs;
  }
  Result<int> parse_sum() {
    Result<int> lhs = parse_product();
    std::string op;
    while (lhs && accept({"+", "-"}, op)) {
      Result<int> rhs = parse_product();
      if (!rhs) return rhs;
      lhs = add(op == "+" ? Op::kAdd : Op::kSub, *lhs, *rhs);
    }
    return lhs;
  }
  Result<int> parse_product() {
    Result<int> lhs = parse_unary();
    std::string op;
    while (lhs && accept({"*", "/"}, op)) {
      Result<int> rhs = parse_unary();
      if (!rhs) return rhs;
      lhs = add(op == "*" ? Op::kMul : Op::kDiv, *lhs, *rhs);
    }
    return lhs;
  }
  Result<int> parse_unary() {
    std::string op;
    if (accept({"-"}, op)) {
      Result<int> inner = parse_unary();
      if (!inner) return inner;
      return add(Op::kNeg, *inner);
    }
    const Token t = peek();
    if (t.kind == Token::Kind::kNumber) {
      ++pos_;
      const int n = add(Op::kNumber, -1);
      nodes_[n].number = t.number;
      return n;
    }
    if (t.kind == Token::Kind::kName && !is_keyword(t.text)) return variable(t);
    if (accept({"("}, op)) {
      Result<int> inner = parse_or();
      if (!inner) return inner;
      if (!accept({")"}, op)) return error(peek(), "expected ')'");
      return inner;
    }
    return error(t, "expected a number, a parameter name or '('");
  }
  static bool is_keyword(const std::string& s) { return s == "and" || s == "or" || s == "not"; }
  Result<int> variable(const Token& t) {
    for (size_t k = 0; k < names_.size(); ++k) {
      if (names_[k] == t.text) {
        ++pos_;
        const int n = add(Op::kVar, -1);
        nodes_[n].var = k;
        return n;
      }
    }
    std::string hint;
    const std::vector<std::string> near = nearest_names(t.text, names_, 1);
    if (!near.empty()) hint = "; did you mean '" + near[0] + "'?";
    return Status::invalid_argument("constraint '" + std::string(text_) + "': column " +
                                    std::to_string(t.column) + ": unknown parameter '" + t.text +
                                    "' (optimized: " + quoted_list(names_, " and ") + ")" + hint);
  }

  std::string_view text_;
  const std::vector<std::string>& names_;
  std::vector<Constraint::Node>& nodes_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
};

}  // namespace

Result<Constraint> Constraint::parse(std::string_view text, const std::vector<std::string>& names) {
  Constraint c;
  c.text_ = std::string(text);
  Parser parser(c.text_, names, c.nodes_);
  Result<int> root = parser.parse();
  if (!root) return root.status();
  c.root_ = *root;
  return c;
}

double Constraint::eval(int node, const ParamSet& set) const {
  const Node& n = nodes_[static_cast<size_t>(node)];
  auto truth = [](double v) { return v != 0 && !std::isnan(v); };
  switch (n.op) {
    case Op::kNumber: return n.number;
    case Op::kVar: return n.var < set.size() ? set[n.var] : NAN;
    case Op::kNeg: return -eval(n.lhs, set);
    case Op::kNot: return truth(eval(n.lhs, set)) ? 0 : 1;
    case Op::kAnd: return truth(eval(n.lhs, set)) && truth(eval(n.rhs, set)) ? 1 : 0;
    case Op::kOr: return truth(eval(n.lhs, set)) || truth(eval(n.rhs, set)) ? 1 : 0;
    default: break;
  }
  const double a = eval(n.lhs, set), b = eval(n.rhs, set);
  switch (n.op) {
    case Op::kAdd: return a + b;
    case Op::kSub: return a - b;
    case Op::kMul: return a * b;
    case Op::kDiv: return a / b;
    case Op::kLt: return a < b;
    case Op::kLe: return a <= b;
    case Op::kGt: return a > b;
    case Op::kGe: return a >= b;
    case Op::kEq: return a == b;
    case Op::kNe: return a != b;
    default: return NAN;
  }
}

double Constraint::evaluate(const ParamSet& set) const { return root_ < 0 ? NAN : eval(root_, set); }

bool Constraint::admits(const ParamSet& set) const {
  const double v = evaluate(set);
  return v != 0 && !std::isnan(v);
}

bool admitted(const std::vector<Constraint>& constraints, const ParamSet& set) {
  for (const Constraint& c : constraints) {
    if (!c.admits(set)) return false;
  }
  return true;
}

}  // namespace nocode::optimize
