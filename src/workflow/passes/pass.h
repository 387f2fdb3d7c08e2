// Internal to the workflow compiler: the state the passes share and the passes
// themselves (one file each under passes/). Not thread-safe; one State per
// compile() call.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "workflow/compiler.h"
#include "workflow/diagnostic.h"
#include "workflow/document.h"
#include "workflow/parameters.h"
#include "workflow/plan.h"

namespace nocode::workflow::passes {

struct NodeState {
  const Node* node = nullptr;
  const NodeTypeSpec* type = nullptr;  // null: unknown type (error)
  StepKind kind = StepKind::kOutput;
  nlohmann::json given = nlohmann::json::object();   // after substitution, no defaults
  nlohmann::json params = nlohmann::json::object();  // given + catalogue defaults
  std::map<std::string, size_t> tuned;               // param -> search dimension
  bool resolved = false;                             // specs resolved without error
  std::optional<IndicatorBinding> indicator;
  const engine::ConditionSpec* condition = nullptr;
  engine::ConditionParams condition_params;
  const transforms::TransformSpec* transform = nullptr;
  transforms::Params transform_params;
};

struct State {
  const Document* doc = nullptr;
  Diagnostics* diags = nullptr;
  std::vector<NodeState> nodes;         // document order
  std::map<std::string, size_t> index;  // node id -> position in nodes
  ParameterSet parameters;
  bool acyclic = true;
  std::vector<size_t> order;  // topological order of node positions (plan pass)

  NodeState& at(const std::string& id) { return nodes[index.at(id)]; }
  // Both ends known and both handles settled. parse_document reports the
  // edges it could not settle; the passes skip them.
  bool usable(const Edge& e) const;
  // Edges whose target is node `pos`, in document order.
  std::vector<const Edge*> inbound(size_t pos) const;
  std::vector<const Edge*> outbound(size_t pos) const;
};

void normalize(State& s, const CompileOptions& options);
void resolve(State& s);
void typecheck(State& s);
void check_cycles(State& s);
void check_rules(State& s);
void check_leakage(State& s);
void build_plan(State& s, Plan& plan);
void optimize(State& s, Plan& plan);
void finish_hashes(Plan& plan);

// "a, b, c"
std::string join(const std::vector<std::string>& items, const char* sep = ", ");

// Pass invariants that would be our bug if broken: an internal error diagnostic.
void invariant(State& s, bool holds, const std::string& pass, const std::string& what);

}  // namespace nocode::workflow::passes
