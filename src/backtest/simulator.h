// Simulator: runs a Strategy over MarketData with a Broker, bar by bar, the
// way backtesting.py's Backtest.run does:
//   for each bar i from warmup+1: fill queued orders, record equity[i],
//   stop if equity <= 0, then strategy.next(i);
//   with finalize_trades: close open trades in one more fill pass on the last
//   bar. Bars before the first decision get the first recorded equity.
// Thread-safety: run_backtest is reentrant (no shared state).
#pragma once

#include <cstddef>
#include <vector>

#include "backtest/market_data.h"
#include "backtest/options.h"
#include "backtest/strategy.h"
#include "backtest/trade.h"
#include "common/status.h"

namespace nocode::backtest {

struct BacktestResult {
  std::vector<double> equity;        // per bar
  std::vector<Trade> trades;         // closed trades, in closing order
  std::vector<Trade> open_trades;    // still open at the end (not in stats)
  double final_cash = 0;
  size_t warmup = 0;                 // Strategy::warmup_bars()
  bool out_of_money = false;         // equity reached <= 0 and the run stopped
};

// Validates `options` and `data`, then runs. Errors: invalid options/data,
// or the first invalid order the strategy placed (names the bar).
Result<BacktestResult> run_backtest(const MarketData& data, Strategy& strategy,
                                    const BacktestOptions& options);
// Same, writing into `out` and reusing its buffers (for repeated runs, e.g.
// parameter sweeps: no page faults for a fresh equity curve).
Status run_backtest(const MarketData& data, Strategy& strategy, const BacktestOptions& options,
                    BacktestResult& out);

}  // namespace nocode::backtest
