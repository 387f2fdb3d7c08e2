// Engine::run: cache keys, step execution through the runners, and the
// gathering of columns onto the base timeline.
#include "engine/engine.h"

#include <memory>
#include <set>

#include "engine/step_runner.h"
#include "workflow/diagnostic.h"

namespace nocode::engine {
namespace {

using workflow::Plan;
using workflow::Step;
using workflow::StepKind;

bool is_data(StepKind k) { return k == StepKind::kDataSource || k == StepKind::kCustomDataset; }

Status plan_errors(const Plan& plan) {
  std::string msg = "the workflow has errors and cannot run:";
  size_t shown = 0;
  for (const auto& d : plan.diagnostics.all()) {
    if (d.severity != workflow::Severity::kError) continue;
    if (shown++ == 5) {
      msg += "\n  ...";
      break;
    }
    msg += "\n  " + workflow::to_string(d);
  }
  return Status::invalid_argument(msg);
}

// The key of a non-data step: its content hash, its inputs' keys and the base key.
uint64_t step_key(const Step& step, const std::vector<uint64_t>& keys, uint64_t base_key) {
  uint64_t h = fnv1a("step|" + hex64(step.hash) + "|" + step.canonical_text);
  for (const auto& b : step.inputs) h = fnv1a("|" + b.handle + "=" + hex64(keys[b.step]), h);
  for (const auto& o : step.outputs) h = fnv1a("|out:" + o.handle, h);  // handles it must hold
  return fnv1a("|base=" + hex64(base_key), h);
}

void add_column(Frame& frame, const std::string& name, std::vector<double> values) {
  if (frame.has_column(name)) return;
  (void)frame.set_column(name, std::move(values));
}

void gather(const Plan& plan, const std::vector<std::shared_ptr<const StepOutput>>& outputs,
            const Frame& base, RunResult& r) {
  r.features = Frame(base.timestamps());
  r.signals = Frame(base.timestamps());
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& step = plan.steps[i];
    const StepOutput& out = *outputs[i];
    std::set<std::string> done_handles;
    for (const auto& oc : step.outputs) {
      auto it = out.by_handle.find(oc.handle);
      if (it == out.by_handle.end()) continue;
      const Value& v = it->second;
      if (v.kind == ValueKind::kBars) {
        if (!done_handles.insert("bars").second) continue;
        for (const auto& field : v.bars->names()) {
          Value col = series_value(v.bars, *v.bars->column(field));
          add_column(r.features, oc.column + "." + field, numbers_on(col, base));
        }
      } else if (v.kind == ValueKind::kSignal) {
        const Signal s = truth_on(v, base);
        add_column(r.signals, oc.column, std::vector<double>(s.begin(), s.end()));
      } else {
        add_column(r.features, oc.column, numbers_on(v, base));
      }
    }
    if (out.fires) {
      r.actions.push_back(*out.fires);
      r.actions.back().node_id = step.node_id;  // a cached output may come from a twin node
      for (const auto& merged : step.merged_nodes) {
        r.actions.push_back(*out.fires);
        r.actions.back().node_id = merged;
      }
    }
  }
}

}  // namespace

Result<RunResult> Engine::run(const Plan& plan, const RunOptions& options) const {
  if (!plan.ok()) return plan_errors(plan);
  if (plan.steps.empty()) return Status::invalid_argument("the plan has no steps to run");
  const DataResolver resolver(options.data);
  RunResult r;
  r.workflow = plan.name;
  r.counters.steps = plan.steps.size();
  std::vector<std::shared_ptr<const StepOutput>> outputs(plan.steps.size());
  std::vector<uint64_t> keys(plan.steps.size(), 0);
  StepContext ctx;
  ctx.outputs = &outputs;
  ctx.data = &resolver;
  ctx.models = &models_;
  uint64_t base_key = 0;
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& step = plan.steps[i];
    std::optional<DataSourceRef> source;
    if (is_data(step.kind)) {
      Result<DataSourceRef> ref = resolver.locate(step);
      if (!ref) return ref.status();
      source = std::move(*ref);
      if (!source->note.empty()) r.notes.push_back(source->note);
      keys[i] = fnv1a("data|" + hex64(step.hash) + "|" + step.canonical_text + "|" +
                      source->fingerprint);
    } else {
      keys[i] = step_key(step, keys, base_key);
    }
    StepRecord rec{step.node_id, step.type, false, 0, hex64(keys[i])};
    outputs[i] = cache_.find(keys[i]);
    if (outputs[i]) {
      rec.cached = true;
      ++r.counters.cache_hits;
    } else {
      ctx.source = source ? &*source : nullptr;
      Result<StepOutput> out = run_step(step, ctx);
      if (!out) return out.status();
      rec.kernels = out->kernels;
      r.counters.kernel_executions += out->kernels;
      ++r.counters.computed;
      outputs[i] = std::make_shared<const StepOutput>(std::move(*out));
      cache_.put(keys[i], outputs[i]);
    }
    if (is_data(step.kind) && !ctx.base) {
      auto it = outputs[i]->by_handle.begin();
      if (it != outputs[i]->by_handle.end()) ctx.base = it->second.bars;
      base_key = keys[i];
    }
    r.steps.push_back(std::move(rec));
    if (options.progress) options.progress(i, plan.steps.size(), step, r.steps.back().cached);
  }
  if (!ctx.base) return Status::invalid_argument("the workflow has no data source to run on");
  gather(plan, outputs, *ctx.base, r);
  return r;
}

NodeCache& process_cache() {
  static NodeCache cache;
  return cache;
}

}  // namespace nocode::engine
