// Compiling a parameter set into the workflow and backtesting it.
#include "optimize/workflow_objective.h"

#include "common/strings.h"
#include "workflow/compiler.h"

namespace nocode::optimize {
namespace {

std::string compile_errors(const workflow::Plan& plan) {
  std::string out;
  size_t shown = 0;
  for (const auto& d : plan.diagnostics.all()) {
    if (d.severity != workflow::Severity::kError) continue;
    if (shown++ == 3) {
      out += "; ...";
      break;
    }
    out += (out.empty() ? "" : "; ") + workflow::to_string(d);
  }
  return out;
}

}  // namespace

Result<WorkflowObjective> WorkflowObjective::make(workflow::Document doc,
                                                  const ParameterSpace& space,
                                                  const engine::Engine& engine,
                                                  WorkflowObjectiveOptions options) {
  NOCODE_RETURN_IF_ERROR(space.validate());
  workflow::CompileOptions copts;
  copts.overrides = options.base_overrides;
  const workflow::Plan base = workflow::compile(doc, copts);
  if (!base.ok()) {
    return Status::invalid_argument("the workflow has errors: " + compile_errors(base));
  }
  std::vector<std::string> known;
  for (const auto& [name, value] : base.parameters.items()) known.push_back(name);
  for (const Dimension& d : space.dims) {
    if (base.parameters.contains(d.name)) continue;
    std::string msg = "'" + d.name + "' is not a parameter of the workflow";
    msg += known.empty() ? " (it declares none)" : " (it has " + quoted_list(known, " and ") + ")";
    const std::vector<std::string> near = nearest_names(d.name, known, 1);
    if (!near.empty()) msg += "; did you mean '" + near[0] + "'?";
    return Status::invalid_argument(msg);
  }
  return WorkflowObjective(std::move(doc), space, engine, std::move(options));
}

Result<workflow::Plan> WorkflowObjective::compile(const ParamSet& set) const {
  workflow::CompileOptions copts;
  copts.overrides = options_.base_overrides;
  for (std::string& o : space_.overrides(set)) copts.overrides.push_back(std::move(o));
  workflow::Plan plan = workflow::compile(doc_, copts);
  if (!plan.ok()) return Status::invalid_argument(compile_errors(plan));
  return plan;
}

Result<engine::WorkflowBacktest> WorkflowObjective::run(const ParamSet& set, bool statistics_only,
                                                        const std::string& data_file) const {
  Result<workflow::Plan> plan = compile(set);
  if (!plan) return plan.status();
  engine::WorkflowBacktestOptions opts = options_.backtest;
  opts.statistics_only = statistics_only;
  if (!data_file.empty()) {
    opts.run.data.data_file = data_file;
    opts.run.data.data_dir.clear();
  }
  return engine::backtest_plan(*engine_, *plan, opts);
}

Result<backtest::Statistics> WorkflowObjective::operator()(const ParamSet& set) const {
  Result<engine::WorkflowBacktest> r = run(set, true);
  if (!r) return r.status();
  return std::move(r->statistics);
}

}  // namespace nocode::optimize
