// Workflow benchmark: compiler speed on a generated 200-node graph, and the
// engine's overhead over the bare indicator kernels it calls.
//
// compile_200_nodes: parse_document + compile of large_workflow() (its JSON
// text), median of --reps.
// engine_*: feature_workflow(30) (dataSource -> 30 indicators -> output) run by
// Engine::run over 50 daily series of 2520 bars and over one 1M-bar intraday
// series. CSV loading is excluded: a first run loads each file, then every
// timed run gets a fresh NodeCache holding only that data step's output, so
// the data step is a cache hit and every indicator is recomputed. The bare
// side calls the same distinct (spec, params) kernels the plan's bindings
// name (spec->batch) on the same Frame columns into preallocated, pre-touched
// outputs. Both are single-threaded (the engine runs steps in plan order on
// the calling thread). The engine time is split with the progress callback
// into data step, indicator steps and the final gather of columns (in a
// separate instrumented run; the timed runs have no callback). The engine's
// kernels write into its BufferPool (src/engine/buffer_pool.h), which after
// the first pass holds touched buffers, as the bare side's are; releasing a
// run's outputs (the fresh cache going away) happens after the clock stops.
// Times are thread CPU time (CLOCK_THREAD_CPUTIME_ID), not wall time: the
// machines this runs on are shared.
#include <malloc.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bench_common.h"
#include "data/timestamp.h"
#include "engine/engine.h"
#include "indicators/registry.h"
#include "workflow/compiler.h"
#include "workflow/document.h"
#include "workflow_docs.h"

namespace nocode::bench {
namespace {

namespace fs = std::filesystem;
namespace ind = nocode::indicators;
using workflow::Plan;
using workflow::StepKind;

const char* kUsage =
    "usage: bench_workflow [--reps=5] [--symbols=50] [--daily-bars=2520] [--intraday-bars=1M]\n"
    "                      [--indicators=30] [--dir=PATH] [--keep-heap=1] [--results=PATH]\n"
    "                      [--note=TEXT]\n"
    "  --reps      runs per measurement, median reported; env NOCODE_BENCH_REPS (default 5)\n"
    "  --keep-heap keep freed memory in the process (glibc mmap/trim thresholds raised), so\n"
    "              runs reuse touched pages instead of page-faulting fresh ones (diagnostic)\n"
    "  --dir       where the generated CSV files go (default: a temp dir, removed after)\n"
    "  --results   rewrite the workflow section of this Markdown file (bench/RESULTS.md)\n";

// Thread CPU time: on a shared machine it leaves out the time this thread
// waited for a core (preemption), which wall time would charge to whichever
// side happened to be running.
double cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

double minor_faults() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_minflt);
}

Plan compile_text(const std::string& text) {
  workflow::Diagnostics diags;
  Result<workflow::Document> doc = workflow::parse_document(text, diags);
  if (!doc) return Plan{};
  return workflow::compile(*doc);
}

void die_on_errors(const Plan& plan, const char* what) {
  if (plan.ok() && !plan.steps.empty()) return;
  std::cerr << what << ": the generated workflow does not compile:\n";
  for (const auto& d : plan.diagnostics.all()) std::cerr << "  " << workflow::to_string(d) << "\n";
  std::exit(1);
}

double bench_compile(int reps, size_t* steps) {
  const std::string text = large_workflow().dump();
  std::vector<double> t;
  for (int r = 0; r < reps; ++r) {
    const double t0 = cpu_ns();
    Plan plan = compile_text(text);
    t.push_back(cpu_ns() - t0);
    die_on_errors(plan, "compile_200_nodes");
    *steps = plan.steps.size();
  }
  return median(t) / 1e6;
}

// One distinct kernel call of the plan: what the engine's indicator runner
// computes (a spec with its parameters, reading OHLCV columns).
struct Kernel {
  const ind::IndicatorSpec* spec;
  ind::Params params;
};

std::vector<Kernel> plan_kernels(const Plan& plan) {
  std::vector<Kernel> out;
  for (const auto& step : plan.steps) {
    if (step.kind != StepKind::kIndicator || !step.indicator) continue;
    const auto& b = *step.indicator;
    std::map<std::pair<const ind::IndicatorSpec*, std::vector<double>>, bool> seen;
    for (const auto& o : b.outputs) {
      const ind::IndicatorSpec* spec = o.spec ? o.spec : b.spec;
      const auto& values = o.spec ? o.params.values : b.params.values;
      if (!seen.emplace(std::make_pair(spec, values), true).second) continue;
      ind::Params p;
      p.values = values;
      out.push_back({spec, p});
    }
  }
  return out;
}

