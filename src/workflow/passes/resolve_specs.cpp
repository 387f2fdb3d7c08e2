// Condition kinds, transforms/labels and splits resolved from node parameters.
#include "workflow/passes/resolve_specs.h"
#include "common/numeric.h"

#include "common/strings.h"
#include "ml/split.h"
#include "workflow/json_pointer.h"
#include "workflow/suggest.h"

namespace nocode::workflow::passes {
namespace {

using nlohmann::json;

double num(const json& p, const char* key, double fallback) {
  auto it = p.find(key);
  return it != p.end() && it->is_number() ? it->get<double>() : fallback;
}

std::string str(const json& p, const char* key, const std::string& fallback) {
  auto it = p.find(key);
  return it != p.end() && it->is_string() ? it->get<std::string>() : fallback;
}

engine::ConditionParams condition_params(const json& p) {
  engine::ConditionParams c;
  c.value = num(p, "value", c.value);
  c.value2 = num(p, "value2", c.value2);
  c.lookback = saturating_int(num(p, "lookback", c.lookback));
  c.sensitivity = num(p, "sensitivity", c.sensitivity);
  c.confirmation_bars = saturating_int(num(p, "confirmationBars", c.confirmation_bars));
  c.percentage_threshold = num(p, "percentageThreshold", c.percentage_threshold);
  c.higher_timeframe = str(p, "higherTimeframe", c.higher_timeframe);
  c.trend_strength = str(p, "trendStrength", c.trend_strength);
  c.divergence_type = str(p, "divergenceType", c.divergence_type);
  c.volume_threshold = num(p, "volumeThreshold", c.volume_threshold);
  c.volume_period = saturating_int(num(p, "volumePeriod", c.volume_period));
  c.pattern_strength = str(p, "patternStrength", c.pattern_strength);
  c.pattern_min_bars = saturating_int(num(p, "patternMinBars", c.pattern_min_bars));
  c.structure_lookback = saturating_int(num(p, "structureLookback", c.structure_lookback));
  c.level_spacing = num(p, "levelSpacing", c.level_spacing);
  c.volatility_period = saturating_int(num(p, "volatilityPeriod", c.volatility_period));
  c.volatility_multiplier = num(p, "volatilityMultiplier", c.volatility_multiplier);
  c.correlation_period = saturating_int(num(p, "correlationPeriod", c.correlation_period));
  c.correlation_threshold = num(p, "correlationThreshold", c.correlation_threshold);
  auto inv = p.find("invertCondition");
  c.invert = inv != p.end() && inv->is_boolean() && inv->get<bool>();
  return c;
}

// The transform's parameters among the node's (by name or alias).
json transform_args(const transforms::TransformSpec& spec, const json& params) {
  json out = json::object();
  for (auto it = params.begin(); it != params.end(); ++it) {
    for (const auto& p : spec.params) {
      bool match = iequals(p.name, it.key());
      for (const auto& a : p.aliases) match = match || iequals(a, it.key());
      if (match && !it.value().is_null()) out[it.key()] = it.value();
    }
  }
  return out;
}

std::vector<std::string> transform_names(transforms::Purpose purpose) {
  std::vector<std::string> out;
  for (const auto& t : transforms::builtin_registry().all()) {
    if ((purpose == transforms::Purpose::kLabel) == t.reads_future) out.push_back(t.name);
  }
  return out;
}

}  // namespace

std::vector<std::string> condition_names() {
  std::vector<std::string> out;
  for (const engine::ConditionSpec& c : engine::condition_specs()) {
    out.push_back(c.name);
    for (const auto& syn : c.synonyms) out.push_back(syn);
  }
  return out;
}

bool resolve_condition(State& s, NodeState& ns) {
  const std::string name = str(ns.params, "condition", "greater_than");
  const std::string ptr = pointer_append(ns.node->params_pointer, "condition");
  Result<const engine::ConditionSpec*> spec = engine::find_condition(name);
  if (!spec.is_ok()) {
    s.diags->error("unknown_condition", ns.node->id, ptr, "unknown condition '" + name + "'",
                   did_you_mean(name, condition_names()));
    return false;
  }
  ns.condition = *spec;
  ns.condition_params = condition_params(ns.params);
  return true;
}

bool resolve_transform(State& s, NodeState& ns, const char* name_param,
                       transforms::Purpose purpose) {
  const std::string name = str(ns.params, name_param, "");
  const std::string ptr = pointer_append(ns.node->params_pointer, name_param);
  Result<const transforms::TransformSpec*> spec =
      transforms::builtin_registry().lookup(name, purpose);
  if (!spec.is_ok()) {
    s.diags->error(purpose == transforms::Purpose::kLabel ? "unknown_label" : "unknown_transform",
                   ns.node->id, ptr, spec.status().message(),
                   did_you_mean(name, transform_names(purpose)));
    return false;
  }
  Result<transforms::Params> params =
      transforms::resolve_params(**spec, transform_args(**spec, ns.params));
  if (!params.is_ok()) {
    s.diags->error("invalid_transform_parameter", ns.node->id, ns.node->params_pointer,
                   params.status().message());
    return false;
  }
  ns.transform = *spec;
  ns.transform_params = *params;
  return true;
}

bool check_split(State& s, NodeState& ns) {
  const std::string method = str(ns.params, "method", "ratio");
  const std::string& base = ns.node->params_pointer;
  if (method == "ratio") {
    const double sum = num(ns.params, "trainRatio", 0.7) + num(ns.params, "validationRatio", 0.15) +
                       num(ns.params, "testRatio", 0.15);
    if (sum > 1 + 1e-9) {
      s.diags->error(
          "invalid_split", ns.node->id, base,
          "trainRatio + validationRatio + testRatio must be at most 1, got " + format_double(sum));
      return false;
    }
  } else if (method == "date") {
    const std::string train_end = str(ns.params, "trainEnd", "");
    Result<int64_t> t = ml::parse_split_boundary(train_end);
    if (!t.is_ok()) {
      s.diags->error("invalid_split", ns.node->id, pointer_append(base, "trainEnd"),
                     "date split needs trainEnd as YYYY-MM-DD: " + t.status().message());
      return false;
    }
    const std::string val_end = str(ns.params, "validationEnd", "");
    if (!val_end.empty()) {
      Result<int64_t> v = ml::parse_split_boundary(val_end);
      if (!v.is_ok() || *v <= *t) {
        s.diags->error("invalid_split", ns.node->id, pointer_append(base, "validationEnd"),
                       "validationEnd must be a date after trainEnd, got '" + val_end + "'");
        return false;
      }
    }
  }
  return true;
}

}  // namespace nocode::workflow::passes
