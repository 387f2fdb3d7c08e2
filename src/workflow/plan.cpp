// The plan's names, hash, JSON and text views.
#include "workflow/plan.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "common/strings.h"
#include "workflow/indicator_binding.h"
#include "workflow/json_get.h"

namespace nocode::workflow {

using nlohmann::json;

const char* step_kind_name(StepKind k) {
  switch (k) {
    case StepKind::kDataSource:
      return "data_source";
    case StepKind::kCustomDataset:
      return "custom_dataset";
    case StepKind::kIndicator:
      return "indicator";
    case StepKind::kCondition:
      return "condition";
    case StepKind::kLogic:
      return "logic";
    case StepKind::kAction:
      return "action";
    case StepKind::kRisk:
      return "risk";
    case StepKind::kOutput:
      return "output";
    case StepKind::kAnalysis:
      return "analysis";
    case StepKind::kFeature:
      return "feature";
    case StepKind::kLabel:
      return "label";
    case StepKind::kSplit:
      return "split";
    case StepKind::kModel:
      return "model";
    case StepKind::kSignal:
      return "signal";
    case StepKind::kBacktest:
      return "backtest";
  }
  return "output";
}

bool is_sink(StepKind k) {
  return k == StepKind::kAction || k == StepKind::kOutput || k == StepKind::kModel ||
         k == StepKind::kBacktest;
}

uint64_t fnv1a64(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

namespace {

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string value_text(const json& v) {
  if (v.is_number()) return format_double(v.get<double>());
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

// "name(k=v, ...)" from selected node parameters.
std::string call(const std::string& name, const json& params, std::vector<const char*> keys) {
  std::string out = name + "(";
  bool first = true;
  for (const char* k : keys) {
    auto it = params.find(k);
    if (it == params.end() || it->is_null()) continue;
    out += (first ? "" : ", ") + std::string(k) + "=" + value_text(*it);
    first = false;
  }
  return out + ")";
}

std::string transform_text(const Step& st) {
  std::string out = st.transform->name + "(";
  for (size_t i = 0; i < st.transform->params.size(); ++i) {
    const auto& p = st.transform->params[i];
    out += (i ? ", " : "") + p.name + "=";
    out += p.type == transforms::ParamType::kChoice ? p.choices[st.transform_params.choice(i)]
                                                    : format_double(st.transform_params.values[i]);
  }
  return out + ")";
}

std::string condition_text(const Step& st) {
  std::string out = st.condition->name + "(";
  bool first = true;
  for (const std::string& k : st.condition->params) {
    auto it = st.params.find(k);
    if (it == st.params.end()) continue;
    out += (first ? "" : ", ") + k + "=" + value_text(*it);
    first = false;
  }
  return out + ")";
}

std::string describe(const Step& st) {
  const json& p = st.params;
  switch (st.kind) {
    case StepKind::kDataSource:
      return call(text_at(p, "symbol", "?"), p, {"timeframe", "bars"});
    case StepKind::kCustomDataset:
      return call("csv", p, {"fileName"});
    case StepKind::kIndicator:
      return describe_indicator(*st.indicator->spec, st.indicator->params);
    case StepKind::kCondition:
      return condition_text(st);
    case StepKind::kLogic:
      return call(text_at(p, "operation", "AND"), p, {"inputs"});
    case StepKind::kAction:
      return call(text_at(p, "action", "buy"), p,
                  {"quantity", "positionSizing", "order_type", "stop_loss", "take_profit"});
    case StepKind::kRisk:
      return call(text_at(p, "riskType", "risk"), p, {"maxLoss"});
    case StepKind::kFeature:
    case StepKind::kLabel:
      return transform_text(st);
    case StepKind::kSplit:
      return call(text_at(p, "method", "ratio"), p,
                  {"trainRatio", "validationRatio", "testRatio", "trainEnd", "folds", "gap"});
    case StepKind::kModel:
      return call(text_at(p, "algorithm", "xgboost"), p, {"nanPolicy"});
    case StepKind::kSignal:
      return call("threshold", p, {"longThreshold", "shortThreshold", "mode"});
    case StepKind::kBacktest:
      return call("backtest", p, {"cash", "commission"});
    default:
      return st.type;
  }
}

// What the step reads, as columns.
std::vector<std::string> input_columns(const Step& st) {
  std::vector<std::string> out;
  for (const InputBinding& b : st.inputs) {
    if (st.indicator && b.type == DataType::kOhlcv) {
      for (const std::string& c : st.indicator->input_columns) out.push_back(b.column + "." + c);
    } else {
      out.push_back(b.column);
    }
  }
  return out;
}

std::vector<std::string> output_columns(const Step& st) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const OutputColumn& o : st.outputs) {
    if (seen.insert(o.column).second) out.push_back(o.column);
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

std::string pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string dimension_text(const SearchDimension& d) {
  return d.name + "  " + (d.integer ? "int" : "float") + " [" + format_double(d.min) + ", " +
         format_double(d.max) + "] " + d.scale + "  = " + format_double(d.value) +
         (d.used_by.empty() ? "  (unused)" : "  (used by " + joined(d.used_by) + ")");
}

json indicator_json(const IndicatorBinding& b) {
  json outs = json::array();
  for (const IndicatorOutput& o : b.outputs) {
    outs.push_back({{"handle", o.handle},
                    {"indicator", o.spec->name},
                    {"params", o.params.values},
                    {"output", o.spec->outputs[o.output_index]},
                    {"column", o.column}});
  }
  return {{"editor_name", b.editor_name},     {"name", b.spec->name},
          {"params", b.params.values},        {"describe", describe_indicator(*b.spec, b.params)},
          {"input_columns", b.input_columns}, {"outputs", outs}};
}

json step_json(size_t index, const Step& st) {
  json j = {{"index", index},           {"node_id", st.node_id},
            {"type", st.type},          {"kind", step_kind_name(st.kind)},
            {"label", st.label},        {"params", st.params},
            {"describe", describe(st)}, {"merged_nodes", st.merged_nodes},
            {"hash", hex64(st.hash)}};
  if (st.indicator) j["indicator"] = indicator_json(*st.indicator);
  if (st.condition) j["condition"] = st.condition->name;
  if (st.transform) {
    j["transform"] = {{"name", st.transform->name}, {"params", st.transform_params.values}};
  }
  json in = json::array(), out = json::array();
  for (const InputBinding& b : st.inputs) {
    in.push_back({{"handle", b.handle},
                  {"step", b.step},
                  {"output", b.output},
                  {"column", b.column},
                  {"type", data_type_name(b.type)},
                  {"edge", b.edge_id}});
  }
  for (const OutputColumn& o : st.outputs) {
    out.push_back({{"handle", o.handle}, {"column", o.column}, {"type", data_type_name(o.type)}});
  }
  j["inputs"] = in;
  j["outputs"] = out;
  return j;
}

}  // namespace

json search_space_to_json(const std::vector<SearchDimension>& space) {
  json out = json::array();
  for (const SearchDimension& d : space) {
    out.push_back({{"name", d.name},
                   {"min", d.min},
                   {"max", d.max},
                   {"scale", d.scale},
                   {"type", d.integer ? "int" : "float"},
                   {"value", d.value},
                   {"pointer", d.pointer},
                   {"used_by", d.used_by}});
  }
  return out;
}

json plan_to_json(const Plan& plan) {
  json steps = json::array();
  for (size_t i = 0; i < plan.steps.size(); ++i) steps.push_back(step_json(i, plan.steps[i]));
  json diags = json::array();
  for (const Diagnostic& d : plan.diagnostics.all()) diags.push_back(to_json(d));
  return {{"name", plan.name},
          {"ok", plan.ok()},
          {"steps", steps},
          {"search_space", search_space_to_json(plan.search_space)},
          {"parameters", plan.parameters},
          {"diagnostics", diags}};
}

std::string plan_to_text(const Plan& plan, bool explain) {
  size_t id_width = 0, type_width = 0;
  for (const Step& st : plan.steps) {
    id_width = std::max(id_width, st.node_id.size());
    type_width = std::max(type_width, st.type.size());
  }
  std::string out;
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& st = plan.steps[i];
    std::string line = pad(std::to_string(i), 3) + pad(st.node_id, id_width + 2) +
                       pad(st.type, type_width + 1) + describe(st);
    const std::vector<std::string> in = input_columns(st), outs = output_columns(st);
    if (!in.empty()) line += " ← " + joined(in);
    if (!outs.empty()) line += "  → " + joined(outs);
    if (explain && !st.merged_nodes.empty())
      line += "  (shared with " + joined(st.merged_nodes) + ")";
    out += line + "\n";
  }
  if (!plan.search_space.empty()) {
    out += "search space:\n";
    for (const SearchDimension& d : plan.search_space) out += "  " + dimension_text(d) + "\n";
  }
  if (explain) {
    for (const Diagnostic& d : plan.diagnostics.all()) out += to_string(d) + "\n";
  }
  return out;
}

}  // namespace nocode::workflow
