// Walk-forward windows for a workflow: each window's rows of the traded bars
// are written once to a CSV file in a private temporary directory, and the
// window objective backtests the workflow with that file as its data (the
// workflow's own startDate/endDate/bars restrictions still apply to it).
// The directory is removed when the object is destroyed.
//
// Thread-safety: objective() may be called from many threads at once after
// make(); the object itself is move-only.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "data/frame.h"
#include "optimize/walk_forward.h"
#include "optimize/workflow_objective.h"

namespace nocode::optimize {

class WorkflowWindows {
 public:
  // `workflow` must outlive this object. Errors: the files cannot be written.
  static Result<std::unique_ptr<WorkflowWindows>> make(const WorkflowObjective& workflow,
                                                       const Frame& bars,
                                                       const std::vector<Window>& windows);
  ~WorkflowWindows();
  WorkflowWindows(const WorkflowWindows&) = delete;
  WorkflowWindows& operator=(const WorkflowWindows&) = delete;

  WindowObjective objective() const;

 private:
  explicit WorkflowWindows(const WorkflowObjective& workflow) : workflow_(workflow) {}
  Status write_slice(const Frame& bars, size_t begin, size_t end);
  const WorkflowObjective& workflow_;
  std::string dir_;
  std::map<std::pair<size_t, size_t>, std::string> files_;
};

}  // namespace nocode::optimize
