// Editor technicalIndicator -> indicator registry. Two tables: which editor
// parameter fills which registry parameter (per indicator, then generic), and
// which registry output each editor output-N shows (per indicator, else the
// registry's order).
#include "workflow/indicator_binding.h"

#include <cstdlib>
#include <map>
#include <set>
#include <utility>

#include "common/strings.h"
#include "indicators/registry.h"
#include "workflow/json_pointer.h"
#include "workflow/node_types.h"
#include "workflow/suggest.h"

namespace nocode::workflow {
namespace {

using indicators::IndicatorSpec;
using indicators::Params;
using nlohmann::json;

struct Rule {
  const char* editor;  // editor parameter name
  const char* target;  // registry parameter name
};

// Per-indicator mappings (EDITOR_FORMAT.md 2.3 "shown for" column).
const std::map<std::string, std::vector<Rule>>& specific_rules() {
  static const std::map<std::string, std::vector<Rule>> kRules = {
      {"bbands", {{"multiplier", "nbdev_up"}, {"multiplier", "nbdev_down"}}},
      {"stoch",
       {{"kPeriod", "fastk_period"},
        {"slowing", "slowk_period"},
        {"smoothingPeriod", "slowk_period"},
        {"dPeriod", "slowd_period"}}},
      {"stochrsi", {{"kPeriod", "fastk_period"}, {"dPeriod", "fastd_period"}}},
      {"kdj", {{"kPeriod", "period"}, {"slowing", "k_smoothing"}, {"dPeriod", "d_smoothing"}}},
  };
  return kRules;
}

const std::vector<Rule>& generic_rules() {
  static const std::vector<Rule> kRules = {
      {"period", "period"},          {"fastPeriod", "fast_period"},
      {"slowPeriod", "slow_period"}, {"signalPeriod", "signal_period"},
      {"multiplier", "multiplier"},  {"acceleration", "acceleration"},
      {"maximum", "maximum"},
  };
  return kRules;
}

// Editor keys that are not indicator parameters at all.
const std::set<std::string>& form_only_keys() {
  static const std::set<std::string> kKeys = {"indicatorCategory",   "indicator",
                                              "outputType",          "enableMultiOutput",
                                              "outputConfiguration", "source"};
  return kKeys;
}

bool is_editor_param(const std::string& key) {
  const NodeTypeSpec* t = find_node_type("technicalIndicator");
  return t != nullptr && find_param(*t, key) != nullptr;
}

const indicators::ParamSpec* spec_param(const IndicatorSpec& spec, std::string_view name) {
  for (const auto& p : spec.params) {
    if (iequals(p.name, name)) return &p;
    for (const auto& a : p.aliases) {
      if (iequals(a, name)) return &p;
    }
  }
  return nullptr;
}

bool number_of(const json& v, double* out) {
  if (v.is_number()) {
    *out = v.get<double>();
    return true;
  }
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    char* end = nullptr;
    *out = std::strtod(s.c_str(), &end);
    return !s.empty() && end == s.c_str() + s.size();
  }
  return false;
}

struct Mapped {
  std::vector<std::pair<std::string, double>> given;
  std::set<std::string> used;               // editor keys that reached a parameter
  std::map<std::string, std::string> from;  // registry parameter -> editor key it came from
};

void map_rules(const IndicatorSpec& spec, const json& params, bool explicit_pass,
               std::map<std::string, double>& assigned, Mapped& m) {
  std::vector<Rule> rules;
  if (auto it = specific_rules().find(spec.name); it != specific_rules().end()) rules = it->second;
  rules.insert(rules.end(), generic_rules().begin(), generic_rules().end());
  const NodeTypeSpec* form = find_node_type("technicalIndicator");
  for (const Rule& r : rules) {
    const indicators::ParamSpec* target = spec_param(spec, r.target);
    if (target == nullptr || target->name != r.target || assigned.count(r.target)) continue;
    double v = 0;
    if (explicit_pass) {
      auto it = params.find(r.editor);
      if (it == params.end() || !number_of(*it, &v)) continue;
      m.used.insert(r.editor);
      m.from[r.target] = r.editor;
    } else {
      const NodeParamSpec* p = form ? find_param(*form, r.editor) : nullptr;
      if (p == nullptr || !p->default_value.is_number()) continue;
      v = p->default_value.get<double>();
    }
    assigned[r.target] = v;
  }
}

Mapped map_params(const IndicatorSpec& spec, const json& params) {
  std::map<std::string, double> assigned;
  Mapped m;
  map_rules(spec, params, true, assigned, m);
  map_rules(spec, params, false, assigned, m);
  // Registry names written directly (nbdev_up, atr_period, ...) win.
  for (auto it = params.begin(); it != params.end(); ++it) {
    if (is_editor_param(it.key())) continue;
    const indicators::ParamSpec* p = spec_param(spec, it.key());
    double v = 0;
    if (p != nullptr && number_of(it.value(), &v)) {
      assigned[p->name] = v;
      m.used.insert(it.key());
      m.from[p->name] = it.key();
    }
  }
  for (const auto& [name, value] : assigned) m.given.emplace_back(name, value);
  return m;
}

std::string column_of(indicators::InputKind k, const std::string& source) {
  using indicators::InputKind;
  switch (k) {
    case InputKind::kOpen:
      return "open";
    case InputKind::kHigh:
      return "high";
    case InputKind::kLow:
      return "low";
    case InputKind::kClose:
      return "close";
    case InputKind::kVolume:
      return "volume";
    case InputKind::kReal:
    case InputKind::kReal0:
      return source;
    case InputKind::kReal1:
      return "open";
  }
  return source;
}

bool reads_source(const IndicatorSpec& spec) {
  for (auto k : spec.inputs) {
    if (k == indicators::InputKind::kReal || k == indicators::InputKind::kReal0) return true;
  }
  return false;
}

IndicatorOutput output(const std::string& node_id, int k, const IndicatorSpec* spec,
                       const Params& params, size_t index, std::string name = "") {
  IndicatorOutput o;
  o.handle = "output-" + std::to_string(k);
  o.spec = spec;
  o.params = params;
  o.output_index = index;
  o.column = node_id + "." + (name.empty() ? spec->outputs[index] : name);
  return o;
}

// A helper indicator computed for an extra editor output (ADX DI+/DI-, BB width).
bool helper(const std::string& name, std::vector<std::pair<std::string, double>> given,
            const IndicatorSpec** spec, Params* params) {
  *spec = indicators::builtin_registry().find(name);
  if (*spec == nullptr) return false;
  Result<Params> p = indicators::resolve_params(**spec, given);
  if (!p.is_ok()) return false;
  *params = *p;
  return true;
}

void bind_outputs(const std::string& node_id, IndicatorBinding& b) {
  const IndicatorSpec& s = *b.spec;
  const Params& p = b.params;
  if (s.name == "aroon") {  // TA-Lib order is down, up; the editor shows up first
    b.outputs = {output(node_id, 1, &s, p, 1), output(node_id, 2, &s, p, 0)};
    return;
  }
  for (size_t i = 0; i < s.outputs.size() && i < 5; ++i) {
    b.outputs.push_back(output(node_id, static_cast<int>(i) + 1, &s, p, i));
  }
  const IndicatorSpec* h = nullptr;
  Params hp;
  if (s.name == "adx") {
    const double period = p.values.at(0);
    if (helper("plus_di", {{"period", period}}, &h, &hp))
      b.outputs.push_back(output(node_id, 2, h, hp, 0));
    if (helper("minus_di", {{"period", period}}, &h, &hp))
      b.outputs.push_back(output(node_id, 3, h, hp, 0));
  } else if (s.name == "bbands") {
    // Width = (upper - lower) / middle * 100 needs symmetric bands around an SMA.
    const double period = p.values.at(0), up = p.values.at(1), down = p.values.at(2);
    if (up == down && p.values.at(3) == 0 &&
        helper("bbwidth", {{"period", period}, {"multiplier", up}}, &h, &hp)) {
      b.outputs.push_back(output(node_id, 4, h, hp, 0, "width"));
    }
  } else if (s.outputs.size() == 1 && s.name != "ppo") {
    // Single-line indicators: the editor's output-2 ("Signal") is the value again.
    b.outputs.push_back(output(node_id, 2, &s, p, 0));
  }
}

void report_dropped(const Node& node, const IndicatorSpec& spec, const json& params,
                    const Mapped& m, Diagnostics& diags) {
  std::vector<std::string> dropped;
  for (auto it = params.begin(); it != params.end(); ++it) {
    const std::string& k = it.key();
    if (!is_editor_param(k) || m.used.count(k)) continue;
    if (form_only_keys().count(k) && k != "source") continue;
    if (k == "source" && (reads_source(spec) || it.value() == "close")) continue;
    dropped.push_back(k);
  }
  if (dropped.empty()) return;
  diags.info("unused_indicator_parameter", node.id, node.params_pointer,
             spec.name + " does not take " + quoted_list(dropped, " and ") + "; ignored");
}

// The pointer of the editor parameter whose value the registry rejects
// (the node's parameters object when it was a default or a combination).
std::string failing_pointer(const IndicatorSpec& spec, const Node& node, const Mapped& m) {
  for (const auto& item : m.given) {
    if (indicators::resolve_params(spec, {item}).is_ok()) continue;
    auto it = m.from.find(item.first);
    if (it != m.from.end()) return pointer_append(node.params_pointer, it->second);
  }
  return node.params_pointer;
}

}  // namespace

