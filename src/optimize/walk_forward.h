// Walk-forward optimization: the bars are cut into consecutive in-sample
// (train) / out-of-sample (test) windows; on each, the space is optimized on
// the train rows and the best set is run on the following test rows. The
// test windows' equity curves are stitched into one: each window's curve is
// rescaled to start from the previous window's final equity.
//
// Windows (rows [begin, end), k = 0, 1, ...):
//   rolling:  train [k*test, k*test + train), test [k*test + train, +test)
//   anchored: train [0, train + k*test),      test as rolling
// while the test window starts before the last row; the last test window
// may be shorter. With `folds` F instead of sizes: test = rows / (F + 1),
// train = rows - F * test (the first window absorbs the remainder).
//
// Each window is run on its rows alone: indicators warm up again at the
// start of every test window (no trade before their warm-up ends), as when
// backtesting.py runs on a slice of the data.
//
// walk_forward() is reentrant; the window objective is called from many
// threads at once (within one window's optimization) and must be thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "backtest/statistics.h"
#include "common/status.h"
#include "optimize/optimizer.h"

namespace nocode::optimize {

struct WalkForwardOptions {
  size_t train_bars = 0;  // in-sample rows per window (or 0 with folds)
  size_t test_bars = 0;   // out-of-sample rows per window (or 0 with folds)
  size_t folds = 0;       // number of test windows when sizes are not given
  bool anchored = false;  // in-sample windows all start at row 0
  // Errors: neither sizes nor folds, both, or a zero size.
  Status validate() const;
};

struct Window {
  size_t train_begin = 0, train_end = 0;  // rows [begin, end)
  size_t test_begin = 0, test_end = 0;
};

// Errors when the options are invalid or no test window fits in `rows`.
Result<std::vector<Window>> walk_forward_windows(size_t rows, const WalkForwardOptions& options);

// One run of a set on rows [begin, end).
struct WindowRun {
  backtest::Statistics statistics;
  std::vector<int64_t> timestamps;  // the window's bars (only when `full`)
  std::vector<double> equity;       // per bar (only when `full`)
};
using WindowObjective =
    std::function<Result<WindowRun>(const ParamSet& set, size_t begin, size_t end, bool full)>;

struct WindowResult {
  Window window;
  Status status;             // ok, or why the window has no out-of-sample run
  ParamSet best;             // best in-sample set (empty when none)
  double in_sample = 0;      // its in-sample objective
  double out_of_sample = 0;  // its out-of-sample objective (NaN when failed)
  size_t sets = 0, failed = 0;  // in-sample sets run and failed
  backtest::Statistics out_of_sample_statistics;
};

struct WalkForwardResult {
  std::vector<std::string> param_names;
  std::vector<WindowResult> windows;
  std::vector<int64_t> timestamps;  // stitched out-of-sample bars
  std::vector<double> equity;       // stitched out-of-sample equity
};

// Optimizes every window (candidates per window as in optimize()), runs the
// best set out of sample and stitches; a window without a best set or whose
// test run fails keeps the equity where it was and records why.
// `initial_equity` is where the stitched curve starts.
Result<WalkForwardResult> walk_forward(const ParameterSpace& space,
                                       const std::vector<Constraint>& constraints,
                                       const OptimizeOptions& options,
                                       const WalkForwardOptions& wf, size_t rows,
                                       double initial_equity, const WindowObjective& objective);

}  // namespace nocode::optimize
