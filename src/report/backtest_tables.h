// Text outputs of a workflow backtest in backtesting.py's shapes: the trade
// list and the equity curve as CSV (the columns of backtesting.py's
// stats._trades / stats._equity_curve written with pandas' to_csv, numbers
// at full precision) and the statistics as backtesting.py prints them.
// Pure functions; thread-safe.
#pragma once

#include <string>

#include "backtest/statistics.h"
#include "engine/workflow_backtest.h"

namespace nocode::report {

// Size,EntryBar,ExitBar,EntryPrice,ExitPrice,SL,TP,PnL,Commission,ReturnPct,
// EntryTime,ExitTime,Duration,Tag - closed trades, in closing order.
std::string trades_csv(const engine::WorkflowBacktest& bt);
// Date,Equity,DrawdownPct,DrawdownDuration - one row per bar.
std::string equity_csv(const engine::WorkflowBacktest& bt);
// "Name<spaces>value" lines, names left-aligned, values right-aligned.
std::string statistics_table(const backtest::Statistics& stats);
// One statistic's value as text (numbers to 6 decimals, trailing zeros
// trimmed; counts as integers; pandas' timestamp / timedelta text).
std::string format_statistic(const backtest::StatValue& v);

}  // namespace nocode::report
