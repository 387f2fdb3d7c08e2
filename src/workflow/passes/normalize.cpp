// Pass "normalize": the document's dialects were unified by parse_document;
// here the nodes enter the compiler's state and workflow parameters ("$name",
// --set overrides, tune ranges) are substituted into node parameters.
#include <string>

#include "workflow/json_pointer.h"
#include "workflow/passes/pass.h"

namespace nocode::workflow::passes {
namespace {

// The parameters map sits at the top level (bare graph or envelope); a map
// inside workflow_data is reported at the same place for simplicity.
std::string parameters_pointer(const Document&) { return "/parameters"; }

}  // namespace

void normalize(State& s, const CompileOptions& options) {
  s.parameters =
      read_parameters(s.doc->parameters, parameters_pointer(*s.doc), options.overrides, *s.diags);
  for (const Node& node : s.doc->nodes) {
    if (s.index.count(node.id)) continue;  // duplicate id: reported by parse_document
    NodeState ns;
    ns.node = &node;
    Substituted sub = substitute_parameters(node, s.parameters, *s.diags);
    ns.given = std::move(sub.params);
    ns.tuned = std::move(sub.tuned);
    s.index[node.id] = s.nodes.size();
    s.nodes.push_back(std::move(ns));
  }
  for (const Edge& e : s.doc->edges) {
    invariant(s, s.index.count(e.source) && s.index.count(e.target), "normalize",
              "edge '" + e.id + "' joins a node the document does not define");
  }
}

}  // namespace nocode::workflow::passes
