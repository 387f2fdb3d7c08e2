#include "cli/run_command.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "data/csv_writer.h"
#include "engine/engine.h"
#include "engine/workflow_backtest.h"
#include "report/backtest_tables.h"
#include "workflow/compiler.h"

namespace nocode::cli {
namespace {

namespace fs = std::filesystem;

struct RunArgs {
  std::string workflow;
  std::string data_file;
  std::string data_dir;
  std::vector<std::string> sets;
  std::string out;
  std::string cache_dir;
  uint64_t cache_max_mb = 1024;
};

TableView table_of(const Frame& f) {
  TableView t;
  t.timestamps = &f.timestamps();
  for (size_t c = 0; c < f.columns(); ++c) {
    t.names.push_back(f.names()[c]);
    t.columns.push_back(&f.column_at(c));
  }
  return t;
}

Status write_file(const fs::path& path, const std::function<void(std::ostream&)>& body) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::io_error("cannot create " + path.string());
  body(out);
  out.flush();
  if (!out) return Status::io_error("cannot write " + path.string());
  return Status::ok();
}

Status write_outputs(const fs::path& dir, const engine::RunResult& r, const nlohmann::ordered_json& summary,
                     const engine::WorkflowBacktest* bt) {
  if (bt) {
    NOCODE_RETURN_IF_ERROR(write_file(dir / "trades.csv", [&](std::ostream& o) { o << report::trades_csv(*bt); }));
    NOCODE_RETURN_IF_ERROR(write_file(dir / "equity.csv", [&](std::ostream& o) { o << report::equity_csv(*bt); }));
  }
  NOCODE_RETURN_IF_ERROR(write_file(dir / "features.csv", [&](std::ostream& o) {
    write_csv(o, table_of(r.features));
  }));
  NOCODE_RETURN_IF_ERROR(write_file(dir / "signals.csv", [&](std::ostream& o) {
    write_csv(o, table_of(r.signals));
  }));
  return write_file(dir / "summary.json", [&](std::ostream& o) { o << summary.dump(2) << "\n"; });
}

// Writes into a temporary sibling of `out`, then renames it into place
// (replacing an existing `out`). Nothing is left behind on failure.
Status publish(const fs::path& out, const engine::RunResult& r, const nlohmann::ordered_json& summary,
               const engine::WorkflowBacktest* bt) {
  std::error_code ec;
  const fs::path parent = out.has_parent_path() ? out.parent_path() : fs::path(".");
  fs::create_directories(parent, ec);
  const fs::path tmp = parent / (out.filename().string() + ".tmp-" + std::to_string(::getpid()));
  fs::remove_all(tmp, ec);
  if (!fs::create_directory(tmp, ec)) return Status::io_error("cannot create " + tmp.string());
  Status s = write_outputs(tmp, r, summary, bt);
  if (s.is_ok()) {
    const fs::path old = parent / (out.filename().string() + ".old-" + std::to_string(::getpid()));
    const bool had_old = fs::exists(out, ec);
    if (had_old) fs::rename(out, old, ec);
    if (!ec) fs::rename(tmp, out, ec);
    if (ec) {
      if (had_old) fs::rename(old, out, ec);
      s = Status::io_error("cannot move the output into " + out.string());
    } else if (had_old) {
      fs::remove_all(old, ec);
    }
  }
  if (!s.is_ok()) fs::remove_all(tmp, ec);
  return s;
}

// A plan with a backtest node and something to trade (its signal inputs
// or action nodes): backtest_plan() runs it (one engine run) and simulates.
bool has_backtest(const workflow::Plan& plan) {
  bool node = false, signal = false, actions = false;
  for (const auto& s : plan.steps) {
    if (s.kind == workflow::StepKind::kAction) actions = true;
    if (s.kind != workflow::StepKind::kBacktest) continue;
    node = true;
    for (const auto& b : s.inputs) signal = signal || b.handle == "signal-input";
  }
  return node && (signal || actions);
}

struct RunOutcome {
  std::optional<engine::RunResult> run;        // without a backtest
  std::optional<engine::WorkflowBacktest> backtest;
  const engine::RunResult& result() const { return backtest ? backtest->run : *run; }
};

Result<RunOutcome> run_plan(const engine::Engine& eng, const workflow::Plan& plan,
                            const engine::RunOptions& ropts) {
  RunOutcome out;
  if (has_backtest(plan)) {
    engine::WorkflowBacktestOptions bopts;
    bopts.run = ropts;
    auto bt = engine::backtest_plan(eng, plan, bopts);
    if (!bt) return bt.status();
    out.backtest = std::move(*bt);
  } else {
    auto r = eng.run(plan, ropts);
    if (!r) return r.status();
    out.run = std::move(*r);
  }
  return out;
}

nlohmann::json diagnostics_json(const workflow::Plan& plan) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : plan.diagnostics.all()) out.push_back(workflow::to_json(d));
  return out;
}

