// The optimizer's objective for a workflow: each parameter set is compiled
// into the workflow (as --set overrides, after the caller's own --set
// values), backtested with engine::backtest_plan and scored by its
// statistics.
//
// Thread-safety: after construction every member is const and may be called
// from many threads at once. All calls share the Engine, so its NodeCache
// serves an indicator computed for one set (e.g. SMA 10) to every other set
// using the same step; only the steps whose parameters changed recompute.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "engine/engine.h"
#include "engine/workflow_backtest.h"
#include "optimize/parameter_space.h"
#include "workflow/document.h"
#include "workflow/plan.h"

namespace nocode::optimize {

struct WorkflowObjectiveOptions {
  std::vector<std::string> base_overrides;  // the caller's --set NAME=VALUE, applied first
  engine::WorkflowBacktestOptions backtest; // data location and broker overrides
};

class WorkflowObjective {
 public:
  // Checks that the workflow compiles with the base overrides and that every
  // dimension names a workflow parameter (errors list the parameters and the
  // nearest name). `engine` must outlive the objective.
  static Result<WorkflowObjective> make(workflow::Document doc, const ParameterSpace& space,
                                        const engine::Engine& engine,
                                        WorkflowObjectiveOptions options);

  // Statistics of one set (statistics_only backtest).
  Result<backtest::Statistics> operator()(const ParamSet& set) const;
  // The full backtest of one set (equity, trades, bars), with `data_file`
  // replacing the data location when not empty.
  Result<engine::WorkflowBacktest> run(const ParamSet& set, bool statistics_only,
                                       const std::string& data_file = "") const;
  // The compiled plan of one set; errors give the first compile errors.
  Result<workflow::Plan> compile(const ParamSet& set) const;

 private:
  WorkflowObjective(workflow::Document doc, const ParameterSpace& space,
                    const engine::Engine& engine, WorkflowObjectiveOptions options)
      : doc_(std::move(doc)), space_(space), engine_(&engine), options_(std::move(options)) {}
  workflow::Document doc_;
  ParameterSpace space_;
  const engine::Engine* engine_;
  WorkflowObjectiveOptions options_;
};

}  // namespace nocode::optimize