const std::vector<double>& column_for(const Frame& bars, ind::InputKind k) {
  switch (k) {
    case ind::InputKind::kOpen: return bars.open();
    case ind::InputKind::kHigh: return bars.high();
    case ind::InputKind::kLow: return bars.low();
    case ind::InputKind::kVolume: return bars.volume();
    case ind::InputKind::kReal1: return bars.open();
    default: return bars.close();
  }
}

// Timings of one pass over every series (ns, summed over series).
struct Pass {
  double engine = 0, data_step = 0, indicator_steps = 0, gather = 0;
  double bare = 0;
  double engine_faults = 0, bare_faults = 0;  // minor page faults
  std::vector<double> per_step;    // ns per plan step (index 0: data step)
  std::vector<double> per_kernel;  // bare ns per kernel
};

struct Series {
  std::string csv;
  std::shared_ptr<const engine::StepOutput> data_output;  // the loaded bars
  uint64_t data_key = 0;
};

// One engine run on a fresh cache holding only the data step's output.
// `split`: also time every step through the progress callback (a CPU-clock
// read per step, itself ~0.5 us); the timed passes run without it, so the
// engine total carries no instrumentation, and a separate instrumented run
// gives the split.
double engine_once(const Plan& plan, const Series& s, Pass& p, bool split) {
  engine::NodeCache cache;
  cache.put(s.data_key, s.data_output);
  const engine::Engine eng(cache);
  engine::RunOptions opt;
  opt.data.data_file = s.csv;
  std::vector<double> marks;
  marks.reserve(plan.steps.size());
  if (split) opt.progress = [&](size_t, size_t, const workflow::Step&, bool) { marks.push_back(cpu_ns()); };
  const double f0 = split ? 0 : minor_faults();
  const double t0 = cpu_ns();
  Result<engine::RunResult> r = eng.run(plan, opt);
  const double t1 = cpu_ns();
  if (!split) p.engine_faults += minor_faults() - f0;
  if (!r || r->counters.cache_hits != 1) {
    std::cerr << "engine run failed or data step not cached: "
              << (r ? "hits " + std::to_string(r->counters.cache_hits) : r.status().message())
              << "\n";
    std::exit(1);
  }
  if (!split) return t1 - t0;
  p.per_step.resize(marks.size(), 0.0);
  for (size_t k = 0; k < marks.size(); ++k) p.per_step[k] += marks[k] - (k ? marks[k - 1] : t0);
  p.data_step += marks.front() - t0;
  p.indicator_steps += marks.back() - marks.front();  // includes the output sink (no work)
  p.gather += t1 - marks.back();
  return t1 - t0;
}

void bare_once(const std::vector<Kernel>& kernels, const Frame& bars,
               std::vector<std::vector<double>>& outs, Pass& p) {
  std::vector<double*> out_ptrs;
  for (auto& v : outs) out_ptrs.push_back(v.data());
  const double f0 = minor_faults();
  const double t0 = cpu_ns();
  p.per_kernel.resize(kernels.size(), 0.0);
  for (size_t j = 0; j < kernels.size(); ++j) {
    const Kernel& k = kernels[j];
    const double* in[8];
    for (size_t i = 0; i < k.spec->inputs.size(); ++i) in[i] = column_for(bars, k.spec->inputs[i]).data();
    const double k0 = cpu_ns();
    k.spec->batch(in, bars.rows(), k.params, out_ptrs.data());
    p.per_kernel[j] += cpu_ns() - k0;
  }
  p.bare += cpu_ns() - t0;
  p.bare_faults += minor_faults() - f0;
}

struct EngineResult {
  Pass median;
  double best_engine = 0, best_bare = 0;  // the fastest pass of each side (ms)
  std::string slowest;       // the slowest steps of the median pass
  std::string slowest_bare;  // its slowest bare kernels
  size_t kernels = 0, rows = 0, series = 0;
};

