// Pass "plan": topological order (Kahn; ties broken by document order, so
// plans are deterministic), input bindings to earlier steps' columns and the
// output columns of every step.
#include <algorithm>
#include <queue>
#include <string>

#include "workflow/json_get.h"
#include "workflow/passes/pass.h"

namespace nocode::workflow::passes {
namespace {

std::vector<size_t> topological_order(State& s) {
  std::vector<int> indegree(s.nodes.size(), 0);
  for (const Edge& e : s.doc->edges) {
    if (s.usable(e)) ++indegree[s.index.at(e.target)];
  }
  std::priority_queue<size_t, std::vector<size_t>, std::greater<>> ready;
  for (size_t i = 0; i < s.nodes.size(); ++i) {
    if (indegree[i] == 0) ready.push(i);
  }
  std::vector<size_t> order;
  while (!ready.empty()) {
    const size_t u = ready.top();
    ready.pop();
    order.push_back(u);
    for (const Edge* e : s.outbound(u)) {
      if (--indegree[s.index.at(e->target)] == 0) ready.push(s.index.at(e->target));
    }
  }
  return order;
}

// "signal-output" -> "signal"; generic "output" -> what the kind produces.
std::string column_name(const NodeState& ns, const HandleSpec& h) {
  if (ns.transform != nullptr) return ns.transform->outputs.front();
  std::string name = h.id;
  const std::string suffix = "-output";
  if (name.size() > suffix.size() && name.ends_with(suffix)) {
    name.resize(name.size() - suffix.size());
  }
  if (name != "output") return name;
  if (ns.kind == StepKind::kLogic) return "signal";
  if (ns.type->type == "multiTimeframeAnalysis") return "bars";
  if (ns.type->type == "correlationAnalysis") return "correlation";
  return name;
}

std::vector<OutputColumn> outputs_of(const NodeState& ns) {
  std::vector<OutputColumn> out;
  const std::string& id = ns.node->id;
  if (ns.kind == StepKind::kIndicator) {
    for (const IndicatorOutput& o : ns.indicator->outputs) {
      out.push_back({o.handle, o.column, DataType::kNumeric});
    }
    return out;
  }
  for (const HandleSpec& h : ns.type->outputs) {
    const bool bars = h.type == DataType::kOhlcv;
    out.push_back({h.id, bars ? id : id + "." + column_name(ns, h), h.type});
  }
  return out;
}

// Catalogue position of a target handle (logic: its k), for ordering inputs.
size_t handle_rank(const NodeState& ns, const std::string& handle) {
  if (ns.kind == StepKind::kLogic && handle.rfind("input-", 0) == 0) {
    return static_cast<size_t>(std::atoi(handle.c_str() + 6));
  }
  for (size_t i = 0; i < ns.type->inputs.size(); ++i) {
    if (ns.type->inputs[i].id == handle) return i;
  }
  return ns.type->inputs.size();
}

std::string column_of(const Step& producer, const std::string& handle) {
  for (const OutputColumn& o : producer.outputs) {
    if (o.handle == handle) return o.column;
  }
  return producer.node_id;
}

InputBinding bind(const Plan& plan, const Edge& e, size_t step, const NodeState& consumer) {
  const Step& producer = plan.steps[step];
  InputBinding b;
  b.handle = e.target_handle;
  b.step = step;
  b.output = e.source_handle;
  b.column = column_of(producer, e.source_handle);
  b.edge_id = e.id;
  for (const OutputColumn& o : producer.outputs) {
    if (o.handle == e.source_handle) b.type = o.type;
  }
  // Bars read as one series: say which column.
  if (b.type == DataType::kOhlcv && consumer.kind != StepKind::kIndicator) {
    const HandleSpec* h = find_input_handle(*consumer.type, e.target_handle);
    if (consumer.kind == StepKind::kFeature) {
      b.column += "." + text_at(consumer.params, "column", "close");
    } else if (h != nullptr &&
               (h->type == DataType::kNumeric || consumer.kind == StepKind::kLabel)) {
      b.column += ".close";
    }
  }
  return b;
}

// Moves the node's resolved specs into the step (no pass after this one
// reads them from the state); its params move later, after bind_inputs.
Step make_step(NodeState& ns) {
  Step st;
  st.node_id = ns.node->id;
  st.type = ns.type->type;
  st.kind = ns.kind;
  st.label = ns.node->label;
  st.pointer = ns.node->pointer;
  st.outputs = outputs_of(ns);
  st.indicator = std::move(ns.indicator);
  st.condition = ns.condition;
  st.condition_params = std::move(ns.condition_params);
  st.transform = ns.transform;
  st.transform_params = std::move(ns.transform_params);
  return st;
}

void bind_inputs(State& s, Plan& plan, size_t pos, Step& st) {
  const NodeState& ns = s.nodes[pos];
  std::vector<const Edge*> in = s.inbound(pos);
  std::stable_sort(in.begin(), in.end(), [&](const Edge* a, const Edge* b) {
    return handle_rank(ns, a->target_handle) < handle_rank(ns, b->target_handle);
  });
  for (const Edge* e : in) {
    st.inputs.push_back(bind(plan, *e, plan.step_of_node.at(e->source), ns));
  }
  // An indicator on a single series reads that series, not a bars column.
  if (st.indicator && !st.inputs.empty() && st.inputs.front().type != DataType::kOhlcv) {
    for (size_t i = 0; i < st.indicator->spec->inputs.size(); ++i) {
      using indicators::InputKind;
      const InputKind k = st.indicator->spec->inputs[i];
      if (k == InputKind::kReal || k == InputKind::kReal0 || k == InputKind::kReal1) {
        st.indicator->input_columns[i] = "";
      }
    }
  }
}

}  // namespace

void build_plan(State& s, Plan& plan) {
  s.order = topological_order(s);
  invariant(s, s.order.size() == s.nodes.size(), "plan", "the topological order misses nodes");
  for (size_t pos : s.order) {
    Step st = make_step(s.nodes[pos]);
    bind_inputs(s, plan, pos, st);  // reads the consumer's params from the state
    st.params = std::move(s.nodes[pos].params);
    plan.step_of_node[st.node_id] = plan.steps.size();
    plan.steps.push_back(std::move(st));
  }
}

}  // namespace nocode::workflow::passes
