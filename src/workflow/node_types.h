// The node-type catalogue: every node type a workflow may contain, its
// handles and their data types, and its parameters with the editor's form
// defaults. Filled once in node_types.cpp (an explicit table) and immutable
// afterwards; safe to read from any thread.
//
// Adding a node type is one entry here plus its evaluation in the engine;
// validation, `nocode nodes list`, the API catalogue and docs read from it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace nocode::workflow {

// Data travelling on an edge. kSplit (added for the ML `split` node) is the
// train/validation/test assignment of the bars.
enum class DataType { kOhlcv, kNumeric, kSignal, kExecution, kRisk, kModel, kLabel, kAny, kSplit };
// "ohlcv", "numeric", "signal", "execution", "risk", "model", "label", "any", "split"
const char* data_type_name(DataType t);

struct HandleSpec {
  std::string id;  // "data-input", "output-1", "input-{k}" for logic (k = 0..inputs-1)
  DataType type = DataType::kAny;
  bool required = false;  // an input that must be connected
  bool multiple = false;  // accepts several edges
  std::string description;
};

enum class ParamKind { kNumber, kInteger, kString, kEnum, kBool, kList, kObject };
// "number", "integer", "string", "enum", "bool", "list", "object"
const char* param_kind_name(ParamKind k);

struct NodeParamSpec {
  std::string name;                  // editor name, e.g. "confirmationBars"
  std::vector<std::string> aliases;  // other spellings seen in the wild, e.g. "threshold" for value
  ParamKind kind = ParamKind::kNumber;
  nlohmann::json default_value;      // the editor form's default (null = none)
  double min = 0, max = 0;           // numeric range when min < max (max may be +infinity)
  std::vector<std::string> choices;  // kEnum: the allowed values; kString: the editor's
                                     // suggestions (other values are accepted, e.g. any
                                     // indicator the registry knows)
  std::string description;
};

struct NodeTypeSpec {
  std::string type;                  // canonical key, e.g. "technicalIndicator"
  std::vector<std::string> aliases;  // e.g. "riskManagement" for "risk"
  std::string category;              // data, indicator, condition, logic, action, risk, output,
                                     // analysis, ml
  std::string title;
  std::vector<HandleSpec> inputs;
  std::vector<HandleSpec> outputs;
  std::vector<NodeParamSpec> params;
  std::string description;
};

const std::vector<NodeTypeSpec>& node_types();
// Case-sensitive on the canonical key, then aliases; nullptr if unknown.
const NodeTypeSpec* find_node_type(std::string_view type);

// Handle lookup on one type. Logic inputs match "input-<k>" for k in 0..7
// (the count check against the `inputs` parameter is the compiler's); the
// returned spec is the "input-{k}" template. nullptr if the type has no such
// handle.
const HandleSpec* find_input_handle(const NodeTypeSpec& spec, std::string_view id);
const HandleSpec* find_output_handle(const NodeTypeSpec& spec, std::string_view id);
// Concrete handle ids of a type, for messages ("input-{k}" listed as
// input-0 .. input-7).
std::vector<std::string> input_handle_ids(const NodeTypeSpec& spec);
std::vector<std::string> output_handle_ids(const NodeTypeSpec& spec);

// The parameter of `spec` named `name` (canonical name only), nullptr if none.
const NodeParamSpec* find_param(const NodeTypeSpec& spec, std::string_view name);

// The whole catalogue as JSON (for `nocode nodes list --json` and the API):
// [{type, aliases, category, title, description, inputs:[{id, type, required,
// multiple, description}], outputs:[...], params:[{name, aliases, kind,
// default, min?, max?, choices?, description}]}]. Infinite bounds are omitted.
nlohmann::json node_catalogue_json();

}  // namespace nocode::workflow
