// `nocode backtest WF --portfolio SYM1,SYM2,... --data-dir DIR [--weights
// equal|signal] [--rebalance on_signal|daily|weekly|monthly|N] [--long-only]
// [--fractional]`: the workflow runs once per symbol and the symbols' signals
// are traded as one portfolio (src/engine/portfolio_backtest.h). Prints the
// portfolio's statistics (backtesting.py's names; JSON adds each symbol's
// own statistics under "Symbols"); --equity writes the portfolio's equity
// and drawdown, --trades every closed lot with its symbol.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace nocode::cli {

struct PortfolioArgs {
  std::string workflow;
  std::string data_dir;
  std::vector<std::string> sets;
  std::string symbols;                 // --portfolio
  std::string weights = "equal";       // --weights
  std::string rebalance = "on_signal"; // --rebalance
  bool long_only = false;
  bool fractional = false;
  std::optional<double> cash, commission;
  std::string format = "table";
  std::string trades, equity;
};

// Runs it; returns the exit code (0 ok, 1 bad input) after printing errors.
int run_portfolio_backtest(const PortfolioArgs& args);

}  // namespace nocode::cli
