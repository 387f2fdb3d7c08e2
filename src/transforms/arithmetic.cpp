// Row-wise arithmetic of two series: add, sub, mul, div (a / b) and ratio
// (a / b - 1, the relative difference). Division by zero gives NaN.
#include <cmath>

#include "transforms/spec_helpers.h"

namespace nocode::transforms {
namespace {

double add(double a, double b) { return a + b; }
double sub(double a, double b) { return a - b; }
double mul(double a, double b) { return a * b; }
double div(double a, double b) { return b == 0 ? kNaN : a / b; }
double ratio(double a, double b) { return b == 0 ? kNaN : a / b - 1.0; }

template <double (*F)(double, double)>
void binary_kernel(const KernelInput& in, const Params&, double* const* out) {
  const double* a = in.series[0];
  const double* b = in.series[1];
  for (size_t t = 0; t < in.n; ++t) out[0][t] = F(a[t], b[t]);
}

Status add_one(Registry& r, std::string name, std::vector<std::string> aliases,
               std::string title, KernelFn kernel, std::string definition, bool divides) {
  TransformSpec s;
  s.name = std::move(name);
  s.aliases = std::move(aliases);
  s.title = std::move(title);
  s.group = "arithmetic";
  s.inputs = {series_input("a", "first series (first incoming edge)"),
              series_input("b", "second series (second incoming edge)")};
  s.outputs = {s.name};
  s.lookback = zero_rows;
  s.kernel = kernel;
  s.definition = std::move(definition);
  s.nan_rule = divides ? "NaN where a or b is NaN, or b = 0 (division by zero)."
                       : "NaN where a or b is NaN (IEEE arithmetic).";
  return r.add(std::move(s));
}

}  // namespace

Status register_arithmetic_transforms(Registry& r) {
  NOCODE_RETURN_IF_ERROR(add_one(r, "add", {"plus", "sum"}, "Sum", binary_kernel<add>,
                                 "`y[t] = a[t] + b[t]`.", false));
  NOCODE_RETURN_IF_ERROR(add_one(r, "sub", {"subtract", "minus", "spread"}, "Difference",
                                 binary_kernel<sub>, "`y[t] = a[t] - b[t]`.", false));
  NOCODE_RETURN_IF_ERROR(add_one(r, "mul", {"multiply", "times", "product"}, "Product",
                                 binary_kernel<mul>, "`y[t] = a[t] * b[t]`.", false));
  NOCODE_RETURN_IF_ERROR(add_one(r, "div", {"divide", "quotient"}, "Quotient",
                                 binary_kernel<div>, "`y[t] = a[t] / b[t]`.", true));
  return add_one(r, "ratio", {"relative", "rel_diff"}, "Relative difference",
                 binary_kernel<ratio>,
                 "`y[t] = a[t] / b[t] - 1`: how far a is above b as a fraction of b "
                 "(0.02 = a is 2% above b); use `div` for the plain quotient.",
                 true);
}

}  // namespace nocode::transforms