// Loads each series once (cold run), then `reps` interleaved passes.
EngineResult bench_engine(const Plan& plan, std::vector<Series>& series, int reps) {
  EngineResult res;
  res.kernels = plan_kernels(plan).size();
  res.series = series.size();
  const std::vector<Kernel> kernels = plan_kernels(plan);
  for (Series& s : series) {
    engine::NodeCache cold;
    engine::RunOptions opt;
    opt.data.data_file = s.csv;
    Result<engine::RunResult> r = engine::Engine(cold).run(plan, opt);
    if (!r) {
      std::cerr << s.csv << ": " << r.status().message() << "\n";
      std::exit(1);
    }
    // Same work on both sides: the data step's load plus exactly our kernel calls.
    if (r->counters.kernel_executions != kernels.size() + 1) {
      std::cerr << "engine ran " << r->counters.kernel_executions << " kernels, expected "
                << kernels.size() + 1 << "\n";
      std::exit(1);
    }
    s.data_key = std::strtoull(r->steps.front().cache_key.c_str(), nullptr, 16);
    s.data_output = cold.find(s.data_key);
    res.rows += s.data_output->by_handle.at("data-output").bars->rows();
  }
  size_t max_rows = 0, max_outs = 1;
  for (const Series& s : series) max_rows = std::max(max_rows, s.data_output->by_handle.at("data-output").bars->rows());
  for (const Kernel& k : kernels) max_outs = std::max(max_outs, k.spec->outputs.size());
  std::vector<std::vector<double>> outs(max_outs, std::vector<double>(max_rows, 0.0));
  std::vector<Pass> passes(reps);
  for (Pass& p : passes) {
    for (const Series& s : series) {
      const Frame& bars = *s.data_output->by_handle.at("data-output").bars;
      p.engine += engine_once(plan, s, p, false);
      engine_once(plan, s, p, true);  // the split (instrumented, not in p.engine)
      bare_once(kernels, bars, outs, p);
    }
  }
  auto med = [&](double Pass::*field) {
    std::vector<double> v;
    for (const Pass& p : passes) v.push_back(p.*field / 1e6);
    return median(v);
  };
  for (double Pass::*f : {&Pass::engine, &Pass::data_step, &Pass::indicator_steps, &Pass::gather,
                          &Pass::bare, &Pass::engine_faults, &Pass::bare_faults})
    res.median.*f = med(f);
  res.best_engine = res.best_bare = 1e300;
  for (const Pass& p : passes) {
    res.best_engine = std::min(res.best_engine, p.engine / 1e6);
    res.best_bare = std::min(res.best_bare, p.bare / 1e6);
  }
  // Slowest steps of the pass closest to the median engine time.
  const Pass* mid = &passes[0];
  for (const Pass& p : passes)
    if (std::abs(p.engine / 1e6 - res.median.engine) < std::abs(mid->engine / 1e6 - res.median.engine)) mid = &p;
  std::vector<size_t> order(mid->per_step.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return mid->per_step[a] > mid->per_step[b]; });
  for (size_t k = 0; k < order.size() && k < 4; ++k) {
    const auto& step = plan.steps[order[k]];
    res.slowest += (k ? ", " : "") + step.node_id +
                   (step.indicator ? " (" + step.indicator->editor_name + ")" : "") + " " +
                   fmt(mid->per_step[order[k]] / 1e6) + " ms";
  }
  std::vector<size_t> korder(kernels.size());
  for (size_t k = 0; k < korder.size(); ++k) korder[k] = k;
  std::sort(korder.begin(), korder.end(), [&](size_t a, size_t b) { return mid->per_kernel[a] > mid->per_kernel[b]; });
  for (size_t k = 0; k < korder.size() && k < 4; ++k)
    res.slowest_bare += (k ? ", " : "") + kernels[korder[k]].spec->name + " " +
                        fmt(mid->per_kernel[korder[k]] / 1e6) + " ms";
  return res;
}

// Plan whose data step keeps every bar (the editor caps `bars` at 50000).
Plan feature_plan(size_t indicators, size_t rows) {
  Plan plan = compile_text(feature_workflow(indicators).dump());
  die_on_errors(plan, "feature workflow");
  for (auto& step : plan.steps)
    if (step.kind == StepKind::kDataSource) step.params["bars"] = static_cast<double>(rows);
  return plan;
}

std::string engine_line(const std::string& name, const EngineResult& r) {
  const Pass& m = r.median;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s: engine %s ms, bare kernels %s ms, overhead %s%%", name.c_str(),
                fmt(m.engine).c_str(), fmt(m.bare).c_str(), fmt(100.0 * (m.engine / m.bare - 1), 1).c_str());
  return buf;
}

std::string engine_detail(const EngineResult& r) {
  const Pass& m = r.median;
  std::ostringstream out;
  out << r.series << " series, " << r.rows << " bars in all, " << r.kernels
      << " kernel calls per series; fastest pass: engine " << fmt(r.best_engine) << " ms, bare "
      << fmt(r.best_bare) << " ms, overhead " << fmt(100.0 * (r.best_engine / r.best_bare - 1), 1)
      << "%; engine split: data step (cache hit) " << fmt(m.data_step)
      << " ms, indicator steps " << fmt(m.indicator_steps) << " ms, gather " << fmt(m.gather)
      << " ms; minor page faults per pass: engine " << fmt(m.engine_faults * 1e6, 0) << ", bare "
      << fmt(m.bare_faults * 1e6, 0) << "; slowest steps: " << r.slowest
      << "; slowest bare kernels: " << r.slowest_bare;
  return out.str();
}

