// Internal to src/workflow: mapping the repository's older dialects (legacy
// seed types, flat AI-ML parameters, legacy parameter names) onto the
// editor's node types and parameter names (EDITOR_FORMAT.md 1.6, 2.3-2.9).
// Pure functions over JSON values; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "workflow/diagnostic.h"
#include "workflow/document.h"
#include "workflow/node_types.h"

namespace nocode::workflow::dialects {

// True for the legacy seed dialect's node types (data_source, rsi_indicator,
// buy_signal, ...); `signal` is not among them (it is also the ML node).
bool is_legacy_type(std::string_view raw_type);

// The canonical type of a node as written, plus the parameters the legacy
// type implies (e.g. rsi_indicator -> indicator "RSI"; sell_signal -> action
// "sell"). `signal` is the legacy action when the document is legacy or the
// node's parameters carry signal_type / action_type / action; otherwise the
// ML signal node. Unknown types come back unchanged.
struct MappedType {
  std::string type;
  nlohmann::json implied = nlohmann::json::object();
};
MappedType map_type(std::string_view raw_type, const nlohmann::json& data,
                    const nlohmann::json& params, bool legacy_document);

// Node data without a `parameters` key holds its parameters flat (legacy and
// AI-ML dialects): everything but the display / bookkeeping keys.
nlohmann::json flat_params(const nlohmann::json& data);

// Renames legacy parameter keys of `node` (already given its canonical type)
// to the editor's names: every alias declared in the catalogue (operator ->
// condition, threshold -> value, fast_period -> fastPeriod, takeProfit ->
// take_profit, lookback_periods -> bars, ...), plus condition_type ->
// condition when the node has no condition, and a logic `inputs` list of node
// ids -> its length. Values are kept as written. When both spellings are
// present the editor's wins (warning legacy_param_shadowed).
void rename_legacy_params(const NodeTypeSpec& spec, Node& node, Diagnostics& diags);

}  // namespace nocode::workflow::dialects
