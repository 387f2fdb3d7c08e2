// Writing window slices and running the workflow on them.
#include "optimize/workflow_windows.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "data/csv_writer.h"

namespace nocode::optimize {
namespace {

namespace fs = std::filesystem;

std::string fresh_dir() {
  static std::atomic<unsigned> counter{0};
  std::error_code ec;
  const fs::path base = fs::temp_directory_path(ec);
  return (base / ("nocode-walk-forward-" + std::to_string(::getpid()) + "-" +
                  std::to_string(counter++)))
      .string();
}

}  // namespace

Result<std::unique_ptr<WorkflowWindows>> WorkflowWindows::make(const WorkflowObjective& workflow,
                                                               const Frame& bars,
                                                               const std::vector<Window>& windows) {
  std::unique_ptr<WorkflowWindows> w(new WorkflowWindows(workflow));
  w->dir_ = fresh_dir();
  std::error_code ec;
  fs::remove_all(w->dir_, ec);
  if (!fs::create_directories(w->dir_, ec)) {
    return Status::io_error("walk-forward: cannot create " + w->dir_);
  }
  for (const Window& win : windows) {
    NOCODE_RETURN_IF_ERROR(w->write_slice(bars, win.train_begin, win.train_end));
    NOCODE_RETURN_IF_ERROR(w->write_slice(bars, win.test_begin, win.test_end));
  }
  return w;
}

WorkflowWindows::~WorkflowWindows() {
  std::error_code ec;
  if (!dir_.empty()) fs::remove_all(dir_, ec);
}

Status WorkflowWindows::write_slice(const Frame& bars, size_t begin, size_t end) {
  if (files_.count({begin, end})) return Status::ok();
  const Frame slice = bars.slice(begin, end);
  const std::string path =
      dir_ + "/rows-" + std::to_string(begin) + "-" + std::to_string(end) + ".csv";
  TableView table;
  table.timestamps = &slice.timestamps();
  for (size_t c = 0; c < slice.columns(); ++c) {
    table.names.push_back(slice.names()[c]);
    table.columns.push_back(&slice.column_at(c));
  }
  std::ofstream out(path, std::ios::binary);
  write_csv(out, table);
  out.flush();
  if (!out) return Status::io_error("walk-forward: cannot write " + path);
  files_[{begin, end}] = path;
  return Status::ok();
}

WindowObjective WorkflowWindows::objective() const {
  return [this](const ParamSet& set, size_t begin, size_t end, bool full) -> Result<WindowRun> {
    auto it = files_.find({begin, end});
    if (it == files_.end()) {
      return Status::internal("walk-forward: rows " + std::to_string(begin) + ".." +
                              std::to_string(end) + " were not prepared");
    }
    Result<engine::WorkflowBacktest> r = workflow_.run(set, !full, it->second);
    if (!r) return r.status();
    WindowRun run;
    run.statistics = std::move(r->statistics);
    if (full) {
      run.equity = std::move(r->result.equity);
      if (r->bars) run.timestamps = r->bars->timestamps();
    }
    return run;
  };
}

}  // namespace nocode::optimize
