// Pass "cycles": the graph must be a DAG. Depth-first search (iterative, so
// deep graphs cannot overflow the stack); every back edge is one cycle,
// reported with its path "a → b → c → a".
#include <string>
#include <vector>

#include "workflow/passes/pass.h"

namespace nocode::workflow::passes {
namespace {

enum class Color { kWhite, kGrey, kBlack };

struct Frame {
  size_t node;
  std::vector<const Edge*> edges;
  size_t next = 0;
};

void report(State& s, const std::vector<Frame>& stack, size_t target, const Edge& back) {
  std::string path;
  bool on = false;
  for (const Frame& f : stack) {
    on = on || f.node == target;
    if (on) path += s.nodes[f.node].node->id + " → ";
  }
  path += s.nodes[target].node->id;
  s.diags->error("cycle", s.nodes[target].node->id, back.pointer,
                 "the graph has a cycle: " + path + " (a workflow must be acyclic)",
                 "remove edge '" + back.id + "' or another edge of the cycle");
  s.acyclic = false;
}

void visit(State& s, size_t root, std::vector<Color>& color) {
  std::vector<Frame> stack;
  stack.push_back({root, s.outbound(root)});
  color[root] = Color::kGrey;
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next == f.edges.size()) {
      color[f.node] = Color::kBlack;
      stack.pop_back();
      continue;
    }
    const Edge& e = *f.edges[f.next++];
    const size_t to = s.index.at(e.target);
    if (color[to] == Color::kGrey) {
      report(s, stack, to, e);
    } else if (color[to] == Color::kWhite) {
      color[to] = Color::kGrey;
      stack.push_back({to, s.outbound(to)});
    }
  }
}

}  // namespace

void check_cycles(State& s) {
  std::vector<Color> color(s.nodes.size(), Color::kWhite);
  for (size_t i = 0; i < s.nodes.size(); ++i) {
    if (color[i] == Color::kWhite) visit(s, i, color);
  }
}

}  // namespace nocode::workflow::passes
