// crossover: +1 on the bar where series a crosses above b, -1 where it
// crosses below, 0 otherwise. Reads rows t-1 and t only (causal).
#include <cmath>

#include "transforms/spec_helpers.h"

namespace nocode::transforms {
namespace {

double cross(double a_prev, double b_prev, double a, double b) {
  if (std::isnan(a_prev) || std::isnan(b_prev) || std::isnan(a) || std::isnan(b)) return kNaN;
  if (a_prev <= b_prev && a > b) return 1.0;
  if (a_prev >= b_prev && a < b) return -1.0;
  return 0.0;
}

void crossover_kernel(const KernelInput& in, const Params&, double* const* out) {
  const double* a = in.series[0];
  const double* b = in.series[1];
  out[0][0] = kNaN;
  for (size_t t = 1; t < in.n; ++t) out[0][t] = cross(a[t - 1], b[t - 1], a[t], b[t]);
}

int one_row(const Params&) { return 1; }

}  // namespace

Status register_crossover_transform(Registry& r) {
  TransformSpec s;
  s.name = "crossover";
  s.aliases = {"cross", "crosses"};
  s.title = "Crossover";
  s.group = "crossover";
  s.inputs = {series_input("a", "the crossing series (first incoming edge)"),
              series_input("b", "the series crossed (second incoming edge)")};
  s.outputs = {"crossover"};
  s.lookback = one_row;
  s.kernel = crossover_kernel;
  s.definition =
      "`y[t] = +1` if `a[t-1] <= b[t-1]` and `a[t] > b[t]` (a crosses above b on this bar); "
      "`-1` if `a[t-1] >= b[t-1]` and `a[t] < b[t]` (crosses below); `0` otherwise. Touching "
      "without crossing (equal on this bar) is 0; a cross counts on the bar it completes.";
  s.nan_rule = "Row 0 is NaN; NaN where any of a[t-1], b[t-1], a[t], b[t] is NaN.";
  return r.add(std::move(s));
}

}  // namespace nocode::transforms
