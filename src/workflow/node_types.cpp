// The node-type catalogue: built once from the tables in
// node_catalogue_{editor,condition,ml}.cpp; lookups and the JSON view.
#include "workflow/node_types.h"

#include <cmath>
#include <string>

#include "workflow/node_catalogue_build.h"

namespace nocode::workflow {

const char* data_type_name(DataType t) {
  switch (t) {
    case DataType::kOhlcv:
      return "ohlcv";
    case DataType::kNumeric:
      return "numeric";
    case DataType::kSignal:
      return "signal";
    case DataType::kExecution:
      return "execution";
    case DataType::kRisk:
      return "risk";
    case DataType::kModel:
      return "model";
    case DataType::kLabel:
      return "label";
    case DataType::kAny:
      return "any";
    case DataType::kSplit:
      return "split";
  }
  return "any";
}

const char* param_kind_name(ParamKind k) {
  switch (k) {
    case ParamKind::kNumber:
      return "number";
    case ParamKind::kInteger:
      return "integer";
    case ParamKind::kString:
      return "string";
    case ParamKind::kEnum:
      return "enum";
    case ParamKind::kBool:
      return "bool";
    case ParamKind::kList:
      return "list";
    case ParamKind::kObject:
      return "object";
  }
  return "string";
}

const std::vector<NodeTypeSpec>& node_types() {
  static const std::vector<NodeTypeSpec> kTypes = [] {
    std::vector<NodeTypeSpec> out;
    catalogue::add_editor_node_types(out);
    catalogue::add_analysis_node_types(out);
    catalogue::add_ml_node_types(out);
    return out;
  }();
  return kTypes;
}

const NodeTypeSpec* find_node_type(std::string_view type) {
  for (const NodeTypeSpec& s : node_types()) {
    if (s.type == type) return &s;
  }
  for (const NodeTypeSpec& s : node_types()) {
    for (const std::string& alias : s.aliases) {
      if (alias == type) return &s;
    }
  }
  return nullptr;
}

namespace {

constexpr int kMaxLogicInputs = 8;
constexpr std::string_view kLogicTemplate = "input-{k}";

// k of "input-<k>" (digits only, no leading zeros), or -1.
int logic_input_index(std::string_view id) {
  constexpr std::string_view kPrefix = "input-";
  if (id.size() <= kPrefix.size() || id.substr(0, kPrefix.size()) != kPrefix) return -1;
  std::string_view digits = id.substr(kPrefix.size());
  if (digits.size() > 1 && digits[0] == '0') return -1;
  int k = 0;
  for (char c : digits) {
    if (c < '0' || c > '9' || k > kMaxLogicInputs) return -1;
    k = k * 10 + (c - '0');
  }
  return k;
}

const HandleSpec* find_in(const std::vector<HandleSpec>& handles, std::string_view id) {
  for (const HandleSpec& h : handles) {
    if (h.id == id) return &h;
    if (h.id == kLogicTemplate) {
      int k = logic_input_index(id);
      if (k >= 0 && k < kMaxLogicInputs) return &h;
    }
  }
  return nullptr;
}

std::vector<std::string> ids_of(const std::vector<HandleSpec>& handles) {
  std::vector<std::string> out;
  for (const HandleSpec& h : handles) {
    if (h.id == kLogicTemplate) {
      for (int k = 0; k < kMaxLogicInputs; ++k) out.push_back("input-" + std::to_string(k));
    } else {
      out.push_back(h.id);
    }
  }
  return out;
}

nlohmann::json handle_json(const HandleSpec& h) {
  return {{"id", h.id},
          {"type", data_type_name(h.type)},
          {"required", h.required},
          {"multiple", h.multiple},
          {"description", h.description}};
}

nlohmann::json param_json(const NodeParamSpec& p) {
  nlohmann::json j = {{"name", p.name},
                      {"aliases", p.aliases},
                      {"kind", param_kind_name(p.kind)},
                      {"default", p.default_value},
                      {"description", p.description}};
  if (p.min < p.max) {
    if (std::isfinite(p.min)) j["min"] = p.min;
    if (std::isfinite(p.max)) j["max"] = p.max;
  }
  if (!p.choices.empty()) j[p.kind == ParamKind::kEnum ? "choices" : "suggestions"] = p.choices;
  return j;
}

}  // namespace

const HandleSpec* find_input_handle(const NodeTypeSpec& spec, std::string_view id) {
  return find_in(spec.inputs, id);
}

const HandleSpec* find_output_handle(const NodeTypeSpec& spec, std::string_view id) {
  return find_in(spec.outputs, id);
}

std::vector<std::string> input_handle_ids(const NodeTypeSpec& spec) { return ids_of(spec.inputs); }

std::vector<std::string> output_handle_ids(const NodeTypeSpec& spec) {
  return ids_of(spec.outputs);
}

const NodeParamSpec* find_param(const NodeTypeSpec& spec, std::string_view name) {
  for (const NodeParamSpec& p : spec.params) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

nlohmann::json node_catalogue_json() {
  nlohmann::json out = nlohmann::json::array();
  for (const NodeTypeSpec& s : node_types()) {
    nlohmann::json inputs = nlohmann::json::array(), outputs = nlohmann::json::array(),
                   params = nlohmann::json::array();
    for (const HandleSpec& h : s.inputs) inputs.push_back(handle_json(h));
    for (const HandleSpec& h : s.outputs) outputs.push_back(handle_json(h));
    for (const NodeParamSpec& p : s.params) params.push_back(param_json(p));
    out.push_back({{"type", s.type},
                   {"aliases", s.aliases},
                   {"category", s.category},
                   {"title", s.title},
                   {"description", s.description},
                   {"inputs", inputs},
                   {"outputs", outputs},
                   {"params", params}});
  }
  return out;
}

}  // namespace nocode::workflow
