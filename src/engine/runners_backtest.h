// Internal to src/engine: the `backtest` step's runner. The step is a sink:
// the simulation itself runs after the engine run (workflow_backtest.h), so
// the runner only checks that its signal inputs are there. Pure function;
// thread-safe.
#pragma once

#include "engine/step_runner.h"

namespace nocode::engine {

Result<StepOutput> run_backtest_node(const workflow::Step& step, const StepContext& ctx);

}  // namespace nocode::engine
