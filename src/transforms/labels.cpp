// Return labels: forward_return and direction. Both read close[t + horizon],
// so the last `horizon` rows have no label (NaN).
#include <cmath>

#include "transforms/spec_helpers.h"

namespace nocode::transforms {
namespace {

enum Mode { kBinary = 0, kTernary = 1 };

double forward(const double* close, size_t t, size_t h) {
  const double now = close[t], later = close[t + h];
  if (std::isnan(now) || std::isnan(later) || now == 0) return kNaN;
  return later / now - 1.0;
}

void forward_return_kernel(const KernelInput& in, const Params& p, double* const* out) {
  const size_t h = static_cast<size_t>(p.integer(0));
  for (size_t t = 0; t < in.n; ++t) out[0][t] = t + h < in.n ? forward(in.series[0], t, h) : kNaN;
}

double classify(double fr, double threshold, int mode) {
  if (std::isnan(fr)) return kNaN;
  if (fr > threshold) return 1.0;
  if (mode == kTernary && fr < -threshold) return -1.0;
  return 0.0;
}

void direction_kernel(const KernelInput& in, const Params& p, double* const* out) {
  const size_t h = static_cast<size_t>(p.integer(0));
  const double threshold = p.real(1) / 100.0;
  const int mode = p.choice(2);
  for (size_t t = 0; t < in.n; ++t)
    out[0][t] = t + h < in.n ? classify(forward(in.series[0], t, h), threshold, mode) : kNaN;
}

Status direction_check(const Params& p) {
  if (p.choice(2) == kTernary && p.real(1) < 0)
    return Status::invalid_argument(
        "direction parameter 'threshold': the ternary mode needs a threshold >= 0 (it uses "
        "+threshold and -threshold), got " + std::to_string(p.real(1)));
  return Status::ok();
}

TransformSpec base(std::string name, std::string title) {
  TransformSpec s;
  s.name = std::move(name);
  s.title = std::move(title);
  s.group = "label";
  s.inputs = {series_input("close", "closing prices")};
  s.params = {horizon_param()};
  s.outputs = {s.name};
  s.lookback = zero_rows;
  s.lookahead = param0;
  s.reads_future = true;
  return s;
}

}  // namespace

Status register_return_labels(Registry& r) {
  TransformSpec fr = base("forward_return", "Forward return");
  fr.aliases = {"future_return", "fwd_return"};
  fr.kernel = forward_return_kernel;
  fr.definition = "`y[t] = close[t + horizon] / close[t] - 1` (a fraction: 0.01 = 1%).";
  fr.nan_rule = "The last `horizon` rows are NaN; NaN where close[t] or close[t + horizon] is "
                "NaN, or close[t] = 0.";
  NOCODE_RETURN_IF_ERROR(r.add(std::move(fr)));

  TransformSpec dir = base("direction", "Direction");
  dir.aliases = {"updown", "up_down"};
  dir.params.push_back({"threshold", {"threshold_pct"}, ParamType::kReal, 0, -100, 1000, {},
                        "in percent: a forward return above threshold/100 is up"});
  dir.params.push_back({"mode", {"classes"}, ParamType::kChoice, kBinary, 0, 0,
                        {"binary", "ternary"}, "binary: 1/0; ternary: 1/0/-1"});
  dir.kernel = direction_kernel;
  dir.check = direction_check;
  dir.definition =
      "With `r = close[t + horizon] / close[t] - 1` and `q = threshold / 100` (threshold is in "
      "percent, as in the editor's label node): binary mode `y = 1` if `r > q`, else `0`; "
      "ternary mode `y = 1` if `r > q`, `-1` if `r < -q`, else `0` (needs threshold >= 0). "
      "A return exactly at the threshold is 0.";
  dir.nan_rule = "As forward_return: the last `horizon` rows and rows whose forward return is "
                 "NaN are NaN.";
  return r.add(std::move(dir));
}

}  // namespace nocode::transforms
