// Backtesting a compiled workflow: runs the plan with the engine, turns its
// trading decisions (the `backtest` node's signal inputs, or the editor's
// action nodes with their risk settings) into orders, simulates them with
// src/backtest and computes backtesting.py's statistics.
//
// This is the one entry point `nocode backtest`, `nocode optimize` and the
// service use. Thread-safety: backtest_plan() is reentrant; many threads may
// call it at once with the same Engine (its node cache is shared, so the
// indicators of one parameter set are reused by the next).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "backtest/options.h"
#include "backtest/simulator.h"
#include "backtest/statistics.h"
#include "common/status.h"
#include "engine/engine.h"
#include "workflow/plan.h"

namespace nocode::engine {

struct WorkflowBacktestOptions {
  RunOptions run;  // data location, progress
  // Overrides of the workflow's own broker settings (the `backtest` node's
  // parameters); unset = the workflow's value, else backtesting.py's default.
  std::optional<double> cash;
  std::optional<double> commission;
  std::optional<bool> exclusive_orders;
  std::optional<bool> finalize_trades;
  // Skip building RunResult's feature/signal frames when the caller only
  // needs statistics (optimization). When every action is triggered only by
  // exact crosses of SMAs of price columns, the engine then runs only the
  // data step and the crosses are computed in one pass (exact_crosses.h), so
  // `run.steps` and `run.counters` list the data step alone.
  bool statistics_only = false;
};

struct WorkflowBacktest {
  RunResult run;                      // the engine run (columns empty when statistics_only)
  backtest::BacktestOptions options;  // the broker settings actually used
  backtest::BacktestResult result;    // equity, trades
  backtest::Statistics statistics;    // backtesting.py's names and order
  std::shared_ptr<const Frame> bars;  // the traded bars (timestamps, OHLC)
};

// Errors: everything Engine::run reports, a plan with nothing to trade (no
// backtest node and no action node), invalid broker settings (names the
// node/parameter or the override), an invalid order (names the bar).
Result<WorkflowBacktest> backtest_plan(const Engine& engine, const workflow::Plan& plan,
                                       const WorkflowBacktestOptions& options);

}  // namespace nocode::engine
