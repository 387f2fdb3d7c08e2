// Portfolio backtest of a workflow: the workflow runs once per symbol (every
// dataSource node's `symbol` replaced by that symbol, bars located through
// DataOptions.data_dir), each run's trading decisions become that symbol's
// target signal, and src/backtest/portfolio.h combines them.
//
// Decisions -> target: each symbol's single-symbol backtest (backtest_plan)
// is run; the target signal at bar t is the sign of the position that run
// holds at the close of bar t+1 (its orders decided at t fill at t+1's
// Open), +1 long, -1 short, 0 flat, held until the next decision. With
// SL/TP, limit or stop orders the exit bar is only known afterwards, so the
// portfolio then exits one bar earlier than the single run's stop did (at
// the Open of the bar where the stop hit).
//
// Thread-safety: reentrant; `engine` is shared as in backtest_plan.
#pragma once

#include <string>
#include <vector>

#include "backtest/portfolio.h"
#include "backtest/statistics.h"
#include "common/status.h"
#include "engine/engine.h"
#include "engine/workflow_backtest.h"
#include "workflow/compiler.h"
#include "workflow/document.h"

namespace nocode::engine {

struct PortfolioBacktestOptions {
  std::vector<std::string> symbols;     // at least one; duplicates are an error
  backtest::PortfolioOptions portfolio; // cash, weights, rebalance, commission, ...
  WorkflowBacktestOptions backtest;     // run.data.data_dir locates each symbol's bars
  workflow::CompileOptions compile;     // --set overrides
};

struct PortfolioBacktest {
  backtest::PortfolioResult result;
  backtest::Statistics statistics;                   // the portfolio's
  std::vector<backtest::Statistics> symbol_statistics;  // each symbol's own backtest
  std::vector<std::vector<double>> signals;          // [symbol][bar of that symbol]
};

// Parses "AAPL,MSFT , GOOG" into symbols (trimmed, non-empty, unique);
// errors name the flag `--portfolio`.
Result<std::vector<std::string>> parse_symbol_list(const std::string& text);

// Errors: no symbols, a duplicate, a workflow without a dataSource node, a
// compile error (first diagnostic), a failed symbol run (prefixed with the
// symbol), invalid portfolio options (names the field).
Result<PortfolioBacktest> run_portfolio_backtest(const Engine& engine, const workflow::Document& doc,
                                                 const PortfolioBacktestOptions& options);

}  // namespace nocode::engine
