// Parameter resolution for transforms: JSON values by name or alias, checked
// against each ParamSpec's type and range, then the spec's own check.
#include <charconv>
#include <cmath>

#include "common/strings.h"
#include "transforms/transform.h"

namespace nocode::transforms {
namespace {

std::string range_text(const ParamSpec& p) {
  std::string out = "[";  // built by appends: GCC 12 warns falsely on "[" + string
  out.append(format_double(p.min)).append(", ").append(format_double(p.max)).append("]");
  return out;
}

const ParamSpec* find_param(const TransformSpec& spec, std::string_view key, size_t* index) {
  for (size_t i = 0; i < spec.params.size(); ++i) {
    const ParamSpec& p = spec.params[i];
    bool match = iequals(p.name, key);
    for (const auto& a : p.aliases) match = match || iequals(a, key);
    if (match) {
      *index = i;
      return &p;
    }
  }
  return nullptr;
}

Status unknown_param(const TransformSpec& spec, std::string_view key) {
  if (spec.params.empty())
    return Status::invalid_argument(spec.name + " has no parameters; got '" + std::string(key) +
                                    "'");
  std::vector<std::string> names;
  std::vector<std::string> own;
  for (const auto& p : spec.params) {
    own.push_back(p.name);
    names.push_back(p.name);
    for (const auto& a : p.aliases) names.push_back(a);
  }
  std::string msg = "unknown parameter '" + std::string(key) + "' for " + spec.name;
  auto near = nearest_names(key, names);
  if (!near.empty()) msg += "; did you mean " + quoted_list(near) + "?";
  return Status::invalid_argument(msg + " (parameters: " + quoted_list(own, ", ") + ")");
}

Result<double> choice_value(const std::string& where, const ParamSpec& p,
                            const nlohmann::json& v) {
  if (v.is_string()) {
    const std::string text = v.get<std::string>();
    for (size_t i = 0; i < p.choices.size(); ++i)
      if (iequals(p.choices[i], trim(text))) return static_cast<double>(i);
    std::string msg = where + ": unknown choice '" + text + "'";
    auto near = nearest_names(text, p.choices, 1);
    if (!near.empty()) msg += "; did you mean " + quoted_list(near) + "?";
    return Status::invalid_argument(msg + " (valid: " + quoted_list(p.choices) + ")");
  }
  return Status::invalid_argument(where + ": expected one of " + quoted_list(p.choices) +
                                  ", got " + v.dump());
}

Result<double> number_value(const std::string& where, const ParamSpec& p,
                            const nlohmann::json& v) {
  const char* expected = p.type == ParamType::kReal ? "a number" : "an integer";
  double x = 0;
  if (v.is_number()) {
    x = v.get<double>();
  } else if (v.is_string()) {
    const std::string text = v.get<std::string>();
    const std::string_view t = trim(text);
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), x);
    if (ec != std::errc() || ptr != t.data() + t.size() || t.empty())
      return Status::invalid_argument(where + ": expected " + expected + " in " + range_text(p) +
                                      ", got '" + text + "'");
  } else {
    return Status::invalid_argument(where + ": expected " + expected + " in " + range_text(p) +
                                    ", got " + v.dump());
  }
  if (!std::isfinite(x) || (p.type == ParamType::kInteger && x != std::floor(x)))
    return Status::invalid_argument(where + ": expected " + expected + " in " + range_text(p) +
                                    ", got " + format_double(x));
  if (x < p.min || x > p.max)
    return Status::invalid_argument(where + ": " + format_double(x) + " is out of range; valid " +
                                    (p.type == ParamType::kReal ? "range is " : "integers are ") +
                                    range_text(p));
  return x;
}

}  // namespace

Params default_params(const TransformSpec& spec) {
  Params p;
  for (const auto& ps : spec.params) p.values.push_back(ps.default_value);
  return p;
}

Result<Params> resolve_params(const TransformSpec& spec, const nlohmann::json& given) {
  Params p = default_params(spec);
  if (given.is_null()) return p;
  if (!given.is_object())
    return Status::invalid_argument(spec.name + " parameters: expected an object, got " +
                                    given.dump());
  std::vector<bool> seen(spec.params.size(), false);
  for (const auto& [key, value] : given.items()) {
    size_t i = 0;
    const ParamSpec* ps = find_param(spec, key, &i);
    if (!ps) return unknown_param(spec, key);
    if (seen[i])
      return Status::invalid_argument(spec.name + " parameter '" + ps->name +
                                      "' is given twice (as '" + key + "' and another name)");
    seen[i] = true;
    const std::string where = spec.name + " parameter '" + ps->name + "'";
    auto v = ps->type == ParamType::kChoice ? choice_value(where, *ps, value)
                                            : number_value(where, *ps, value);
    if (!v) return v.status();
    p.values[i] = *v;
  }
  if (spec.check) NOCODE_RETURN_IF_ERROR(spec.check(p));
  return p;
}

}  // namespace nocode::transforms
