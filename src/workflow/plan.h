// The compiled workflow: what the engine runs. Steps in topological order,
// each with everything resolved (indicator / condition / transform specs and
// their parameters, input bindings to earlier steps' columns, output column
// names, a content hash for caching), plus the tuning search space and the
// compiler's diagnostics. The engine never re-derives anything from the
// document.
//
// A Plan is an immutable value once compile() returns it; spec pointers point
// into the immutable built-in registries, so a Plan may be read from many
// threads and outlives nothing it needs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/conditions/condition.h"
#include "indicators/indicator.h"
#include "transforms/transform.h"
#include "workflow/diagnostic.h"
#include "workflow/node_types.h"

namespace nocode::workflow {

enum class StepKind {
  kDataSource,     // dataSource: OHLCV bars of a symbol
  kCustomDataset,  // customDataset: OHLCV bars from a CSV file
  kIndicator,      // technicalIndicator
  kCondition,      // condition
  kLogic,          // logic gate
  kAction,         // action (sink)
  kRisk,           // risk / riskManagement
  kOutput,         // output (sink)
  kAnalysis,       // marketRegimeDetection, multiTimeframeAnalysis, correlationAnalysis, sentiment
  kFeature,        // ML feature transform
  kLabel,          // ML label (reads the future)
  kSplit,          // ML train/validation/test split
  kModel,          // ML model (sink: fits)
  kSignal,         // ML score -> signal
  kBacktest,       // backtest (sink)
};
// "data_source", "indicator", ...
const char* step_kind_name(StepKind k);
// Sinks keep the graph alive: action, output, model, backtest.
bool is_sink(StepKind k);

// Where one input of a step comes from.
struct InputBinding {
  std::string handle;  // target handle of this step, e.g. "data-input", "input-1"
  size_t step = 0;     // index into Plan::steps of the producing step (always < this step's)
  std::string output;  // producer's output handle, e.g. "output-3", "data-output"
  std::string column;  // producer's column, e.g. "bb-1.lower"; "data-1" for OHLCV bars
  DataType type = DataType::kAny;  // type of the producer's output
  std::string edge_id;             // the document edge (for messages)
};

// One output handle of a step and the column it names.
struct OutputColumn {
  std::string handle;  // "output-1", "signal-output", "data-output"
  std::string column;  // "<node>.<name>", e.g. "rsi-14.rsi"; "<node>" for OHLCV bars
  DataType type = DataType::kAny;
};

// One editor output-N of a technicalIndicator: which indicator output fills it.
// `spec`/`params` differ from the node's main indicator for outputs computed
// by a helper indicator (ADX output-2 = plus_di, BB output-4 = bbwidth).
struct IndicatorOutput {
  std::string handle;  // "output-1" .. "output-5"
  const indicators::IndicatorSpec* spec = nullptr;
  indicators::Params params;
  size_t output_index = 0;  // index into spec->outputs
  std::string column;       // column name in the plan, e.g. "bb-1.width"
};

// technicalIndicator resolved against the indicator registry.
struct IndicatorBinding {
  std::string editor_name;  // as written, e.g. "BB"
  const indicators::IndicatorSpec* spec = nullptr;
  indicators::Params params;
  // One per spec->inputs: the OHLCV column to read ("close", "high", "hl2",
  // ...) when data-input carries bars, "" = the numeric series on data-input.
  std::vector<std::string> input_columns;
  std::vector<IndicatorOutput> outputs;  // output-1 .. output-5 that exist
};

struct Step {
  std::string node_id;
  std::string type;  // canonical node type, e.g. "technicalIndicator"
  StepKind kind = StepKind::kOutput;
  std::string label;
  // Node parameters after workflow-parameter substitution, --set overrides and
  // catalogue defaults (editor names).
  nlohmann::json params = nlohmann::json::object();
  std::string pointer;  // JSON pointer of the node in the document

  std::optional<IndicatorBinding> indicator;             // kIndicator
  const engine::ConditionSpec* condition = nullptr;      // kCondition
  engine::ConditionParams condition_params;              // kCondition
  const transforms::TransformSpec* transform = nullptr;  // kFeature, kLabel
  transforms::Params transform_params;                   // kFeature, kLabel

  std::vector<InputBinding> inputs;  // by handle (catalogue order), then edge order
  std::vector<OutputColumn> outputs;
  std::vector<std::string>
      merged_nodes;            // other nodes this step computes (shared by the optimizer)
  uint64_t hash = 0;           // FNV-1a 64 of canonical_text
  std::string canonical_text;  // kind + resolved params + input hashes (no node id)
};

// One tunable parameter: a numeric range for the tuner.
struct SearchDimension {
  std::string name;  // workflow parameter name, or "<node>.<param>" for a node-level range
  double min = 0, max = 0;
  std::string scale = "linear";  // "linear" or "log"
  bool integer = false;
  double value = 0;                  // the value this compile used
  std::string pointer;               // where the range is declared
  std::vector<std::string> used_by;  // "<node>.<param>" of every use
};

struct Plan {
  std::string name;
  std::vector<Step> steps;                     // topological order
  std::map<std::string, size_t> step_of_node;  // every surviving node id (and merged ids) -> step
  std::vector<SearchDimension> search_space;
  nlohmann::json parameters = nlohmann::json::object();  // resolved workflow parameter values
  Diagnostics diagnostics;                               // everything the passes reported
  bool ok() const { return !diagnostics.has_errors(); }
};

// The plan as JSON: {name, steps:[{index, node_id, type, kind, params,
// indicator?, condition?, transform?, inputs:[...], outputs:[...], merged_nodes,
// hash:"<16 hex>"}], search_space:[...], parameters, diagnostics:[...]}.
nlohmann::json plan_to_json(const Plan& plan);
nlohmann::json search_space_to_json(const std::vector<SearchDimension>& space);

// One line a step:
// "3  rsi-14      technicalIndicator rsi(period=14) <- data-1.close  -> rsi-14.rsi"
// (with the arrows as Unicode), then the search space and, with `explain`,
// shared/dropped nodes and the info diagnostics.
std::string plan_to_text(const Plan& plan, bool explain);

// 64-bit FNV-1a of `text` (stable across runs and platforms).
uint64_t fnv1a64(std::string_view text);

}  // namespace nocode::workflow
