#include "cli/optimize_command.h"

#include <iostream>
#include <memory>

#include "engine/engine.h"
#include "optimize/optimizer.h"
#include "optimize/results_output.h"
#include "optimize/walk_forward.h"
#include "optimize/workflow_objective.h"
#include "optimize/workflow_windows.h"
#include "report/atomic_write.h"
#include "report/backtest_report.h"
#include "report/html_report.h"
#include "workflow/document.h"

namespace nocode::cli {
namespace {

using namespace nocode::optimize;

struct OptimizeArgs {
  std::string workflow, data_file, data_dir;
  std::vector<std::string> sets, grids, ranges, constraints;
  size_t random = 0;
  std::string maximize, minimize;
  size_t threads = 0;
  uint64_t seed = 0;
  std::optional<double> cash, commission;
  std::string csv, report_path, format = "table";
  bool walk = false, anchored = false;
  size_t train_bars = 0, test_bars = 0, folds = 0;
};

// Everything the flags describe, validated.
struct Setup {
  ParameterSpace space;
  std::vector<Constraint> constraints;
  OptimizeOptions options;
  WalkForwardOptions wf;
};

Result<Setup> make_setup(const OptimizeArgs& a) {
  Setup s;
  for (const std::string& g : a.grids) {
    Result<Dimension> d = parse_grid_spec(g, "--grid");
    if (!d) return d.status();
    s.space.dims.push_back(std::move(*d));
  }
  if (!a.ranges.empty() && a.random == 0) {
    return Status::invalid_argument("--range needs --random N (a grid takes --grid START:STOP:STEP)");
  }
  for (const std::string& r : a.ranges) {
    Result<Dimension> d = parse_range_spec(r, "--range");
    if (!d) return d.status();
    s.space.dims.push_back(std::move(*d));
  }
  NOCODE_RETURN_IF_ERROR(s.space.validate());
  for (const std::string& text : a.constraints) {
    Result<Constraint> c = Constraint::parse(text, s.space.names());
    if (!c) return c.status();
    s.constraints.push_back(std::move(*c));
  }
  if (a.random > 0) {
    s.options.method = Method::kRandom;
    s.options.samples = a.random;
  }
  s.options.seed = a.seed;
  s.options.threads = a.threads;
  if (!a.minimize.empty()) {
    s.options.objective = a.minimize;
    s.options.maximize = false;
  } else if (!a.maximize.empty()) {
    s.options.objective = a.maximize;
  }
  NOCODE_RETURN_IF_ERROR(s.options.validate());
  if (a.walk) {
    s.wf.train_bars = a.train_bars;
    s.wf.test_bars = a.test_bars;
    s.wf.folds = a.folds;
    s.wf.anchored = a.anchored;
    NOCODE_RETURN_IF_ERROR(s.wf.validate());
  } else if (a.train_bars || a.test_bars || a.folds || a.anchored) {
    return Status::invalid_argument("--train-bars, --test-bars, --folds and --anchored need --walk-forward");
  }
  return s;
}

Status write_text(const std::string& path, const std::string& text) {
  if (path.empty()) return Status::ok();
  return report::write_file_atomically(path, text);
}

// Best run's report plus the heatmap of the objective.
Status write_optimize_report(const std::string& path, const WorkflowObjective& objective,
                             const OptimizeResult& result, const Setup& s,
                             const std::string& title) {
  if (path.empty()) return Status::ok();
  if (!result.has_best()) return Status::invalid_argument("--report: no set has a best objective");
  Result<engine::WorkflowBacktest> best = objective.run(result.sets[result.best].params, false);
  if (!best) return best.status();
  report::ReportData data = report::backtest_report_data(*best, title);
  data.heatmap = objective_heatmap(result, s.space, s.options);
  std::string best_text;
  for (const std::string& o : s.space.overrides(result.sets[result.best].params)) best_text += " " + o;
  data.notes.push_back("best parameters:" + best_text + " (of " +
                       std::to_string(result.sets.size()) + " sets)");
  return report::write_report(path, data);
}

Status write_walk_forward_report(const std::string& path, const WalkForwardResult& wf,
                                 const std::string& title) {
  if (path.empty()) return Status::ok();
  report::ReportData data;
  data.title = title + " (walk-forward, out of sample)";
  data.timestamps = wf.timestamps;
  data.equity = wf.equity;
  data.notes.push_back(std::to_string(wf.windows.size()) +
                       " windows; each out-of-sample curve starts at the previous window's "
                       "final equity");
  return report::write_report(path, data);
}

int fail(const Status& s) {
  std::cerr << "nocode: " << s.message() << "\n";
  return 1;
}

int run_walk_forward(const OptimizeArgs& a, const Setup& s, const WorkflowObjective& objective,
                     const std::string& title) {
  ParamSet first = s.space.grid_size() > 0 ? s.space.grid_point(0) : ParamSet{};
  if (first.empty()) for (const Dimension& d : s.space.dims) first.push_back(d.lo);
  Result<engine::WorkflowBacktest> base = objective.run(first, true);
  if (!base) return fail(base.status());
  const Frame& bars = *base->bars;
  Result<std::vector<Window>> windows = walk_forward_windows(bars.rows(), s.wf);
  if (!windows) return fail(windows.status());
  Result<std::unique_ptr<WorkflowWindows>> files = WorkflowWindows::make(objective, bars, *windows);
  if (!files) return fail(files.status());
  Result<WalkForwardResult> wf = walk_forward(s.space, s.constraints, s.options, s.wf, bars.rows(),
                                              base->options.cash, (*files)->objective());
  if (!wf) return fail(wf.status());
  const auto& ts = bars.timestamps();
  Status st = write_text(a.csv, walk_forward_csv(*wf, s.space, ts));
  if (st.is_ok()) st = write_walk_forward_report(a.report_path, *wf, title);
  if (!st.is_ok()) return fail(st);
  if (a.format == "json") {
    std::cout << walk_forward_json(*wf, s.space, s.options, ts).dump(2) << "\n";
  } else {
    std::cout << walk_forward_table(*wf, s.space, s.options, ts);
  }
  return 0;
}

int run(const OptimizeArgs& a) {
  Result<Setup> setup = make_setup(a);
  if (!setup) return fail(setup.status());
  workflow::Diagnostics diags;
  Result<workflow::Document> doc = workflow::load_document(a.workflow, diags);
  if (!doc) return fail(doc.status().with_context(a.workflow));
  WorkflowObjectiveOptions wopts;
  wopts.base_overrides = a.sets;
  wopts.backtest.run.data.data_file = a.data_file;
  wopts.backtest.run.data.data_dir = a.data_dir;
  wopts.backtest.cash = a.cash;
  wopts.backtest.commission = a.commission;
  const std::string title = doc->name.empty() ? a.workflow : doc->name;
  const engine::Engine eng(engine::process_cache());
  Result<WorkflowObjective> objective =
      WorkflowObjective::make(std::move(*doc), setup->space, eng, wopts);
  if (!objective) return fail(objective.status().with_context(a.workflow));
  if (a.walk) return run_walk_forward(a, *setup, *objective, title);
  Result<OptimizeResult> result =
      optimize::optimize(setup->space, setup->constraints, setup->options, *objective);
  if (!result) return fail(result.status());
  Status st = write_text(a.csv, results_csv(*result, setup->space));
  if (st.is_ok()) st = write_optimize_report(a.report_path, *objective, *result, *setup, title);
  if (!st.is_ok()) return fail(st);
  if (a.format == "json") {
    std::cout << results_json(*result, setup->space, setup->options).dump(2) << "\n";
  } else {
    std::cout << results_table(*result, setup->space, setup->options);
  }
  return result->has_best() ? 0 : 1;
}

}  // namespace

void add_optimize_command(CLI::App& app, int* exit_code) {
  auto a = std::make_shared<OptimizeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "optimize", "Grid, random or walk-forward search over a workflow's parameters");
  cmd->add_option("workflow", a->workflow, "Workflow document (JSON)")->required();
  auto* data = cmd->add_option("--data", a->data_file, "One CSV file feeding every data source");
  auto* dir = cmd->add_option("--data-dir", a->data_dir, "Directory of market data files");
  data->excludes(dir);
  dir->excludes(data);
  cmd->add_option("--set", a->sets, "Fix a workflow parameter, NAME=VALUE (repeatable)");
  cmd->add_option("--grid", a->grids,
                  "Search a parameter: NAME=START:STOP:STEP (inclusive), NAME=a,b,c or NAME=v");
  cmd->add_option("--random", a->random, "Random search: run N sampled sets (seeded by --seed)");
  cmd->add_option("--range", a->ranges, "Random search range NAME=LO:HI (with --random)");
  cmd->add_option("--constraint", a->constraints,
                  "Admit only sets where EXPR holds, e.g. 'fast<slow' (repeatable)");
  auto* mx = cmd->add_option("--maximize", a->maximize,
                             "Statistic to maximize (default 'Equity Final [$]')");
  auto* mn = cmd->add_option("--minimize", a->minimize, "Statistic to minimize");
  mx->excludes(mn);
  mn->excludes(mx);
  cmd->add_option("--threads", a->threads, "Worker threads (default: all cores)");
  cmd->add_option("--seed", a->seed, "Seed of --random (default 0)");
  cmd->add_option("--cash", a->cash, "Initial cash (overrides the workflow's)");
  cmd->add_option("--commission", a->commission, "Commission rate (overrides the workflow's)");
  cmd->add_option("--csv", a->csv, "Write every set's parameters and statistics as CSV");
  cmd->add_option("--report", a->report_path,
                  "Write an HTML report: heatmap of the objective and the best run");
  cmd->add_flag("--walk-forward", a->walk, "Walk-forward optimization");
  cmd->add_option("--train-bars", a->train_bars, "Walk-forward: in-sample bars per window");
  cmd->add_option("--test-bars", a->test_bars, "Walk-forward: out-of-sample bars per window");
  cmd->add_option("--folds", a->folds, "Walk-forward: number of out-of-sample windows");
  cmd->add_flag("--anchored", a->anchored, "Walk-forward: in-sample windows start at the first bar");
  cmd->add_option("--format", a->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->callback([a, exit_code] { *exit_code = run(*a); });
}

}  // namespace nocode::cli
