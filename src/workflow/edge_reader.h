// Internal to src/workflow: reading the edges of a graph object into a
// Document whose nodes are already read. Thread-safe (no shared state).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "workflow/diagnostic.h"
#include "workflow/document.h"

namespace nocode::workflow {

// Appends the edges of `graph` ("edges" array, absent = none) to doc.edges
// with their raw handles (top level > data > data.rule; data.sourceNode /
// targetNode are never read). Edges with a missing or unknown endpoint are
// reported and left out; canonical handles are filled later (handles.h).
void read_edges(const nlohmann::json& graph, const std::string& graph_pointer, Document& doc,
                Diagnostics& diags);

}  // namespace nocode::workflow
