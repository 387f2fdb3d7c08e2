// Dialect mapping: legacy node types, flat parameters, legacy parameter keys.
//
// Legacy type table (EDITOR_FORMAT.md 1.6):
//   data_source, data_input, market_data_input      -> dataSource
//   indicator, technical_indicator                  -> technicalIndicator
//       (indicator from data.component "<name>_indicator" -> upper(<name>))
//   <name>_indicator (rsi_indicator, sma_indicator) -> technicalIndicator, indicator upper(<name>)
//   indicator_condition, price_condition            -> condition
//   buy_signal / sell_signal                        -> action, action buy / sell
//   signal (legacy document or signal_type/action)  -> action (signal_type renamed to action)
// `riskManagement` is a catalogue alias of `risk`, not a dialect matter.
#include "workflow/dialects.h"

#include <array>
#include <utility>

#include "common/strings.h"
#include "workflow/json_pointer.h"

namespace nocode::workflow::dialects {
namespace {

constexpr std::string_view kIndicatorSuffix = "_indicator";

struct LegacyType {
  std::string_view raw;
  std::string_view type;
  std::string_view action;  // implied action for buy_/sell_signal
};

constexpr std::array<LegacyType, 11> kLegacyTypes = {{
    {"data_source", "dataSource", ""},
    {"data_input", "dataSource", ""},
    {"market_data_input", "dataSource", ""},
    {"indicator", "technicalIndicator", ""},
    {"technical_indicator", "technicalIndicator", ""},
    {"indicator_condition", "condition", ""},
    {"price_condition", "condition", ""},
    {"buy_signal", "action", "buy"},
    {"sell_signal", "action", "sell"},
    {"rsi_indicator", "technicalIndicator", ""},
    {"sma_indicator", "technicalIndicator", ""},
}};

// "sma_indicator" -> "SMA"; "" if `s` is not "<name>_indicator".
std::string indicator_from_component(std::string_view s) {
  if (s.size() <= kIndicatorSuffix.size()) return "";
  if (s.substr(s.size() - kIndicatorSuffix.size()) != kIndicatorSuffix) return "";
  std::string_view name = s.substr(0, s.size() - kIndicatorSuffix.size());
  if (name == "technical") return "";
  return to_upper(name);
}

bool has_key(const nlohmann::json& j, const char* key) { return j.is_object() && j.contains(key); }

// Moves params[from] to params[to]; false if `to` was already present.
bool rename_key(nlohmann::json& params, const std::string& from, const std::string& to) {
  if (!params.contains(from)) return true;
  if (params.contains(to)) return false;
  params[to] = std::move(params[from]);
  params.erase(from);
  return true;
}

void rename_or_warn(Node& node, const std::string& from, const std::string& to,
                    Diagnostics& diags) {
  if (rename_key(node.params, from, to)) return;
  diags.warning("legacy_param_shadowed", node.id, pointer_append(node.params_pointer, from),
                "legacy parameter '" + from + "' is ignored because '" + to + "' is also given");
}

bool is_condition_type(const NodeTypeSpec& spec, const std::string& value) {
  const NodeParamSpec* p = find_param(spec, "conditionType");
  if (p == nullptr) return false;
  for (const std::string& c : p->choices) {
    if (c == value) return true;
  }
  return false;
}

}  // namespace

bool is_legacy_type(std::string_view raw_type) {
  for (const LegacyType& t : kLegacyTypes) {
    if (t.raw == raw_type) return true;
  }
  return !indicator_from_component(raw_type).empty();
}

MappedType map_type(std::string_view raw_type, const nlohmann::json& data,
                    const nlohmann::json& params, bool legacy_document) {
  MappedType out;
  out.type = std::string(raw_type);
  if (raw_type == "signal") {
    bool legacy_keys = has_key(params, "signal_type") || has_key(params, "action_type") ||
                       has_key(params, "action");
    if (legacy_document || legacy_keys) out.type = "action";
    return out;
  }
  for (const LegacyType& t : kLegacyTypes) {
    if (t.raw != raw_type) continue;
    out.type = std::string(t.type);
    if (!t.action.empty()) out.implied["action"] = std::string(t.action);
  }
  if (out.type == std::string(raw_type) && is_legacy_type(raw_type)) {
    out.type = "technicalIndicator";  // <name>_indicator
  }
  if (out.type == "technicalIndicator" && raw_type != "technicalIndicator") {
    std::string name = indicator_from_component(raw_type);
    if (name.empty() && has_key(data, "component") && data["component"].is_string()) {
      name = indicator_from_component(data["component"].get<std::string>());
    }
    if (!name.empty()) out.implied["indicator"] = name;
  }
  return out;
}

nlohmann::json flat_params(const nlohmann::json& data) {
  static const std::array<std::string_view, 7> kNotParams = {
      "label", "component", "parameters", "isModified", "lastModified", "category", "description"};
  nlohmann::json out = nlohmann::json::object();
  if (!data.is_object()) return out;
  for (auto it = data.begin(); it != data.end(); ++it) {
    bool skip = false;
    for (std::string_view k : kNotParams) skip = skip || it.key() == k;
    if (!skip) out[it.key()] = it.value();
  }
  return out;
}

void rename_legacy_params(const NodeTypeSpec& spec, Node& node, Diagnostics& diags) {
  if (!node.params.is_object()) return;
  for (const NodeParamSpec& p : spec.params) {
    for (const std::string& alias : p.aliases) rename_or_warn(node, alias, p.name, diags);
  }
  if (spec.type == "condition" && !node.params.contains("condition") &&
      node.params.contains("condition_type") && node.params["condition_type"].is_string() &&
      !is_condition_type(spec, node.params["condition_type"].get<std::string>())) {
    rename_key(node.params, "condition_type", "condition");
  }
  if (spec.type == "logic" && node.params.contains("inputs") && node.params["inputs"].is_array()) {
    size_t n = node.params["inputs"].size();
    diags.info("legacy_param_mapped", node.id, pointer_append(node.params_pointer, "inputs"),
               "'inputs' is a list of " + std::to_string(n) + " node ids; using its length");
    node.params["inputs"] = n;
  }
}

}  // namespace nocode::workflow::dialects
