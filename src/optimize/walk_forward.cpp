// Window layout, per-window optimization and equity stitching.
#include "optimize/walk_forward.h"

#include <cmath>
#include <limits>

namespace nocode::optimize {

Status WalkForwardOptions::validate() const {
  const bool sizes = train_bars > 0 || test_bars > 0;
  if (sizes && folds > 0) {
    return Status::invalid_argument("walk-forward: give --train-bars and --test-bars, or --folds, not both");
  }
  if (!sizes && folds == 0) {
    return Status::invalid_argument("walk-forward: give --train-bars N and --test-bars M, or --folds F");
  }
  if (sizes && (train_bars == 0 || test_bars == 0)) {
    return Status::invalid_argument("walk-forward: --train-bars and --test-bars must both be > 0");
  }
  return Status::ok();
}

Result<std::vector<Window>> walk_forward_windows(size_t rows, const WalkForwardOptions& options) {
  NOCODE_RETURN_IF_ERROR(options.validate());
  size_t train = options.train_bars, test = options.test_bars;
  if (options.folds > 0) {
    test = rows / (options.folds + 1);
    if (test == 0) {
      return Status::invalid_argument("walk-forward: " + std::to_string(rows) +
                                      " bars are too few for " + std::to_string(options.folds) +
                                      " folds");
    }
    train = rows - options.folds * test;
  }
  if (train >= rows) {
    return Status::invalid_argument("walk-forward: the data has " + std::to_string(rows) +
                                    " bars, not more than --train-bars " + std::to_string(train) +
                                    ": no out-of-sample window");
  }
  std::vector<Window> out;
  for (size_t k = 0;; ++k) {
    Window w;
    w.train_end = train + k * test;
    if (w.train_end >= rows) break;
    w.train_begin = options.anchored ? 0 : k * test;
    w.test_begin = w.train_end;
    w.test_end = std::min(rows, w.test_begin + test);
    out.push_back(w);
  }
  return out;
}

namespace {

// Optimizes one window in sample, then runs its best set out of sample.
WindowResult run_window(const Window& w, const ParameterSpace& space,
                        const std::vector<Constraint>& constraints, const OptimizeOptions& options,
                        const WindowObjective& objective, WindowRun& oos) {
  WindowResult r;
  r.window = w;
  r.out_of_sample = std::numeric_limits<double>::quiet_NaN();
  Result<OptimizeResult> in = optimize(space, constraints, options, [&](const ParamSet& set)
                                           -> Result<backtest::Statistics> {
    Result<WindowRun> run = objective(set, w.train_begin, w.train_end, false);
    if (!run) return run.status();
    return std::move(run->statistics);
  });
  if (!in) {
    r.status = in.status();
    return r;
  }
  r.sets = in->sets.size();
  r.failed = in->failed;
  if (!in->has_best()) {
    r.status = Status::invalid_argument("no in-sample set has a defined '" + options.objective + "'");
    return r;
  }
  r.best = in->sets[in->best].params;
  r.in_sample = in->sets[in->best].objective;
  Result<WindowRun> out = objective(r.best, w.test_begin, w.test_end, true);
  if (!out) {
    r.status = out.status();
    return r;
  }
  oos = std::move(*out);
  r.out_of_sample = objective_value(oos.statistics, options.objective);
  r.out_of_sample_statistics = oos.statistics;
  return r;
}

}  // namespace

Result<WalkForwardResult> walk_forward(const ParameterSpace& space,
                                       const std::vector<Constraint>& constraints,
                                       const OptimizeOptions& options,
                                       const WalkForwardOptions& wf, size_t rows,
                                       double initial_equity, const WindowObjective& objective) {
  NOCODE_RETURN_IF_ERROR(space.validate());
  NOCODE_RETURN_IF_ERROR(options.validate());
  Result<std::vector<Window>> windows = walk_forward_windows(rows, wf);
  if (!windows) return windows.status();
  WalkForwardResult out;
  out.param_names = space.names();
  double level = initial_equity;
  for (const Window& w : *windows) {
    WindowRun oos;
    WindowResult r = run_window(w, space, constraints, options, objective, oos);
    if (r.status.is_ok() && !oos.equity.empty() && oos.equity.front() != 0) {
      const double scale = level / oos.equity.front();
      for (size_t i = 0; i < oos.equity.size(); ++i) {
        out.equity.push_back(oos.equity[i] * scale);
        if (i < oos.timestamps.size()) out.timestamps.push_back(oos.timestamps[i]);
      }
      level = out.equity.back();
    }
    out.windows.push_back(std::move(r));
  }
  return out;
}

}  // namespace nocode::optimize
