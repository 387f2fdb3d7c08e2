// Engine::run: cache keys, step execution through the runners, and the
// gathering of columns (and fitted models' reports) onto the base timeline.
#include "engine/engine.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <unordered_set>

#include "common/strings.h"

#include "engine/step_runner.h"
#include "ml/training_set.h"
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

uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 1099511628211ull; }

// The key of a non-data step: its content hash (Step::hash, the FNV-1a of
// its canonical text), its inputs' keys by handle, the handles it must hold
// and the base key. Integers are mixed in directly, no text is built.
uint64_t step_key(const Step& step, const std::vector<uint64_t>& keys, uint64_t base_key) {
  uint64_t h = mix(fnv1a("step"), step.hash);
  for (const auto& b : step.inputs) h = mix(fnv1a(b.handle, h), keys[b.step]);
  for (const auto& o : step.outputs) h = fnv1a(o.handle, mix(h, 0x6f7574));  // "out"
  return mix(h, base_key);
}

// Columns of the result frames, deduplicated by lowercase name (first wins).
class ColumnSink {
 public:
  explicit ColumnSink(Frame& frame) : frame_(frame) {}
  void add(const std::string& name, std::shared_ptr<const std::vector<double>> values) {
    std::string key = to_lower(name);
    if (!seen_.insert(key).second) return;
    (void)frame_.append_new_column(std::move(key), std::move(values));
  }

 private:
  Frame& frame_;
  std::unordered_set<std::string> seen_;
};

nlohmann::json metric(const nlohmann::json& metrics, const char* name) {
  auto it = metrics.find(name);
  return it == metrics.end() ? nlohmann::json(nullptr) : *it;
}

// What the run reports about a fitted model (run_result.h ModelReport).
ModelReport model_report(const ml::FittedModel& fit) {
  ModelReport m;
  m.algorithm = fit.algorithm;
  m.task = std::string(ml::task_name(fit.encoding.task));
  m.features = fit.feature_names;
  m.label = fit.label_column;
  m.validation = metric(fit.metrics, "validation");
  m.test = metric(fit.metrics, "test");
  m.ic = metric(fit.metrics, "ic");
  if (m.ic.is_object()) m.ic.erase("by_period");
  const nlohmann::json best = metric(fit.metrics, "best_iteration");
  if (best.is_number_integer()) m.best_iteration = best.get<int64_t>();
  if (fit.model) m.importance = fit.model->feature_importance();
  std::stable_sort(m.importance.begin(), m.importance.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (m.importance.size() > 10) m.importance.resize(10);
  return m;
}

// Every output of every step onto the base timeline. Values already on it
// are shared with the step outputs (and the cache), not copied.
void gather(const Plan& plan, const std::vector<std::shared_ptr<const StepOutput>>& outputs,
            const Frame& base, RunResult& r) {
  r.features = Frame(base.shared_timestamps());
  r.signals = Frame(base.shared_timestamps());
  ColumnSink features(r.features), signals(r.signals);
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& step = plan.steps[i];
    const StepOutput& out = *outputs[i];
    bool bars_done = false;
    for (const auto& oc : step.outputs) {
      auto it = out.by_handle.find(oc.handle);
      if (it == out.by_handle.end()) continue;
      const Value& v = it->second;
      if (v.kind == ValueKind::kBars) {
        if (bars_done) continue;
        bars_done = true;
        const bool same = same_timeline(*v.bars, base);
        for (size_t c = 0; c < v.bars->columns(); ++c) {
          const std::string name = oc.column + "." + v.bars->names()[c];
          if (same) {
            features.add(name, v.bars->shared_column_at(c));
          } else {
            features.add(name, shared_numbers_on(series_value(v.bars, v.bars->shared_column_at(c)), base));
          }
        }
      } else if (v.kind == ValueKind::kSignal) {
        const Signal s = truth_on(v, base);
        signals.add(oc.column, std::make_shared<const std::vector<double>>(s.begin(), s.end()));
      } else {
        features.add(oc.column, shared_numbers_on(v, base));
      }
    }
    for (const auto& [handle, v] : out.by_handle) {
      if (!v.model) continue;
      r.models.push_back(model_report(*v.model));
      r.models.back().node_id = step.node_id;  // a cached output may come from a twin node
      break;
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

namespace {

// The bars a data step produced (its first bars value).
std::shared_ptr<const Frame> bars_of(const StepOutput& out) {
  for (const auto& [handle, v] : out.by_handle)
    if (v.kind == ValueKind::kBars) return v.bars;
  return nullptr;
}

}  // namespace

Result<RunResult> Engine::run(const Plan& plan, const RunOptions& options) const {
  if (!plan.ok()) return plan_errors(plan);
  if (plan.steps.empty()) return Status::invalid_argument("the plan has no steps to run");
  const DataResolver resolver(options.data);
  std::optional<DiskCache> disk;
  if (options.disk_cache.enabled()) disk.emplace(options.disk_cache);
  DataTimelines timelines;  // data steps run so far, for the disk cache
  RunResult r;
  r.workflow = plan.name;
  r.counters.steps = plan.steps.size();
  r.steps.reserve(plan.steps.size());
  std::vector<std::shared_ptr<const StepOutput>> outputs(plan.steps.size());
  std::vector<uint64_t> keys(plan.steps.size(), 0);
  StepContext ctx;
  ctx.outputs = &outputs;
  ctx.data = &resolver;
  ctx.models = &models_;
  ctx.training = &options.training;
  uint64_t base_key = 0;
  std::string note;
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
    if (!outputs[i] && disk) {
      note.clear();
      outputs[i] = disk->load(keys[i], timelines, &note);
      if (!note.empty()) r.notes.push_back(note);
      if (outputs[i]) {
        ++r.counters.disk_hits;
        cache_.put(keys[i], outputs[i]);
      }
    }
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
      if (disk) {
        note.clear();
        disk->store(keys[i], step, *outputs[i], timelines, &note);
        if (!note.empty()) r.notes.push_back(note);
      }
    }
    if (is_data(step.kind)) {
      std::shared_ptr<const Frame> bars = bars_of(*outputs[i]);
      if (disk && bars) timelines.emplace_back(keys[i], bars);
      if (!ctx.base && bars) {
        ctx.base = std::move(bars);
        base_key = keys[i];
      }
    }
    r.steps.push_back(std::move(rec));
    if (options.progress) options.progress(i, plan.steps.size(), step, r.steps.back().cached);
  }
  if (!ctx.base) return Status::invalid_argument("the workflow has no data source to run on");
  gather(plan, outputs, *ctx.base, r);
  if (disk) disk->trim();
  return r;
}

NodeCache& process_cache() {
  // Never destroyed: cached outputs may hold trained models whose libraries
  // (XGBoost) create function-local statics while training, which exit
  // would destroy before a static cache; the OS reclaims it all at exit.
  static NodeCache* cache = new NodeCache;
  return *cache;
}

}  // namespace nocode::engine
