// The transform registry: the table of built-in families, name lookup with
// "did you mean", the feature/label purpose check and compute().
#include <cstdio>
#include <cstdlib>

#include "common/strings.h"
#include "transforms/spec_helpers.h"
#include "transforms/transform.h"

namespace nocode::transforms {
namespace {

Status check_param(const TransformSpec& spec, const ParamSpec& p) {
  const std::string where = "transform '" + spec.name + "' parameter '" + p.name + "'";
  if (p.type == ParamType::kChoice) {
    if (p.choices.empty() || p.default_value < 0 ||
        p.default_value >= static_cast<double>(p.choices.size()))
      return Status::internal(where + " has no choices or a default outside them");
    return Status::ok();
  }
  if (p.min > p.max || p.default_value < p.min || p.default_value > p.max)
    return Status::internal(where + " has a default outside its range");
  return Status::ok();
}

Status check_spec(const TransformSpec& spec) {
  if (spec.name.empty() || spec.name != to_lower(spec.name))
    return Status::internal("transform name must be non-empty lowercase: '" + spec.name + "'");
  if (!spec.kernel || !spec.lookback)
    return Status::internal("transform '" + spec.name + "' lacks a kernel or lookback");
  if (spec.inputs.empty() || spec.outputs.empty())
    return Status::internal("transform '" + spec.name + "' declares no inputs or outputs");
  if (spec.reads_future != (spec.lookahead != nullptr))
    return Status::internal("transform '" + spec.name +
                            "': a lookahead is declared exactly when it reads the future");
  if (spec.definition.empty() || spec.nan_rule.empty())
    return Status::internal("transform '" + spec.name + "' lacks a definition or NaN rule");
  for (const auto& p : spec.params) NOCODE_RETURN_IF_ERROR(check_param(spec, p));
  return Status::ok();
}

bool fits(const TransformSpec& spec, Purpose purpose) {
  if (purpose == Purpose::kFeature) return !spec.reads_future;
  if (purpose == Purpose::kLabel) return spec.reads_future;
  return true;
}

Status register_builtins(Registry& r) {
  // The one table of transform families, in documentation order.
  NOCODE_RETURN_IF_ERROR(register_lag_transforms(r));
  NOCODE_RETURN_IF_ERROR(register_return_transforms(r));
  NOCODE_RETURN_IF_ERROR(register_rolling_transforms(r));
  NOCODE_RETURN_IF_ERROR(register_rank_transform(r));
  NOCODE_RETURN_IF_ERROR(register_arithmetic_transforms(r));
  NOCODE_RETURN_IF_ERROR(register_crossover_transform(r));
  NOCODE_RETURN_IF_ERROR(register_calendar_transforms(r));
  NOCODE_RETURN_IF_ERROR(register_return_labels(r));
  NOCODE_RETURN_IF_ERROR(register_triple_barrier_label(r));
  return Status::ok();
}

}  // namespace

int lookback_of(const TransformSpec& spec, const Params& params) {
  return spec.lookback(params);
}

int lookahead_of(const TransformSpec& spec, const Params& params) {
  return spec.lookahead ? spec.lookahead(params) : 0;
}

Status Registry::add(TransformSpec spec) {
  NOCODE_RETURN_IF_ERROR(check_spec(spec));
  std::vector<std::string> keys = {spec.name};
  for (const auto& a : spec.aliases) keys.push_back(to_lower(a));
  for (const auto& k : keys) {
    auto it = index_.find(k);
    if (it != index_.end())
      return Status::internal("transform key '" + k + "' of '" + spec.name +
                              "' is already taken by '" + specs_[it->second].name + "'");
  }
  const size_t pos = specs_.size();
  for (const auto& k : keys) index_.emplace(k, pos);
  specs_.push_back(std::move(spec));
  return Status::ok();
}

const TransformSpec* Registry::find(std::string_view name) const {
  auto it = index_.find(to_lower(trim(name)));
  return it == index_.end() ? nullptr : &specs_[it->second];
}

Result<const TransformSpec*> Registry::lookup(std::string_view name, Purpose purpose) const {
  const char* what = purpose == Purpose::kFeature ? "feature transform"
                     : purpose == Purpose::kLabel ? "label"
                                                  : "transform";
  if (const TransformSpec* spec = find(name)) {
    if (fits(*spec, purpose)) return spec;
    if (purpose == Purpose::kFeature)
      return Status::invalid_argument("'" + spec->name +
                                      "' is a label (it reads future bars) and cannot be used "
                                      "as a feature");
    return Status::invalid_argument("'" + spec->name + "' is a feature transform, not a label");
  }
  std::vector<std::string> keys;
  std::vector<std::string> names;
  for (const auto& [k, pos] : index_)
    if (fits(specs_[pos], purpose)) keys.push_back(k);
  for (const auto& s : specs_)
    if (fits(s, purpose)) names.push_back(s.name);
  std::string msg = "unknown " + std::string(what) + " '" + std::string(name) + "'";
  auto near = nearest_names(name, keys);
  if (!near.empty()) msg += "; did you mean " + quoted_list(near) + "?";
  msg += " (valid: " + quoted_list(names, ", ") + ")";
  return Status::not_found(msg);
}

const Registry& builtin_registry() {
  static const Registry registry = [] {
    Registry r;
    Status s = register_builtins(r);
    if (!s.is_ok()) {
      // A registration error is a programming error in this codebase.
      std::fprintf(stderr, "fatal: %s\n", s.to_string().c_str());
      std::abort();
    }
    return r;
  }();
  return registry;
}

Result<std::vector<std::vector<double>>> compute(const TransformSpec& spec, const Params& params,
                                                 const std::vector<const double*>& series,
                                                 const int64_t* timestamps, size_t n) {
  KernelInput in;
  in.n = n;
  size_t next = 0;
  for (const auto& input : spec.inputs) {
    if (input.type == InputType::kTimestamps) {
      if (!timestamps && n > 0)
        return Status::invalid_argument(spec.name + " needs the bars' timestamps");
      in.timestamps = timestamps;
      continue;
    }
    const double* p = next < series.size() ? series[next] : nullptr;
    ++next;
    if (!p && !input.optional && n > 0)
      return Status::invalid_argument(spec.name + " input '" + input.name + "' is missing");
    in.series.push_back(p);
  }
  if (series.size() > next)
    return Status::invalid_argument(spec.name + " takes " + std::to_string(next) +
                                    " series input(s), got " + std::to_string(series.size()));
  std::vector<std::vector<double>> out(spec.outputs.size(), std::vector<double>(n, kNaN));
  std::vector<double*> ptrs;
  for (auto& o : out) ptrs.push_back(o.data());
  if (n > 0) spec.kernel(in, params, ptrs.data());
  return out;
}

}  // namespace nocode::transforms