int run(const RunArgs& a) {
  workflow::CompileOptions copts;
  copts.overrides = a.sets;
  const workflow::Plan plan = workflow::compile_file(a.workflow, copts);
  for (const auto& d : plan.diagnostics.all()) {
    if (d.severity != workflow::Severity::kInfo) std::cerr << workflow::to_string(d) << "\n";
  }
  if (!plan.ok()) {
    std::cerr << "nocode: " << a.workflow << ": the workflow has errors; nothing was run\n";
    return 1;
  }
  engine::RunOptions ropts;
  ropts.data.data_file = a.data_file;
  ropts.data.data_dir = a.data_dir;
  ropts.disk_cache.dir = a.cache_dir;
  ropts.disk_cache.max_bytes = a.cache_max_mb << 20;
  if (Status s = ropts.disk_cache.validate(); !s.is_ok()) {
    std::cerr << "nocode: " << s.message() << "\n";
    return 1;
  }
  const bool tty = show_progress_on_tty(ropts);
  const engine::Engine eng(engine::process_cache());
  Result<RunOutcome> r = run_plan(eng, plan, ropts);
  if (tty) std::cerr << "\r\033[K" << std::flush;
  if (!r) {
    std::cerr << "nocode: " << r.status().message() << "\n";
    return 1;
  }
  const engine::RunResult& run = r->result();
  // Ordered, so the backtest statistics keep backtesting.py's order.
  auto summary = nlohmann::ordered_json::parse(engine::summary_json(run).dump());
  summary["diagnostics"] = nlohmann::ordered_json::parse(diagnostics_json(plan).dump());
  if (r->backtest) summary["backtest"] = r->backtest->statistics.to_json();
  if (a.out.empty()) {
    std::cout << summary.dump(2) << "\n";
    return 0;
  }
  Status s = publish(a.out, run, summary, r->backtest ? &*r->backtest : nullptr);
  if (!s.is_ok()) {
    std::cerr << "nocode: " << s.message() << "\n";
    return 1;
  }
  std::cout << "wrote " << a.out << ": " << run.features.rows() << " rows, "
            << run.features.columns() << " feature columns, " << run.signals.columns()
            << " signal columns, " << run.counters.computed << " nodes run, "
            << run.counters.cache_hits << " cache hits";
  if (!a.cache_dir.empty()) std::cout << " (" << run.counters.disk_hits << " from " << a.cache_dir << ")";
  std::cout << "\n";
  return 0;
}

}  // namespace

namespace {

std::string loss_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

bool show_progress_on_tty(engine::RunOptions& options) {
  if (::isatty(2) != 1) return false;
  options.progress = [](size_t i, size_t total, const workflow::Step& s, bool cached) {
    std::cerr << "\r\033[K[" << (i + 1) << "/" << total << "] " << s.node_id << " (" << s.type
              << ")" << (cached ? " cached" : "") << std::flush;
    if (i + 1 == total) std::cerr << "\n";
  };
  options.training = [](const workflow::Step& s, const ml::TrainingProgress& p) {
    std::cerr << "\r\033[K" << s.node_id << ": round " << p.step << "/" << p.total;
    if (!std::isnan(p.train_loss)) std::cerr << " train " << loss_text(p.train_loss);
    if (!std::isnan(p.validation_loss)) std::cerr << " valid " << loss_text(p.validation_loss);
    std::cerr << std::flush;
  };
  return true;
}

void add_run_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Run a workflow over market data");
  cmd->add_option("workflow", args->workflow, "Workflow document (JSON)")->required();
  auto* data = cmd->add_option("--data", args->data_file, "One CSV file feeding every data source");
  auto* dir = cmd->add_option("--data-dir", args->data_dir,
                              "Directory of DIR/<SYMBOL>/<timeframe>.csv or "
                              "DIR/<SYMBOL>_<timeframe>.csv files (and customDataset files)");
  data->excludes(dir);
  dir->excludes(data);
  cmd->add_option("--set", args->sets, "Override a workflow parameter, NAME=VALUE (repeatable)");
  cmd->add_option("--out", args->out,
                  "Write features.csv, signals.csv and summary.json into this directory");
  cmd->add_option("--cache-dir", args->cache_dir,
                  "Keep node outputs in this directory so a later run (a new process) "
                  "recomputes only what changed");
  cmd->add_option("--cache-max-mb", args->cache_max_mb,
                  "Size cap of --cache-dir in MiB, least recently used files evicted "
                  "(default 1024; 0 = no cap)");
  cmd->callback([args, exit_code] { *exit_code = run(*args); });
}

}  // namespace nocode::cli
