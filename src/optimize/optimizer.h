// The optimizer: evaluates every admissible parameter set of a space (grid or
// seeded random search, constraints applied) with a caller's objective
// function, in parallel, and ranks the sets by one backtesting.py statistic.
//
// Sets run on a pool of std::threads that pull indices from an atomic
// counter; results are stored by index, so the result order (and the best set,
// ties going to the earliest) does not depend on the thread count. A failing
// set is recorded with its Status and does not stop the others.
//
// The evaluate callback is called from many threads at once and must be
// thread-safe (workflow_objective.h's is: its engine shares one NodeCache, so
// an indicator computed for fast=10 is reused by every set with fast=10).
// optimize() itself is reentrant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "backtest/statistics.h"
#include "common/status.h"
#include "optimize/constraint.h"
#include "optimize/parameter_space.h"

namespace nocode::optimize {

enum class Method { kGrid, kRandom };

struct OptimizeOptions {
  Method method = Method::kGrid;
  size_t samples = 0;        // random: number of sets to draw (> 0)
  uint64_t seed = 0;         // random: the generator's seed
  std::string objective = "Equity Final [$]";  // a backtesting.py statistic name
  bool maximize = true;      // false: minimize
  size_t threads = 0;        // 0 = std::thread::hardware_concurrency()
  size_t max_sets = 100000;  // refuse larger searches
  // Errors: an unknown objective (with the nearest names), a timestamp
  // statistic (Start, End), random without samples.
  Status validate() const;
};

// backtesting.py's statistic names, in its order.
const std::vector<std::string>& statistic_names();

// Evaluates one parameter set (values in the space's dimension order).
using Objective = std::function<Result<backtest::Statistics>(const ParamSet& set)>;

struct SetResult {
  ParamSet params;
  Status status;                   // ok, or why this set failed
  backtest::Statistics statistics; // empty when failed
  double objective = 0;            // NaN when failed or undefined
};

struct OptimizeResult {
  std::vector<std::string> param_names;
  std::vector<SetResult> sets;  // candidate order (grid order, or sampling order)
  size_t best = SIZE_MAX;       // index into sets; SIZE_MAX when no set has a defined objective
  size_t rejected = 0;          // grid points the constraints rejected
  size_t failed = 0;
  bool has_best() const { return best < sets.size(); }
};

// The candidate sets: the admissible grid points in grid order, or
// `samples` random ones (distinct grid points drawn without replacement when
// every dimension is discrete, else independent uniform draws, each
// dimension within its range). `rejected` receives the grid points the
// constraints rejected (grid) or the draws they rejected (random).
Result<std::vector<ParamSet>> candidates(const ParameterSpace& space,
                                         const std::vector<Constraint>& constraints,
                                         const OptimizeOptions& options, size_t* rejected = nullptr);

// Runs `evaluate` on every candidate. Errors only for invalid options/space
// or no admissible candidate; per-set failures are in the result.
Result<OptimizeResult> optimize(const ParameterSpace& space,
                                const std::vector<Constraint>& constraints,
                                const OptimizeOptions& options, const Objective& evaluate);

// Runs `evaluate` on `sets` in parallel (the core of optimize()).
OptimizeResult evaluate_sets(const std::vector<std::string>& names, std::vector<ParamSet> sets,
                             const OptimizeOptions& options, const Objective& evaluate);

// The objective's value in `stats` as a number (durations in days), NaN when
// absent or undefined.
double objective_value(const backtest::Statistics& stats, const std::string& name);

// Thread count actually used for `options` and `jobs` jobs.
size_t resolve_threads(const OptimizeOptions& options, size_t jobs);

}  // namespace nocode::optimize
