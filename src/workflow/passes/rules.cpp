// Pass "rules": the editor's validation rules (EDITOR_FORMAT.md section 3)
// beyond types: a data source exists, something consumes the result, logic
// gates get all their inputs, required inputs are wired, condition kinds can
// be evaluated, no node needs data nobody has, no string smuggles code.
#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "common/strings.h"
#include "common/numeric.h"
#include "workflow/json_get.h"
#include "workflow/json_pointer.h"
#include "workflow/passes/pass.h"

namespace nocode::workflow::passes {
namespace {

using nlohmann::json;

void check_graph_level(State& s) {
  bool data = false, sink = false;
  for (const NodeState& ns : s.nodes) {
    data = data || ns.kind == StepKind::kDataSource || ns.kind == StepKind::kCustomDataset;
    sink = sink || (ns.type != nullptr && is_sink(ns.kind));
  }
  const std::string nodes_ptr = pointer_append(s.doc->graph_pointer, "nodes");
  if (!data) {
    s.diags->error("no_data_source", "", nodes_ptr,
                   "the workflow has no data source; expected at least one dataSource or "
                   "customDataset node",
                   "add a Market Data node and connect its data-output");
  }
  if (!sink) {
    s.diags->warning("no_action", "", nodes_ptr,
                     "the workflow has no action, output, model or backtest node; nothing uses "
                     "its results");
  }
}

int logic_index(const std::string& handle) {
  if (handle.rfind("input-", 0) != 0) return -1;
  return std::atoi(handle.c_str() + 6);
}

void check_logic(State& s, size_t pos) {
  const NodeState& ns = s.nodes[pos];
  const int inputs = saturating_int(number_at(ns.params, "inputs", 2));
  std::map<int, int> wired;
  for (const Edge* e : s.inbound(pos)) {
    const int k = logic_index(e->target_handle);
    if (k >= inputs) {
      s.diags->error("logic_input_out_of_range", ns.node->id, e->target_handle_pointer,
                     "edge '" + e->id + "' lands on " + e->target_handle + " but the gate has " +
                         std::to_string(inputs) + " inputs (input-0 .. input-" +
                         std::to_string(inputs - 1) + ")",
                     "raise `inputs` or move the edge");
    }
    ++wired[k];
  }
  int connected = 0;  // distinct wired handles input-0 .. input-(inputs-1)
  for (const auto& [k, edges] : wired) connected += (k >= 0 && k < inputs) ? 1 : 0;
  if (connected < inputs) {
    s.diags->error("logic_missing_inputs", ns.node->id, ns.node->pointer,
                   text_at(ns.params, "operation", "AND") +
                       " gate has inputs=" + std::to_string(inputs) + " but only " +
                       std::to_string(connected) + " of its inputs are connected",
                   "connect input-0 .. input-" + std::to_string(inputs - 1) + " or lower `inputs`");
  }
  if (text_at(ns.params, "operation", "") == "NOT" && inputs != 1) {
    s.diags->warning("not_gate_inputs", ns.node->id,
                     pointer_append(ns.node->params_pointer, "inputs"),
                     "a NOT gate negates input-0 only; inputs should be 1");
  }
}

void check_inputs(State& s, size_t pos) {
  const NodeState& ns = s.nodes[pos];
  std::map<std::string, int> count;
  for (const Edge* e : s.inbound(pos)) ++count[e->target_handle];
  for (const HandleSpec& h : ns.type->inputs) {
    if (h.id == "input-{k}") continue;  // logic: check_logic
    const int n = count.count(h.id) ? count[h.id] : 0;
    if (h.required && n == 0 && is_sink(ns.kind) && ns.kind != StepKind::kModel) {
      s.diags->warning("unconnected_sink", ns.node->id, ns.node->pointer,
                       ns.type->type + " '" + ns.node->id + "' has nothing on " + h.id +
                           "; it never fires and is left out of the plan");
    } else if (h.required && n == 0) {
      s.diags->error("missing_input", ns.node->id, ns.node->pointer,
                     ns.type->type + " '" + ns.node->id + "' needs an edge into " + h.id + " (" +
                         h.description + ", " + data_type_name(h.type) + ")");
    }
    if (!h.multiple && n > 1) {
      s.diags->error("too_many_inputs", ns.node->id, ns.node->pointer,
                     h.id + " takes one edge, got " + std::to_string(n));
    }
  }
}

void check_condition(State& s, size_t pos) {
  const NodeState& ns = s.nodes[pos];
  if (ns.condition == nullptr) return;
  const std::string ptr = pointer_append(ns.node->params_pointer, "condition");
  if (!ns.condition->unavailable_reason.empty()) {
    s.diags->error("condition_unavailable", ns.node->id, ptr,
                   "condition '" + ns.condition->name +
                       "' cannot be evaluated: " + ns.condition->unavailable_reason);
  }
  std::map<std::string, int> count;
  for (const Edge* e : s.inbound(pos)) ++count[e->target_handle];
  const bool right = count["value-input"] > 0 || count["data-input"] > 1;
  if ((ns.condition->needs & engine::kNeedsRight) && !right) {
    s.diags->error("condition_needs_input", ns.node->id, ns.node->pointer,
                   "condition '" + ns.condition->name +
                       "' compares two series: connect the second one to value-input");
  }
  if ((ns.condition->needs & engine::kNeedsAux) && count["aux-input"] == 0) {
    s.diags->error("condition_needs_input", ns.node->id, ns.node->pointer,
                   "condition '" + ns.condition->name + "' needs a series on aux-input (" +
                       ns.condition->reads + ")");
  }
}

constexpr std::array<const char*, 8> kInjection = {
    "eval(", "exec(", "system(", "import os", "subprocess", "__import__", "script>", "javascript:"};

void scan_strings(State& s, const std::string& node_id, const json& v, const std::string& ptr) {
  if (v.is_string()) {
    const std::string lower = to_lower(v.get<std::string>());
    for (const char* pattern : kInjection) {
      if (lower.find(pattern) != std::string::npos) {
        s.diags->error("code_injection", node_id, ptr,
                       std::string("text contains '") + pattern +
                           "', a code-injection pattern; parameters are data, never code");
        return;
      }
    }
  } else if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      scan_strings(s, node_id, it.value(), pointer_append(ptr, it.key()));
    }
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) scan_strings(s, node_id, v[i], pointer_append(ptr, i));
  }
}

}  // namespace

void check_rules(State& s) {
  check_graph_level(s);
  for (size_t i = 0; i < s.nodes.size(); ++i) {
    const NodeState& ns = s.nodes[i];
    scan_strings(s, ns.node->id, ns.given, ns.node->params_pointer);
    if (ns.type == nullptr) continue;
    if (ns.type->type == "sentimentAnalysis") {
      s.diags->error("sentiment_unavailable", ns.node->id, ns.node->pointer,
                     "sentimentAnalysis needs a sentiment data source (news / social feeds), "
                     "which no data source provides");
    }
    if (ns.kind == StepKind::kLogic) check_logic(s, i);
    check_inputs(s, i);
    if (ns.kind == StepKind::kCondition) check_condition(s, i);
  }
}

}  // namespace nocode::workflow::passes
