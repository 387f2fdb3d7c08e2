// returns and log_returns over k bars. A zero base (or, for the log, a
// non-positive ratio) gives NaN rather than ±inf, so a model never sees inf.
#include <cmath>

#include "transforms/spec_helpers.h"

namespace nocode::transforms {
namespace {

double simple_return(double now, double then) {
  if (then == 0 || std::isnan(now) || std::isnan(then)) return kNaN;
  return now / then - 1.0;
}

double log_return(double now, double then) {
  if (then == 0 || std::isnan(now) || std::isnan(then)) return kNaN;
  const double ratio = now / then;
  return ratio > 0 && std::isfinite(ratio) ? std::log(ratio) : kNaN;
}

template <double (*F)(double, double)>
void return_kernel(const KernelInput& in, const Params& p, double* const* out) {
  const size_t k = static_cast<size_t>(p.integer(0));
  const double* x = in.series[0];
  for (size_t t = 0; t < in.n; ++t) out[0][t] = t >= k ? F(x[t], x[t - k]) : kNaN;
}

TransformSpec base(std::string name, std::string title) {
  TransformSpec s;
  s.name = std::move(name);
  s.title = std::move(title);
  s.group = "returns";
  s.inputs = {series_input("x", "a price series (close by default)")};
  s.params = {lag_param(1)};
  s.outputs = {s.name};
  s.lookback = param0;
  return s;
}

}  // namespace

Status register_return_transforms(Registry& r) {
  TransformSpec ret = base("returns", "Simple return");
  ret.aliases = {"pct_change", "return", "roc_fraction"};
  ret.kernel = return_kernel<simple_return>;
  ret.definition =
      "`y[t] = x[t] / x[t - lag] - 1` (pandas `pct_change(lag)`, as a fraction: 0.01 = 1%).";
  ret.nan_rule =
      "The first `lag` rows are NaN; NaN where x[t] or x[t - lag] is NaN or x[t - lag] = 0 "
      "(pandas gives ±inf there).";
  NOCODE_RETURN_IF_ERROR(r.add(std::move(ret)));

  TransformSpec log = base("log_returns", "Log return");
  log.aliases = {"log_return", "logret"};
  log.kernel = return_kernel<log_return>;
  log.definition = "`y[t] = ln(x[t] / x[t - lag])`.";
  log.nan_rule =
      "The first `lag` rows are NaN; NaN where x[t] or x[t - lag] is NaN, x[t - lag] = 0 or "
      "the ratio is not positive.";
  return r.add(std::move(log));
}

}  // namespace nocode::transforms
