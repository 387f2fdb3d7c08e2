// Workflow-level parameters: the document's `parameters` map that node
// parameters reference as "$name", `--set NAME=VALUE` overrides, and tuning
// ranges ({"tune": {"min": 2, "max": 50, "scale": "log"}}) that become the
// plan's search space. Pure functions over values; thread-safe.
//
// A parameters-map entry is a plain value (number, string, bool), or an
// object {"value": v, "tune": {...}}, or {"tune": {...}} alone (then the value
// is the range's midpoint: arithmetic for "linear", geometric for "log",
// rounded for integer ranges). A node parameter may also hold such an object
// directly; its dimension is then named "<node>.<param>".
//
// tune keys: min, max (numbers, min < max), scale ("linear" | "log"; log
// needs min > 0), type ("int" | "float"; default int when min and max are
// whole numbers).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "workflow/diagnostic.h"
#include "workflow/document.h"
#include "workflow/plan.h"

namespace nocode::workflow {

struct ParameterSet {
  nlohmann::json values = nlohmann::json::object();  // name -> value used by this compile
  std::map<std::string, std::string> pointers;       // name -> JSON pointer of its declaration
  std::map<std::string, size_t> dimension_of;        // name -> index into dimensions
  std::vector<SearchDimension> dimensions;
};

// Reads the map (declared at `pointer`) and applies `overrides` ("NAME=VALUE";
// VALUE is read as JSON when it parses, else as a string). Problems are
// errors in `diags`: a malformed entry or tune range, an override of an
// unknown name (listing the known ones) or without '='.
ParameterSet read_parameters(const nlohmann::json& map, const std::string& pointer,
                             const std::vector<std::string>& overrides, Diagnostics& diags);

// Parses one tune object found at `pointer`; nullopt (with errors) if invalid.
std::optional<SearchDimension> read_tune(const nlohmann::json& tune, const std::string& name,
                                         const std::string& pointer, const std::string& node_id,
                                         Diagnostics& diags);

// True for "$name" references (name: letters, digits, '_', '-', '.').
bool is_reference(const nlohmann::json& value);

// What substitution produced for one node.
struct Substituted {
  nlohmann::json params = nlohmann::json::object();
  std::map<std::string, size_t> tuned;  // param name -> index into set.dimensions
};

// Replaces "$name" references and inline tune objects in `node`'s
// parameters. An unknown reference is an error naming the node, the
// parameter's pointer and the known parameters. Inline tune ranges are added
// to `set.dimensions`; every use is recorded in the dimension's used_by.
Substituted substitute_parameters(const Node& node, ParameterSet& set, Diagnostics& diags);

}  // namespace nocode::workflow
