// The workflow engine: runs a compiled workflow::Plan over market data and
// returns every column it produced (run_result.h).
//
// Steps run in plan order (topological). Each step's output is looked up in
// the NodeCache by its cache key (node_cache.h), then in the on-disk cache
// when RunOptions::disk_cache names a directory (disk_cache.h), before its
// kernels run, so a second run of an edited plan (in the same process, or in
// a new one with the same cache directory) recomputes only the steps whose
// parameters or inputs changed; RunResult::counters and ::steps say
// what was computed and what was reused. A failing step ends the run with an
// error naming the node. Semantics of every step kind: docs/engine.md.
//
// Thread-safety: run() is const and may be called from many threads at once
// with the same Engine; the cache is internally locked.
#pragma once

#include <functional>

#include "common/status.h"
#include "engine/data_resolver.h"
#include "engine/disk_cache.h"
#include "engine/model_interface.h"
#include "engine/node_cache.h"
#include "ml/model.h"
#include "engine/run_result.h"
#include "workflow/plan.h"

namespace nocode::engine {

struct RunOptions {
  DataOptions data;  // where data steps find their bars
  // On-disk node cache behind the in-memory one (disk_cache.h); off when
  // disk_cache.dir is empty. Call disk_cache.validate() before running.
  DiskCacheOptions disk_cache;
  // Called after every step (index in the plan, step count, step, whether it
  // came from the cache). May be empty.
  std::function<void(size_t index, size_t total, const workflow::Step& step, bool cached)>
      progress;
  // Called during model training, once per boosting round / epoch (a model
  // node that cross-validates reports every fold's rounds): the model node and
  // ml::TrainingProgress (step/total, train and validation loss, NaN when not
  // computed). Called on the running thread. May be empty.
  std::function<void(const workflow::Step& step, const ml::TrainingProgress& progress)> training;
};

class Engine {
 public:
  // `cache` must outlive the engine; share one cache between runs to reuse
  // outputs. `models` is the registry the model step looks algorithms up in.
  explicit Engine(NodeCache& cache, const ModelRegistry& models = builtin_models())
      : cache_(cache), models_(models) {}

  // Errors: a plan with compile errors (the first few listed), no data step,
  // a data source that cannot be found or loaded, or a step that fails.
  Result<RunResult> run(const workflow::Plan& plan, const RunOptions& options) const;

 private:
  NodeCache& cache_;
  const ModelRegistry& models_;
};

// One cache for the whole process (the CLI and service use it).
NodeCache& process_cache();

}  // namespace nocode::engine
