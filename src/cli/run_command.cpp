#include "cli/run_command.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "data/csv_writer.h"
#include "engine/engine.h"
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

Status write_outputs(const fs::path& dir, const engine::RunResult& r, const nlohmann::json& summary) {
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
Status publish(const fs::path& out, const engine::RunResult& r, const nlohmann::json& summary) {
  std::error_code ec;
  const fs::path parent = out.has_parent_path() ? out.parent_path() : fs::path(".");
  fs::create_directories(parent, ec);
  const fs::path tmp = parent / (out.filename().string() + ".tmp-" + std::to_string(::getpid()));
  fs::remove_all(tmp, ec);
  if (!fs::create_directory(tmp, ec)) return Status::io_error("cannot create " + tmp.string());
  Status s = write_outputs(tmp, r, summary);
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
  const bool tty = ::isatty(2) == 1;
  if (tty) {
    ropts.progress = [](size_t i, size_t total, const workflow::Step& s, bool cached) {
      std::cerr << "\r\033[K[" << (i + 1) << "/" << total << "] " << s.node_id << " (" << s.type
                << ")" << (cached ? " cached" : "") << std::flush;
      if (i + 1 == total) std::cerr << "\n";
    };
  }
  const engine::Engine eng(engine::process_cache());
  Result<engine::RunResult> r = eng.run(plan, ropts);
  if (tty) std::cerr << "\r\033[K" << std::flush;
  if (!r) {
    std::cerr << "nocode: " << r.status().message() << "\n";
    return 1;
  }
  nlohmann::json summary = engine::summary_json(*r);
  summary["diagnostics"] = diagnostics_json(plan);
  if (a.out.empty()) {
    std::cout << summary.dump(2) << "\n";
    return 0;
  }
  Status s = publish(a.out, *r, summary);
  if (!s.is_ok()) {
    std::cerr << "nocode: " << s.message() << "\n";
    return 1;
  }
  std::cout << "wrote " << a.out << ": " << r->features.rows() << " rows, "
            << r->features.columns() << " feature columns, " << r->signals.columns()
            << " signal columns, " << r->counters.computed << " nodes run, "
            << r->counters.cache_hits << " cache hits";
  if (!a.cache_dir.empty()) std::cout << " (" << r->counters.disk_hits << " from " << a.cache_dir << ")";
  std::cout << "\n";
  return 0;
}

}  // namespace

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
