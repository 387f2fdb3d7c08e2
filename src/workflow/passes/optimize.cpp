// Pass "optimize": dead nodes (reaching no action, output, model or
// backtest) are dropped, and steps computing the same thing from the same
// inputs (same canonical text: kind, resolved spec and parameters, input
// hashes) are shared. Both are info diagnostics. Then content hashes.
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "workflow/indicator_binding.h"
#include "workflow/passes/pass.h"

namespace nocode::workflow::passes {
namespace {

// Kinds whose steps are pure computations that may be shared.
bool shareable(StepKind k) { return !is_sink(k) && k != StepKind::kRisk; }

std::string column_for(const Step& st, const std::string& handle) {
  for (const OutputColumn& o : st.outputs) {
    if (o.handle == handle) return o.column;
  }
  return st.node_id;
}

// What an input reads beyond the producer's column, e.g. ".close" of bars.
std::string column_suffix(const Plan& plan, const InputBinding& b) {
  const std::string base = column_for(plan.steps[b.step], b.output);
  return b.column.rfind(base, 0) == 0 ? b.column.substr(base.size()) : b.column;
}

// A key needing no JSON escaping (printable ASCII other than '"' and '\\').
bool plain_key(const std::string& key) {
  for (unsigned char c : key) {
    if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
  }
  return true;
}

// Appends params.dump() without its "label" member, without copying the
// object or building temporary strings (the same text: compact, keys in
// order, the same escaping and number formatting as dump()).
void append_params_without_label(std::string& t, const nlohmann::json& params) {
  if (!params.is_object()) {  // keeps erase()'s behaviour (it throws) for non-objects
    nlohmann::json p = params;
    p.erase("label");
    t += p.dump();
    return;
  }
  nlohmann::detail::serializer<nlohmann::json> out(nlohmann::detail::output_adapter<char>(t), ' ');
  t += '{';
  bool first = true;
  for (auto it = params.begin(); it != params.end(); ++it) {
    if (it.key() == "label") continue;
    if (!first) t += ',';
    first = false;
    if (plain_key(it.key())) {
      t += '"';
      t += it.key();
      t += '"';
    } else {
      t += nlohmann::json(it.key()).dump();
    }
    t += ':';
    out.dump(it.value(), false, false, 0);
  }
  t += '}';
}

std::string canonical_text(const Plan& plan, const Step& st) {
  std::string t = std::string(step_kind_name(st.kind)) + "|" + st.type + "|";
  if (st.indicator) {
    t += describe_indicator(*st.indicator->spec, st.indicator->params) + "|cols=";
    for (const std::string& c : st.indicator->input_columns) t += c + ",";
  } else {
    append_params_without_label(t, st.params);
  }
  for (const InputBinding& b : st.inputs) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(plan.steps[b.step].hash));
    t += "|" + b.handle + "<" + hex + ":" + b.output + column_suffix(plan, b);
  }
  return t;
}

// Keeps the steps marked in `keep`, renumbering every binding.
void keep_steps(Plan& plan, const std::vector<bool>& keep, const std::vector<size_t>& redirect) {
  std::vector<size_t> new_index(plan.steps.size(), 0);
  std::vector<Step> kept;
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    if (keep[i]) {
      new_index[i] = kept.size();
      kept.push_back(std::move(plan.steps[i]));
    }
  }
  for (Step& st : kept) {
    for (InputBinding& b : st.inputs) b.step = new_index[redirect[b.step]];
  }
  for (auto& [id, step] : plan.step_of_node) step = new_index[redirect[step]];
  plan.steps = std::move(kept);
}

// A sink whose required inputs are all wired (an action without a signal
// never fires).
bool live_sink(const Step& st) {
  if (!is_sink(st.kind)) return false;
  const NodeTypeSpec* type = find_node_type(st.type);
  if (type == nullptr) return false;
  for (const HandleSpec& h : type->inputs) {
    if (!h.required) continue;
    bool wired = false;
    for (const InputBinding& b : st.inputs) wired = wired || b.handle == h.id;
    if (!wired) return false;
  }
  return true;
}

void drop_dead(Plan& plan) {
  std::vector<bool> live(plan.steps.size(), false);
  bool any_sink = false;
  for (size_t i = plan.steps.size(); i-- > 0;) {
    if (live_sink(plan.steps[i])) live[i] = any_sink = true;
    if (!live[i]) continue;
    for (const InputBinding& b : plan.steps[i].inputs) live[b.step] = true;
  }
  if (!any_sink) return;  // nothing to keep alive: keep everything (warned by rules)
  std::vector<size_t> identity(plan.steps.size());
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    identity[i] = i;
    if (live[i]) continue;
    const Step& st = plan.steps[i];
    plan.diagnostics.info("dead_node", st.node_id, st.pointer,
                          st.type + " '" + st.node_id +
                              (is_sink(st.kind) ? "' lacks a required input; not run"
                                                : "' reaches no action, output, model or "
                                                  "backtest; not computed"));
    plan.step_of_node.erase(st.node_id);
  }
  keep_steps(plan, live, identity);
}

void share_common(Plan& plan) {
  std::map<std::string, size_t> first;  // canonical text -> step
  std::vector<bool> keep(plan.steps.size(), true);
  std::vector<size_t> redirect(plan.steps.size());
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    redirect[i] = i;
    Step& st = plan.steps[i];
    for (InputBinding& b : st.inputs) {  // rebind to shared producers first
      const size_t to = redirect[b.step];
      if (to != b.step) {
        b.column = column_for(plan.steps[to], b.output) + column_suffix(plan, b);
        b.step = to;
      }
    }
    st.canonical_text = canonical_text(plan, st);
    st.hash = fnv1a64(st.canonical_text);
    if (!shareable(st.kind)) continue;
    auto [it, inserted] = first.emplace(st.canonical_text, i);
    if (inserted) continue;
    Step& kept = plan.steps[it->second];
    plan.diagnostics.info(
        "shared_computation", st.node_id, st.pointer,
        "'" + st.node_id + "' computes the same as '" + kept.node_id + "'; computed once");
    kept.merged_nodes.push_back(st.node_id);
    for (const std::string& m : st.merged_nodes) kept.merged_nodes.push_back(m);
    keep[i] = false;
    redirect[i] = it->second;
  }
  keep_steps(plan, keep, redirect);
}

}  // namespace

void optimize(State& s, Plan& plan) {
  (void)s;
  drop_dead(plan);
  share_common(plan);
}

void finish_hashes(Plan& plan) {
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    Step& st = plan.steps[i];
    for (const InputBinding& b : st.inputs) {
      if (b.step >= i) {
        plan.diagnostics.error("internal_invariant", st.node_id, "",
                               "compiler bug: step reads a later step (please report)");
      }
    }
    // share_common already computed the final text (its input hashes and
    // columns do not change when steps are renumbered); compute it only
    // when the optimize pass did not run.
    if (!st.canonical_text.empty()) continue;
    st.canonical_text = canonical_text(plan, st);
    st.hash = fnv1a64(st.canonical_text);
  }
}

}  // namespace nocode::workflow::passes
