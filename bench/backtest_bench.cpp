// Backtest benchmark (issue 4), side by side with backtesting.py's numbers
// from the issue (measured on this kind of machine; backtesting.py itself is
// not run here):
//
// sma_cross_1m: examples/workflows/sma_cross.json (SMA 10/20 cross, all-in
//   long/short) on 1M synthetic 1-minute bars through the workflow path:
//   engine::backtest_plan = engine run (data step, both SMAs, both cross
//   conditions, action fires) + simulator + statistics. The bars are already
//   loaded: each timed run gets a fresh NodeCache holding only the loaded data
//   step, so the indicators are recomputed every time. The plan is compiled
//   once. Also printed: the direct core path (SmaCrossStrategy +
//   run_backtest + compute_statistics on the same bars). Reference:
//   backtesting.py 7.3 s.
// grid_goog_50: nocode optimize's path for fast 5..25 step 5, slow 10..65
//   step 5, fast<slow (50 sets) on GOOG: per set compile + backtest_plan
//   (statistics only), every core, one shared NodeCache that starts holding
//   only the loaded GOOG bars. Also the direct core path through the same
//   optimizer. Reference: backtesting.py 0.87 s with 2 processes.
// Times are wall-clock medians (the grid runs on several threads); the
// machine may be shared, so the load average is printed.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "backtest/simulator.h"
#include "backtest/sma_cross.h"
#include "bench_common.h"
#include "data/csv_loader.h"
#include "data/timestamp.h"
#include "engine/engine.h"
#include "engine/workflow_backtest.h"
#include "optimize/optimizer.h"
#include "optimize/workflow_objective.h"
#include "workflow/compiler.h"
#include "workflow/document.h"
#include "workflow_docs.h"

