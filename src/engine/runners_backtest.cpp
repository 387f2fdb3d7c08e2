// The backtest step: checks its inputs; the simulation runs in backtest_plan.
#include "engine/runners_backtest.h"

namespace nocode::engine {

Result<StepOutput> run_backtest_node(const workflow::Step& step, const StepContext& ctx) {
  auto in = ctx.values(step, "signal-input");
  if (!in) return in.status();
  for (const Value* v : *in) {
    if (v->kind == ValueKind::kBars || v->kind == ValueKind::kSplit)
      return step_error(step, "signal-input expects a signal or a numeric series");
  }
  return StepOutput{};
}

}  // namespace nocode::engine