int run(int argc, char** argv) {
  const Flags flags = parse_flags(
      argc, argv, {"reps", "symbols", "daily-bars", "intraday-bars", "indicators", "dir", "keep-heap", "results",
       "note"}, kUsage);
  const int reps = std::max(1, std::atoi(flags.get("reps", env_or("NOCODE_BENCH_REPS", "5")).c_str()));
  const size_t symbols = std::max(1, std::atoi(flags.get("symbols", "50").c_str()));
  const size_t daily = parse_sizes(flags.get("daily-bars", "2520")).at(0);
  const size_t intraday = parse_sizes(flags.get("intraday-bars", "1M")).at(0);
  const size_t indicators = std::max(1, std::atoi(flags.get("indicators", "30").c_str()));
  const bool keep_heap = flags.get("keep-heap", "0") != "0";
  if (keep_heap) {
    mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's maximum
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
  }
  const bool own_dir = !flags.has("dir");
  const fs::path dir = own_dir ? fs::temp_directory_path() / ("nocode-bench-wf-" + std::to_string(::getpid()))
                               : fs::path(flags.get("dir"));
  fs::create_directories(dir);
  const std::string load_start = loadavg();
  std::cout << "nocode workflow benchmark: median of " << reps << ", thread CPU time"
            << (keep_heap ? ", --keep-heap" : "") << "\nmachine: " << machine_description()
            << "\nload average at start: " << load_start << "\n" << std::flush;

  size_t compiled_steps = 0;
  const double compile_ms = bench_compile(reps, &compiled_steps);
  char line1[96];
  std::snprintf(line1, sizeof line1, "compile_200_nodes: %s ms", fmt(compile_ms, 3).c_str());
  std::cout << line1 << "  (" << compiled_steps << " plan steps after optimisation)\n" << std::flush;

  const int64_t kDay = 86400LL * 1000000000LL, kMinute = 60LL * 1000000000LL;
  const int64_t start = days_from_civil(2010, 1, 4) * kDay;
  std::vector<Series> daily_series;
  for (size_t s = 0; s < symbols; ++s) {
    const std::string path = (dir / ("SYN" + std::to_string(s) + ".csv")).string();
    if (!write_bars_csv(path, make_ou_bars(daily, 1000 + s), start, kDay)) return 1;
    daily_series.push_back({path, nullptr, 0});
  }
  const EngineResult d = bench_engine(feature_plan(indicators, daily), daily_series, reps);
  const std::string line2 =
      engine_line("engine_" + std::to_string(symbols) + "x" + std::to_string(daily / 252) + "y", d);
  std::cout << line2 << "\n  " << engine_detail(d) << "\n" << std::flush;

  std::vector<Series> intra{{(dir / "SYNI.csv").string(), nullptr, 0}};
  if (!write_bars_csv(intra[0].csv, make_ou_bars(intraday, 7), start, kMinute)) return 1;
  const EngineResult i = bench_engine(feature_plan(indicators, intraday), intra, reps);
  const std::string line3 = engine_line("engine_" + size_label(intraday) + "_intraday", i);
  std::cout << line3 << "\n  " << engine_detail(i) << "\n";
  if (own_dir) fs::remove_all(dir);
  const std::string load_end = loadavg();
  std::cout << "load average at end: " << load_end << "\n";

  if (flags.has("results") && !flags.get("results").empty()) {
    std::ostringstream md;
    md << "## Workflow\n\n- date: " << utc_now() << "\n- machine: " << machine_description()
       << "\n- load average (1/5/15 min): " << load_start << " at start, " << load_end << " at end\n";
    if (!env_or("NOCODE_BENCH_REVISION", "").empty())
      md << "- source: " << env_or("NOCODE_BENCH_REVISION", "") << "\n";
    md << "- compile: parse_document + compile of a generated 200-node editor graph (1 data "
          "source, 99 indicators, 60 conditions, 30 logic gates, 9 actions, 1 output), median of "
       << reps << "\n- engine: a dataSource -> " << indicators
       << " technicalIndicator -> output workflow; CSV loading excluded (each timed run starts "
          "from a fresh cache holding only the loaded bars); bare = the same distinct kernel "
          "calls (spec->batch) into preallocated outputs; single-threaded; thread CPU time; median of "
       << reps << (keep_heap ? "\n- --keep-heap: freed memory kept in the process" : "")
       << "\n- " << line2 << ": " << engine_detail(d) << "\n- " << line3 << ": "
       << engine_detail(i) << "\n";
    if (!flags.get("note").empty()) md << "- note: " << flags.get("note") << "\n";
    md << "\n```\n" << line1 << "\n" << line2 << "\n" << line3 << "\n```\n";
    if (write_results_section(flags.get("results"), "workflow", md.str()))
      std::cout << "wrote " << flags.get("results") << "\n";
  }
  std::cout << line1 << "\n" << line2 << "\n" << line3 << std::endl;
  return 0;
}

}  // namespace
}  // namespace nocode::bench

int main(int argc, char** argv) { return nocode::bench::run(argc, argv); }
