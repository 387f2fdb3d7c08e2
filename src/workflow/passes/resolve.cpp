// Pass "resolve": node types from the catalogue, parameters checked against
// it (kind, range, choices) with the editor's defaults filled in, and each
// node's specs resolved: indicator binding, condition kind, feature
// transform, label. Afterwards every edge has both handles.
#include <cmath>
#include <cstdlib>
#include <map>

#include "common/strings.h"
#include "workflow/indicator_binding.h"
#include "workflow/json_pointer.h"
#include "workflow/passes/pass.h"
#include "workflow/passes/resolve_specs.h"
#include "workflow/suggest.h"

namespace nocode::workflow::passes {
namespace {

using nlohmann::json;

const std::map<std::string, StepKind>& kinds() {
  static const std::map<std::string, StepKind> kKinds = {
      {"dataSource", StepKind::kDataSource},
      {"customDataset", StepKind::kCustomDataset},
      {"technicalIndicator", StepKind::kIndicator},
      {"condition", StepKind::kCondition},
      {"logic", StepKind::kLogic},
      {"action", StepKind::kAction},
      {"risk", StepKind::kRisk},
      {"output", StepKind::kOutput},
      {"marketRegimeDetection", StepKind::kAnalysis},
      {"multiTimeframeAnalysis", StepKind::kAnalysis},
      {"correlationAnalysis", StepKind::kAnalysis},
      {"sentimentAnalysis", StepKind::kAnalysis},
      {"feature", StepKind::kFeature},
      {"label", StepKind::kLabel},
      {"split", StepKind::kSplit},
      {"model", StepKind::kModel},
      {"signal", StepKind::kSignal},
      {"backtest", StepKind::kBacktest},
  };
  return kKinds;
}

std::vector<std::string> type_names() {
  std::vector<std::string> out;
  for (const NodeTypeSpec& t : node_types()) {
    out.push_back(t.type);
    for (const auto& a : t.aliases) out.push_back(a);
  }
  return out;
}

std::string range_text(const NodeParamSpec& p) {
  return "[" + format_double(p.min) + ", " + (std::isinf(p.max) ? "∞" : format_double(p.max)) + "]";
}

bool check_number(const Node& node, const NodeParamSpec& p, json& v, const std::string& ptr,
                  Diagnostics& diags) {
  if (v.is_string()) {  // flat dialects write numbers as text
    const std::string& s = v.get_ref<const std::string&>();
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size()) v = d;
  }
  if (!v.is_number()) {
    diags.error("invalid_parameter_type", node.id, ptr,
                p.name + " must be " + (p.kind == ParamKind::kInteger ? "an integer" : "a number") +
                    ", got " + v.dump());
    return false;
  }
  const double d = v.get<double>();
  if (p.kind == ParamKind::kInteger && std::floor(d) != d) {
    diags.error("invalid_parameter_type", node.id, ptr,
                p.name + " must be a whole number, got " + format_double(d));
    return false;
  }
  if (p.min < p.max && (d < p.min || d > p.max)) {
    diags.error("parameter_out_of_range", node.id, ptr,
                p.name + " must be in " + range_text(p) + ", got " + format_double(d));
    return false;
  }
  return true;
}

bool check_choice(const Node& node, const NodeParamSpec& p, json& v, const std::string& ptr,
                  Diagnostics& diags) {
  if (v.is_string()) {
    for (const std::string& c : p.choices) {
      if (iequals(c, v.get<std::string>())) {
        v = c;
        return true;
      }
    }
  }
  const std::string got = v.is_string() ? v.get<std::string>() : v.dump();
  diags.error("invalid_choice", node.id, ptr,
              p.name + " must be one of " + quoted_list(p.choices) + ", got '" + got + "'",
              did_you_mean(got, p.choices));
  return false;
}

bool check_value(const Node& node, const NodeParamSpec& p, json& v, const std::string& ptr,
                 Diagnostics& diags) {
  if (v.is_null()) return true;
  switch (p.kind) {
    case ParamKind::kNumber:
    case ParamKind::kInteger:
      return check_number(node, p, v, ptr, diags);
    case ParamKind::kEnum:
      return check_choice(node, p, v, ptr, diags);
    case ParamKind::kBool:
      if (v == "true" || v == "false") v = (v == "true");
      if (v.is_boolean()) return true;
      diags.error("invalid_parameter_type", node.id, ptr, p.name + " must be true or false");
      return false;
    case ParamKind::kString:
      if (!v.is_object() && !v.is_array()) return true;
      diags.error("invalid_parameter_type", node.id, ptr, p.name + " must be text");
      return false;
    case ParamKind::kList:
      return true;  // lists, or comma-separated text
    case ParamKind::kObject:
      if (v.is_object()) return true;
      diags.error("invalid_parameter_type", node.id, ptr, p.name + " must be an object");
      return false;
  }
  return true;
}

// A tune range must lie inside the parameter's catalogue range.
void check_tune_range(State& s, NodeState& ns, const NodeParamSpec& p, const std::string& ptr) {
  auto it = ns.tuned.find(p.name);
  if (it == ns.tuned.end()) return;
  const SearchDimension& d = s.parameters.dimensions[it->second];
  if (p.kind != ParamKind::kNumber && p.kind != ParamKind::kInteger) {
    s.diags->error("invalid_tune", ns.node->id, ptr,
                   p.name + " is not numeric; only numeric parameters can be tuned");
  } else if (p.min < p.max && (d.min < p.min || d.max > p.max)) {
    s.diags->error("tune_out_of_range", ns.node->id, ptr,
                   p.name + " tune range [" + format_double(d.min) + ", " + format_double(d.max) +
                       "] (from '" + d.name + "') exceeds the parameter's range " + range_text(p),
                   "narrow the range to " + range_text(p));
  }
}

bool resolve_params(State& s, NodeState& ns) {
  bool ok = true;
  ns.params = ns.given;
  for (auto it = ns.params.begin(); it != ns.params.end(); ++it) {
    const NodeParamSpec* p = find_param(*ns.type, it.key());
    if (p == nullptr) continue;  // unknown keys pass through (editor extras)
    const std::string ptr = pointer_append(ns.node->params_pointer, it.key());
    ok = check_value(*ns.node, *p, it.value(), ptr, *s.diags) && ok;
    check_tune_range(s, ns, *p, ptr);
  }
  for (const NodeParamSpec& p : ns.type->params) {
    if (!ns.params.contains(p.name) && !p.default_value.is_null()) {
      ns.params[p.name] = p.default_value;
    }
  }
  return ok;
}

bool resolve_specs(State& s, NodeState& ns) {
  switch (ns.kind) {
    case StepKind::kIndicator:
      ns.indicator = bind_indicator(*ns.node, ns.given, *s.diags);
      return ns.indicator.has_value();
    case StepKind::kCondition:
      return resolve_condition(s, ns);
    case StepKind::kFeature:
      return resolve_transform(s, ns, "transform", transforms::Purpose::kFeature);
    case StepKind::kLabel:
      return resolve_transform(s, ns, "labelType", transforms::Purpose::kLabel);
    case StepKind::kSplit:
      return check_split(s, ns);
    default:
      return true;
  }
}

// Every usable edge's handles exist on its nodes' types.
void check_edge_handles(State& s) {
  for (const Edge& e : s.doc->edges) {
    if (!s.usable(e)) continue;
    const NodeState& src = s.at(e.source);
    const NodeState& dst = s.at(e.target);
    if (src.type == nullptr || dst.type == nullptr) continue;
    invariant(s,
              find_output_handle(*src.type, e.source_handle) != nullptr &&
                  find_input_handle(*dst.type, e.target_handle) != nullptr,
              "resolve", "edge '" + e.id + "' names a handle its node type lacks");
  }
}

}  // namespace

void resolve(State& s) {
  for (NodeState& ns : s.nodes) {
    ns.type = find_node_type(ns.node->type);
    if (ns.type == nullptr) {
      s.diags->error(
          "unsupported_node_type", ns.node->id, ns.node->pointer,
          "node type '" + ns.node->raw_type + "' is not supported (see `nocode nodes list`)",
          did_you_mean(ns.node->raw_type, type_names()));
      continue;
    }
    ns.kind = kinds().at(ns.type->type);
    const bool params_ok = resolve_params(s, ns);
    ns.resolved = params_ok && resolve_specs(s, ns);
  }
  check_edge_handles(s);
}

}  // namespace nocode::workflow::passes
