// The workflow document: the Alphintra editor's JSON (and the older dialects
// found in its repository) parsed and normalised into one internal shape.
//
// Accepted unchanged (see ../shared/editor/EDITOR_FORMAT.md):
//  - a bare {nodes, edges} graph, or an envelope around it: editor save
//    {name, description, workflow_data, ...}, export {.., parameters, ..},
//    front-end template {id, name, ..., nodes, edges}, AI-ML
//    {workflow_definition: {nodes, edges}};
//  - raw React Flow objects (runtime and styling fields ignored), stripped
//    objects, hand-written ones without ids/positions/labels;
//  - parameters in node.data.parameters (editor) or flat in node.data
//    (legacy/flat dialects), legacy node types and parameter names mapped to
//    the editor's;
//  - edge handles at the top level, in edge.data, in edge.data.rule, or absent
//    (inferred where unambiguous, otherwise an error naming the edge); legacy
//    named handles mapped to the editor's; edge.data.sourceNode/targetNode are
//    never read.
// Normalisation does not apply parameter defaults or validate semantics; the
// compiler's resolve pass does (it needs the node-type catalogue).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "workflow/diagnostic.h"

namespace nocode::workflow {

struct Node {
  std::string id;        // unique; generated as "node-<index>" when missing
  std::string type;      // canonical editor type key, e.g. "technicalIndicator", "risk"
  std::string raw_type;  // the type as written, e.g. "riskManagement", "rsi_indicator"
  std::string label;     // data.label or ""
  nlohmann::json params =
      nlohmann::json::object();  // editor parameter names, as given (no defaults)
  std::string
      pointer;  // JSON pointer of the node object in the source, e.g. "/workflow_data/nodes/3"
  std::string params_pointer;  // pointer of the object params came from, e.g. ".../data/parameters"
};

struct Edge {
  std::string id;              // generated as "edge-<index>" when missing
  std::string source, target;  // node ids
  std::string source_handle;   // canonical handle id, e.g. "output-2", "signal-output"; "" = infer
  std::string target_handle;   // canonical handle id, e.g. "value-input", "input-1"; "" = infer
  std::string raw_source_handle, raw_target_handle;  // as written (for messages)
  std::string pointer;                               // JSON pointer of the edge object
  // Where each handle was read (".../sourceHandle", ".../data/sourceHandle",
  // ".../data/rule/sourceHandle"); the edge's pointer when it was inferred.
  std::string source_handle_pointer, target_handle_pointer;
};

struct Document {
  std::string name, description;
  std::string dialect;  // "editor", "template", "legacy", "flat"
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  // Workflow-level parameters that node parameters reference as "$name";
  // values are numbers, strings, or {"value": v, "tune": {...}} objects.
  nlohmann::json parameters = nlohmann::json::object();
  nlohmann::json config = nlohmann::json::object();  // top-level "config" if any
  std::string graph_pointer;  // pointer of the {nodes, edges} object, e.g. "/workflow_data"

  const Node* find_node(std::string_view id) const;
};

// Diagnostic codes: invalid_json, not_an_object, no_nodes, node_not_object,
// invalid_node_id, duplicate_node_id, missing_node_type, unknown_node_type
// (warning), invalid_node_data, invalid_parameters, legacy_param_shadowed
// (warning), legacy_param_mapped (info), legacy_node_type (info), io_error,
// edge_not_object, edges_not_array,
// missing_edge_endpoint, unknown_edge_endpoint, duplicate_edge_id (warning),
// invalid_handle (warning), unknown_handle, no_output_handle,
// no_input_handle, ambiguous_handle.
//
// Parses and normalises. Structural problems (not JSON, no nodes array, a node
// that is not an object, duplicate node ids, an edge to an unknown node) are
// errors in `diags`; the result is empty only if the text is not usable at all.
Result<Document> parse_document(std::string_view json_text, Diagnostics& diags);
Result<Document> parse_document(const nlohmann::json& json, Diagnostics& diags);
// Text overloads (a std::string or literal would otherwise be ambiguous
// between string_view and json).
Result<Document> parse_document(const std::string& json_text, Diagnostics& diags);
Result<Document> parse_document(const char* json_text, Diagnostics& diags);
Result<Document> load_document(const std::string& path, Diagnostics& diags);

}  // namespace nocode::workflow
