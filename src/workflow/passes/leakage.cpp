// Pass "leakage": a label reads future bars, so anything computed from it is
// look-ahead. Following edges forward from every label node (never through a
// model's label-input, which is where a label belongs), reaching a feature,
// condition, signal, indicator or a model's other inputs is an error naming
// the path. Reported at the first such node of each path.
#include <deque>
#include <string>
#include <vector>

#include "workflow/passes/pass.h"

namespace nocode::workflow::passes {
namespace {

bool guarded(StepKind k) {
  return k == StepKind::kFeature || k == StepKind::kCondition || k == StepKind::kSignal ||
         k == StepKind::kIndicator || k == StepKind::kModel;
}

std::string path_to(const State& s, const std::vector<long>& parent, size_t node) {
  std::vector<std::string> ids;
  for (long n = static_cast<long>(node); n >= 0; n = parent[n]) ids.push_back(s.nodes[n].node->id);
  std::string out;
  for (size_t i = ids.size(); i-- > 0;) out += ids[i] + (i ? " → " : "");
  return out;
}

void trace(State& s, size_t label) {
  std::vector<long> parent(s.nodes.size(), -2);  // -2 unseen, -1 root
  std::deque<size_t> queue = {label};
  parent[label] = -1;
  while (!queue.empty()) {
    const size_t u = queue.front();
    queue.pop_front();
    for (const Edge* e : s.outbound(u)) {
      const size_t v = s.index.at(e->target);
      const NodeState& target = s.nodes[v];
      if (target.kind == StepKind::kModel && e->target_handle == "label-input") continue;
      if (parent[v] != -2) continue;
      parent[v] = static_cast<long>(u);
      if (guarded(target.kind) && target.type != nullptr) {
        s.diags->error("lookahead_leakage", target.node->id, e->pointer,
                       "label '" + s.nodes[label].node->id + "' reads future bars and reaches " +
                           target.type->type + " '" + target.node->id + "' (" + e->target_handle +
                           ") via " + path_to(s, parent, v) +
                           "; that would train or trade on the future",
                       "connect a label only to a model's label-input");
        continue;
      }
      queue.push_back(v);
    }
  }
}

}  // namespace

void check_leakage(State& s) {
  if (!s.acyclic) return;  // paths are meaningless on a cyclic graph
  for (size_t i = 0; i < s.nodes.size(); ++i) {
    if (s.nodes[i].kind == StepKind::kLabel && s.nodes[i].type != nullptr) trace(s, i);
  }
}

}  // namespace nocode::workflow::passes