std::vector<std::string> indicator_names() {
  std::vector<std::string> out;
  for (const IndicatorSpec& s : indicators::builtin_registry().all()) {
    out.push_back(s.name);
    for (const auto& a : s.aliases) out.push_back(a);
  }
  return out;
}

std::string describe_indicator(const IndicatorSpec& spec, const Params& params) {
  std::string out = spec.name + "(";
  for (size_t i = 0; i < spec.params.size() && i < params.values.size(); ++i) {
    if (i > 0) out += ", ";
    out += spec.params[i].name + "=";
    out += spec.params[i].type == indicators::ParamType::kMaType
               ? std::string(indicators::ma_type_name(params.integer(i)))
               : format_double(params.values[i]);
  }
  return out + ")";
}

std::optional<IndicatorBinding> bind_indicator(const Node& node, const json& params,
                                               Diagnostics& diags) {
  const std::string ptr = pointer_append(node.params_pointer, "indicator");
  std::string name = "SMA";
  if (auto it = params.find("indicator"); it != params.end()) {
    if (!it->is_string()) {
      diags.error("invalid_parameter_type", node.id, ptr,
                  "indicator must be a string such as \"RSI\", got " + it->dump());
      return std::nullopt;
    }
    name = it->get<std::string>();
  }
  const IndicatorSpec* spec = indicators::builtin_registry().find(name);
  if (spec == nullptr) {
    diags.error("unknown_indicator", node.id, ptr,
                "unknown indicator '" + name + "' (see `nocode indicators list`)",
                did_you_mean(name, indicator_names()));
    return std::nullopt;
  }
  const Mapped m = map_params(*spec, params);
  Result<Params> resolved = indicators::resolve_params(*spec, m.given);
  if (!resolved.is_ok()) {
    diags.error("invalid_indicator_parameter", node.id, failing_pointer(*spec, node, m),
                name + ": " + resolved.status().message());
    return std::nullopt;
  }
  report_dropped(node, *spec, params, m, diags);
  IndicatorBinding b;
  b.editor_name = name;
  b.spec = spec;
  b.params = *resolved;
  std::string source = "close";
  if (auto it = params.find("source"); it != params.end() && it->is_string()) source = *it;
  for (auto k : spec->inputs) b.input_columns.push_back(column_of(k, source));
  bind_outputs(node.id, b);
  return b;
}

}  // namespace nocode::workflow
