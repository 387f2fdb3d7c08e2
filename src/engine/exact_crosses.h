// backtesting.py parity for the most common strategy shape: a crossover /
// crossunder condition between two SMA indicators (or an SMA and a
// constant). The engine's `sma` is TA-Lib's (a plain running sum); pandas'
// rolling mean (backtesting.py's SMA) differs in the last bits, and
// backtesting.py's crossover() is strict on the previous bar (a[-2] < b[-2])
// where the editor's is not (L[t-1] <= R[t-1]). When two means come out
// equal on a bar, the two definitions trade differently. For backtests the
// decision path re-evaluates such conditions with pandas-exact means
// (backtest/rolling_mean.h) and strict crossing, so a workflow SmaCross
// trades exactly like backtesting.py. The engine's columns are untouched.
// Pure function; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "engine/conditions/condition.h"
#include "workflow/plan.h"

namespace nocode::engine {

// The re-evaluated signal of condition step `cond` on `bars` (the traded
// bars, produced by the data step whose column is `bars_column`), or nullopt
// when the step is not of that shape (then the engine's signal is used).
std::optional<Signal> exact_cross(const workflow::Plan& plan, const workflow::Step& cond,
                                  const Frame& bars, const std::string& bars_column);

}  // namespace nocode::engine
