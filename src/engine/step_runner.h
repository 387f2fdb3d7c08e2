// Internal to src/engine: running one plan step on its inputs' values. One
// function per step kind, grouped by concern in runners_*.cpp; run_step()
// dispatches on Step::kind. Runners are pure functions of the step and the
// context (no globals), so they are safe to call from many threads.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "engine/data_resolver.h"
#include "engine/model_interface.h"
#include "engine/step_output.h"
#include "workflow/plan.h"

namespace nocode::engine {

struct StepContext {
  const std::vector<std::shared_ptr<const StepOutput>>* outputs = nullptr;  // by step index
  std::shared_ptr<const Frame> base;        // bars of the first data step (null before it runs)
  const DataResolver* data = nullptr;
  const DataSourceRef* source = nullptr;    // data steps: where their bars are
  const ModelRegistry* models = nullptr;
  // RunOptions::training (may be null or empty).
  const std::function<void(const workflow::Step&, const ml::TrainingProgress&)>* training = nullptr;

  // The value a binding reads; an error names the node and handle if absent.
  Result<const Value*> value(const workflow::Step& step, const workflow::InputBinding& b) const;
  // The values on `handle`, in binding order.
  Result<std::vector<const Value*>> values(const workflow::Step& step,
                                           std::string_view handle) const;
};

Result<StepOutput> run_step(const workflow::Step& step, const StepContext& ctx);

// runners_market.cpp
Result<StepOutput> run_data(const workflow::Step& step, const StepContext& ctx);
Result<StepOutput> run_indicator(const workflow::Step& step, const StepContext& ctx);
// runners_signals.cpp
Result<StepOutput> run_condition(const workflow::Step& step, const StepContext& ctx);
Result<StepOutput> run_logic(const workflow::Step& step, const StepContext& ctx);
Result<StepOutput> run_action(const workflow::Step& step, const StepContext& ctx);
Result<StepOutput> run_risk(const workflow::Step& step, const StepContext& ctx);
// runners_analysis.cpp
Result<StepOutput> run_analysis(const workflow::Step& step, const StepContext& ctx);
// runners_ml.cpp
Result<StepOutput> run_transform(const workflow::Step& step, const StepContext& ctx);
Result<StepOutput> run_split(const workflow::Step& step, const StepContext& ctx);
Result<StepOutput> run_model(const workflow::Step& step, const StepContext& ctx);
Result<StepOutput> run_score_signal(const workflow::Step& step, const StepContext& ctx);

// Shared helpers.
// An error "node '<id>' (<type>): <message>".
Status step_error(const workflow::Step& step, const std::string& message);
// Puts `v` on every output handle of the step.
void put_all(const workflow::Step& step, const Value& v, StepOutput& out);
// A bar column by name, with the derived sources hl2, hlc3, ohlc4 computed.
Result<std::vector<double>> bar_column(const Frame& bars, std::string_view name);
double number_param(const workflow::Step& step, const char* name, double fallback);
std::string text_param(const workflow::Step& step, const char* name, const std::string& fallback);

}  // namespace nocode::engine
