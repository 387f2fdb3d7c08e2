// Outputs of an optimization: the all-sets CSV, JSON, a terminal table, the
// objective heatmap for the HTML report, and the walk-forward equivalents.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "optimize/optimizer.h"
#include "optimize/parameter_space.h"
#include "optimize/walk_forward.h"
#include "report/report_data.h"

namespace nocode::optimize {

// One row per set in candidate order: the parameters, every backtesting.py
// statistic (numbers at full precision, durations and timestamps as pandas
// text, empty when absent), then "error" (empty when the set ran).
std::string results_csv(const OptimizeResult& result, const ParameterSpace& space);

// {objective, maximize, parameters:[...], sets_run, rejected, failed,
//  best:{params:{name: value}, objective, statistics:{...}} | null,
//  sets:[{params, objective, statistics | error}]}
nlohmann::ordered_json results_json(const OptimizeResult& result, const ParameterSpace& space,
                                    const OptimizeOptions& options);

// Summary line, the best `top` sets ranked by the objective, the best set.
std::string results_table(const OptimizeResult& result, const ParameterSpace& space,
                          const OptimizeOptions& options, size_t top = 10);

// The objective over the first parameter (columns) and the second (rows;
// a single row when there is one parameter); with more parameters a cell
// holds the best objective over the others. Cells without a run are NaN.
report::Heatmap objective_heatmap(const OptimizeResult& result, const ParameterSpace& space,
                                  const OptimizeOptions& options);

// One row per window: train/test rows and dates, the best parameters, the
// in- and out-of-sample objective, the error if any.
std::string walk_forward_csv(const WalkForwardResult& result, const ParameterSpace& space,
                             const std::vector<int64_t>& timestamps);
nlohmann::ordered_json walk_forward_json(const WalkForwardResult& result,
                                         const ParameterSpace& space,
                                         const OptimizeOptions& options,
                                         const std::vector<int64_t>& timestamps);
std::string walk_forward_table(const WalkForwardResult& result, const ParameterSpace& space,
                               const OptimizeOptions& options,
                               const std::vector<int64_t>& timestamps);

}  // namespace nocode::optimize
