// identity, lag and diff: a series shifted k bars back, and its change over
// k bars. Direct loops; NaN flows through the arithmetic.
#include "transforms/spec_helpers.h"

namespace nocode::transforms {
namespace {

void identity_kernel(const KernelInput& in, const Params&, double* const* out) {
  const double* x = in.series[0];
  for (size_t t = 0; t < in.n; ++t) out[0][t] = x[t];
}

void lag_kernel(const KernelInput& in, const Params& p, double* const* out) {
  const size_t k = static_cast<size_t>(p.integer(0));
  const double* x = in.series[0];
  for (size_t t = 0; t < in.n; ++t) out[0][t] = t >= k ? x[t - k] : kNaN;
}

void diff_kernel(const KernelInput& in, const Params& p, double* const* out) {
  const size_t k = static_cast<size_t>(p.integer(0));
  const double* x = in.series[0];
  for (size_t t = 0; t < in.n; ++t) out[0][t] = t >= k ? x[t] - x[t - k] : kNaN;
}

TransformSpec base(std::string name, std::string title) {
  TransformSpec s;
  s.name = std::move(name);
  s.title = std::move(title);
  s.group = "lag";
  s.inputs = {series_input("x", "the series")};
  s.outputs = {s.name};
  return s;
}

}  // namespace

Status register_lag_transforms(Registry& r) {
  TransformSpec id = base("identity", "Identity");
  id.aliases = {"raw", "value"};
  id.lookback = zero_rows;
  id.kernel = identity_kernel;
  id.definition = "`y[t] = x[t]`: the input unchanged.";
  id.nan_rule = "NaN where x is NaN.";
  NOCODE_RETURN_IF_ERROR(r.add(std::move(id)));

  TransformSpec lag = base("lag", "Lag");
  lag.aliases = {"shift"};
  lag.params = {lag_param(0)};
  lag.lookback = param0;
  lag.kernel = lag_kernel;
  lag.definition = "`y[t] = x[t - lag]` (pandas `shift(lag)`); `lag = 0` is the identity.";
  lag.nan_rule = "The first `lag` rows are NaN; NaN where x[t - lag] is NaN.";
  NOCODE_RETURN_IF_ERROR(r.add(std::move(lag)));

  TransformSpec diff = base("diff", "Difference");
  diff.aliases = {"delta", "change"};
  diff.params = {lag_param(1)};
  diff.lookback = param0;
  diff.kernel = diff_kernel;
  diff.definition = "`y[t] = x[t] - x[t - lag]` (pandas `diff(lag)`).";
  diff.nan_rule = "The first `lag` rows are NaN; NaN where x[t] or x[t - lag] is NaN.";
  return r.add(std::move(diff));
}

}  // namespace nocode::transforms
