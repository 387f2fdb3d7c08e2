// Work beside the calling thread, on the machine's other core: one kept
// thread serves one caller at a time (starting a thread costs ~0.1 ms, on
// the critical path of a 1M-bar backtest); while it is busy, further callers
// get a thread of their own.
//
// A SideJob waits for its work when destroyed, so work that reads the
// caller's locals is safe on every way out of the caller.
#pragma once

#include <functional>
#include <future>
#include <optional>

namespace nocode {

class SideJob {
 public:
  // Starts `work` beside the caller; nullopt when no thread can be started
  // (the caller then does the work itself).
  static std::optional<SideJob> start(std::function<void()> work);

  SideJob(SideJob&&) = default;
  SideJob& operator=(SideJob&& other);  // waits for this job's work first
  SideJob(const SideJob&) = delete;
  SideJob& operator=(const SideJob&) = delete;
  ~SideJob();

  // Waits for the work; rethrows what it threw. Once only.
  void get();

 private:
  explicit SideJob(std::future<void> done) : done_(std::move(done)) {}
  std::future<void> done_;
};

}  // namespace nocode