namespace nocode::bench {
namespace {

namespace fs = std::filesystem;

const char* kUsage =
    "usage: bench_backtest [--reps=5] [--bars=1M] [--threads=0] [--results=PATH] [--note=TEXT]\n"
    "  --reps     runs per measurement, median reported; env NOCODE_BENCH_REPS (default 5)\n"
    "  --bars     bars of the synthetic 1-minute series (default 1M)\n"
    "  --threads  grid threads (default 0 = every core)\n"
    "  --results  rewrite the backtest section of this Markdown file (bench/RESULTS.md)\n";

constexpr double kPyBacktestMs = 7300, kPyGridMs = 870;

[[noreturn]] void die(const std::string& what, const Status& s) {
  std::cerr << "bench_backtest: " << what << ": " << s.message() << "\n";
  std::exit(1);
}

// The example workflow; with `custom_data` its dataSource (at most 50000
// bars) becomes a customDataset reading the --data file whole.
workflow::Document example_document(bool custom_data = false) {
  std::ifstream in(std::string(NOCODE_BENCH_SOURCE_DIR) + "/examples/workflows/sma_cross.json");
  nlohmann::json j = nlohmann::json::parse(in);
  for (auto& node : j["workflow_data"]["nodes"]) {
    if (custom_data && node["type"] == "dataSource") {
      node["type"] = "customDataset";
      node["data"]["parameters"] = {{"fileName", "bars.csv"}};
    }
  }
  workflow::Diagnostics diags;
  Result<workflow::Document> doc = workflow::parse_document(j, diags);
  if (!doc) die("sma_cross.json", doc.status());
  return *doc;
}

// Runs once on `warm` and returns the cache key of the data step's output.
uint64_t data_key(const engine::WorkflowBacktest& bt) {
  for (const engine::StepRecord& s : bt.run.steps) {
    if (s.type == "dataSource" || s.type == "customDataset") return std::stoull(s.cache_key, nullptr, 16);
  }
  std::cerr << "bench_backtest: no data step\n";
  std::exit(1);
}

void seed_cache(engine::NodeCache& from, uint64_t key, engine::NodeCache& to) {
  to.put(key, from.find(key));
}

struct Timing {
  double workflow_ms = 0, direct_ms = 0;
  double equity_workflow = 0, equity_direct = 0;
};

Timing bench_sma_1m(const std::string& csv, int reps) {
  const workflow::Plan plan = workflow::compile(example_document(true));
  if (!plan.ok()) die("compile", Status::invalid_argument("sma_cross.json does not compile"));
  engine::WorkflowBacktestOptions opts;
  opts.run.data.data_file = csv;
  opts.statistics_only = true;
  engine::NodeCache warm;
  Result<engine::WorkflowBacktest> first = engine::backtest_plan(engine::Engine(warm), plan, opts);
  if (!first) die("sma_cross_1m", first.status());
  const uint64_t key = data_key(*first);
  Timing t;
  std::vector<double> times;
  for (int r = 0; r < reps; ++r) {
    engine::NodeCache cache;
    seed_cache(warm, key, cache);
    const engine::Engine eng(cache);
    const double t0 = now_ns();
    Result<engine::WorkflowBacktest> bt = engine::backtest_plan(eng, plan, opts);
    times.push_back(now_ns() - t0);
    if (!bt) die("sma_cross_1m", bt.status());
    t.equity_workflow = bt->statistics.find("Equity Final [$]")->number;
  }
  t.workflow_ms = median(times) / 1e6;
  const std::shared_ptr<const Frame> bars = first->bars;
  const backtest::MarketData md = *backtest::MarketData::from_frame(*bars);
  if (md.size != bars->rows() || md.size < 2) die("sma_cross_1m", Status::internal("no bars"));
  times.clear();
  backtest::BacktestResult result;
  for (int r = 0; r < reps; ++r) {
    const double t0 = now_ns();
    backtest::SmaCrossStrategy s({md.close, md.size}, 10, 20);
    Status st = backtest::run_backtest(md, s, backtest::BacktestOptions{}, result);
    const backtest::Statistics stats = backtest::compute_statistics(md, result);
    times.push_back(now_ns() - t0);
    if (!st.is_ok()) die("direct", st);
    t.equity_direct = stats.find("Equity Final [$]")->number;
  }
  t.direct_ms = median(times) / 1e6;
  return t;
}

optimize::ParameterSpace grid_space() {
  optimize::ParameterSpace s;
  s.dims.push_back(*optimize::parse_grid_spec("fast=5:25:5"));
  s.dims.push_back(*optimize::parse_grid_spec("slow=10:65:5"));
  return s;
}

struct GridTiming {
  double workflow_ms = 0, direct_ms = 0;
  double compile_ms = 0;  // compiling the 50 plans on one thread
  size_t sets = 0, threads = 0;
  std::string best_workflow, best_direct;
};

std::string best_text(const optimize::OptimizeResult& r) {
  if (!r.has_best()) return "none";
  const auto& p = r.sets[r.best].params;
  return "fast=" + std::to_string(int(p[0])) + " slow=" + std::to_string(int(p[1]));
}

GridTiming bench_grid(int reps, size_t threads) {
  const std::string goog = std::string(NOCODE_BENCH_SOURCE_DIR) + "/examples/data/GOOG.csv";
  const optimize::ParameterSpace space = grid_space();
  const std::vector<optimize::Constraint> cs{*optimize::Constraint::parse("fast<slow", space.names())};
  optimize::OptimizeOptions options;
  options.threads = threads;
  optimize::WorkflowObjectiveOptions wopts;
  wopts.backtest.run.data.data_file = goog;
  engine::NodeCache warm;
  const engine::Engine warm_engine(warm);
  auto warm_obj = optimize::WorkflowObjective::make(example_document(), space, warm_engine, wopts);
  if (!warm_obj) die("grid", warm_obj.status());
  Result<engine::WorkflowBacktest> first = warm_obj->run({10, 20}, true);
  if (!first) die("grid", first.status());
  const uint64_t key = data_key(*first);
  GridTiming g;
  g.threads = optimize::resolve_threads(options, 50);
  std::vector<double> times;
  for (int r = 0; r < reps; ++r) {
    engine::NodeCache cache;
    seed_cache(warm, key, cache);
    const engine::Engine eng(cache);
    auto obj = optimize::WorkflowObjective::make(example_document(), space, eng, wopts);
    if (!obj) die("grid", obj.status());
    const double t0 = now_ns();
    auto result = optimize::optimize(space, cs, options, *obj);
    times.push_back(now_ns() - t0);
    if (!result) die("grid", result.status());
    g.sets = result->sets.size();
    g.best_workflow = best_text(*result);
  }
  g.workflow_ms = median(times) / 1e6;
  times.clear();
  Result<std::vector<optimize::ParamSet>> sets = optimize::candidates(space, cs, options);
  for (int r = 0; r < reps; ++r) {  // the compile share, single-threaded
    const double t0 = now_ns();
    for (const optimize::ParamSet& p : *sets) (void)warm_obj->compile(p);
    times.push_back(now_ns() - t0);
  }
  g.compile_ms = median(times) / 1e6;
  const backtest::MarketData md = *backtest::MarketData::from_frame(*first->bars);
  times.clear();
  for (int r = 0; r < reps; ++r) {
    const double t0 = now_ns();
    auto result = optimize::optimize(space, cs, options, [&](const optimize::ParamSet& p)
                                         -> Result<backtest::Statistics> {
      backtest::SmaCrossStrategy s({md.close, md.size}, size_t(p[0]), size_t(p[1]));
      auto res = backtest::run_backtest(md, s, backtest::BacktestOptions{});
      if (!res) return res.status();
      return backtest::compute_statistics(md, *res);
    });
    times.push_back(now_ns() - t0);
    if (!result) die("grid direct", result.status());
    g.best_direct = best_text(*result);
  }
  g.direct_ms = median(times) / 1e6;
  return g;
}

std::string ratio(double reference_ms, double ours_ms) {
  return fmt(reference_ms / ours_ms, 0) + "x faster than backtesting.py";
}

int run(int argc, char** argv) {
  const Flags flags = parse_flags(argc, argv, {"reps", "bars", "threads", "results", "note"}, kUsage);
  const int reps = std::max(1, std::atoi(flags.get("reps", env_or("NOCODE_BENCH_REPS", "5")).c_str()));
  const size_t bars = parse_sizes(flags.get("bars", "1M")).at(0);
  const size_t threads = static_cast<size_t>(std::atoi(flags.get("threads", "0").c_str()));
  const std::string load_start = loadavg();
  std::cout << "nocode backtest benchmark: median of " << reps << ", wall time\nmachine: "
            << machine_description() << "\nload average at start: " << load_start << "\n"
            << std::flush;
  const fs::path dir = fs::temp_directory_path() / ("nocode-bench-bt-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string csv = (dir / "SYN1M.csv").string();
  const int64_t start = days_from_civil(2010, 1, 4) * 86400LL * 1000000000LL;
  if (!write_bars_csv(csv, make_ou_bars(bars, 7), start, 60LL * 1000000000LL)) return 1;
  const Timing t = bench_sma_1m(csv, reps);
  fs::remove_all(dir);
  const std::string name1 = bars == 1000000 ? "sma_cross_1m" : "sma_cross_" + size_label(bars);
  const std::string line1 = name1 + ": " + fmt(t.workflow_ms, 2) + " ms";
  std::cout << line1 << "  (" << bars << " bars, workflow path; direct core path " << fmt(t.direct_ms, 2)
            << " ms; backtesting.py 7300 ms at 1M bars: "
            << (bars == 1000000 ? ratio(kPyBacktestMs, t.workflow_ms) : std::string("no ratio at this size"))
            << "; final equity workflow " << fmt(t.equity_workflow) << " = direct "
            << fmt(t.equity_direct) << ")\n" << std::flush;
  const GridTiming g = bench_grid(reps, threads);
  const std::string line2 = "grid_goog_50: " + fmt(g.workflow_ms, 2) + " ms";
  std::cout << line2 << "  (" << g.sets << " sets, " << g.threads
            << " threads, workflow path; of which compiling the 50 plans "
            << fmt(g.compile_ms, 2) << " ms on one thread; direct core path " << fmt(g.direct_ms, 2)
            << " ms; backtesting.py 870 ms: " << ratio(kPyGridMs, g.workflow_ms) << "; best "
            << g.best_workflow << ", direct " << g.best_direct << ")\n";
  const std::string load_end = loadavg();
  std::cout << "load average at end: " << load_end << "\n";
  if (flags.has("results") && !flags.get("results").empty()) {
    std::ostringstream md;
    md << "## Backtest\n\n- date: " << utc_now() << "\n- machine: " << machine_description()
       << "\n- load average (1/5/15 min): " << load_start << " at start, " << load_end << " at end\n";
    if (!env_or("NOCODE_BENCH_REVISION", "").empty())
      md << "- source: " << env_or("NOCODE_BENCH_REVISION", "") << "\n";
    md << "- sma_cross_1m: examples/workflows/sma_cross.json (SMA 10/20) on " << bars
       << " synthetic 1-minute bars via engine::backtest_plan, bars already loaded, indicators "
          "recomputed every run; wall time, median of " << reps << ": " << fmt(t.workflow_ms, 2)
       << " ms (direct SmaCrossStrategy path " << fmt(t.direct_ms, 2)
       << " ms); backtesting.py 7.3 s (issue 4): " << ratio(kPyBacktestMs, t.workflow_ms) << "\n"
       << "- grid_goog_50: fast 5..25/5 x slow 10..65/5, fast<slow = " << g.sets
       << " sets on GOOG, compile + backtest_plan per set, one shared NodeCache, " << g.threads
       << " threads; wall time, median of " << reps << ": " << fmt(g.workflow_ms, 2)
       << " ms (compiling the 50 plans alone: " << fmt(g.compile_ms, 2)
       << " ms on one thread; direct path " << fmt(g.direct_ms, 2) << " ms); backtesting.py 0.87 s with 2 "
          "processes (issue 4): " << ratio(kPyGridMs, g.workflow_ms) << "\n";
    if (!flags.get("note").empty()) md << "- note: " << flags.get("note") << "\n";
    md << "\n```\n" << line1 << "\n" << line2 << "\n```\n";
    if (write_results_section(flags.get("results"), "backtest", md.str()))
      std::cout << "wrote " << flags.get("results") << "\n";
  }
  std::cout << line1 << "\n" << line2 << std::endl;
  return 0;
}

}  // namespace
}  // namespace nocode::bench

int main(int argc, char** argv) { return nocode::bench::run(argc, argv); }
