#include "support/param_sets.h"

#include <algorithm>
#include <cmath>

#include "common/strings.h"
#include "indicators/registry.h"

namespace nocode::testing {

using indicators::ParamType;

namespace {

double clamp_to(const indicators::ParamSpec& p, double v) {
  v = std::clamp(v, p.min, p.max);
  if (p.type != ParamType::kReal) v = std::round(v);
  return std::clamp(v, p.min, p.max);
}

}  // namespace

std::vector<NamedParams> param_sets(const indicators::IndicatorSpec& spec) {
  std::vector<NamedParams> out;
  indicators::Params defaults = indicators::default_params(spec);
  out.push_back({"defaults", defaults});
  if (spec.params.empty()) return out;
  indicators::Params larger = defaults, smaller = defaults;
  bool has_scalar = false;
  for (size_t i = 0; i < spec.params.size(); ++i) {
    const auto& p = spec.params[i];
    if (p.type == ParamType::kMaType) continue;
    has_scalar = true;
    const double d = p.default_value;
    if (p.type == ParamType::kInteger) {
      larger.values[i] = clamp_to(p, d + std::max(1.0, std::floor(d / 2)) + double(i));
      smaller.values[i] = clamp_to(p, std::floor(d / 2) + double(i % 2));
    } else {
      larger.values[i] = clamp_to(p, d == 0 ? p.min + (p.max - p.min) * 0.1 : d * 1.5);
      smaller.values[i] = clamp_to(p, d == 0 ? p.min + (p.max - p.min) * 0.05 : d * 0.6);
    }
  }
  if (has_scalar) {
    out.push_back({"larger", larger});
    if (smaller.values != defaults.values && smaller.values != larger.values)
      out.push_back({"smaller", smaller});
  }
  for (size_t i = 0; i < spec.params.size(); ++i) {
    if (spec.params[i].type != ParamType::kMaType) continue;
    for (int t = 0; t < 9; ++t) {
      if (t == spec.params[i].default_value) continue;
      indicators::Params p = defaults;
      p.values[i] = t;
      out.push_back({spec.params[i].name + "=" + indicators::ma_type_name(t), p});
    }
  }
  return out;
}

std::string describe(const indicators::IndicatorSpec& spec, const indicators::Params& params) {
  std::string s;
  for (size_t i = 0; i < spec.params.size(); ++i) {
    if (!s.empty()) s += " ";
    s += spec.params[i].name + "=" + format_double(params.values[i]);
  }
  return s.empty() ? "(no parameters)" : s;
}

bool close_enough(double ours, double ref, double floor) {
  if (std::isnan(ours) || std::isnan(ref)) return std::isnan(ours) && std::isnan(ref);
  const double scale = std::max({std::fabs(ours), std::fabs(ref), floor});
  return std::fabs(ours - ref) <= 1e-9 * scale;
}

}  // namespace nocode::testing
