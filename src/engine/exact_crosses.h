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
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/conditions/condition.h"
#include "workflow/plan.h"

namespace nocode::engine {

// True when condition step `cond` has the shape exact_crosses()
// re-evaluates (judged from the plan alone).
bool is_exact_cross(const workflow::Plan& plan, const workflow::Step& cond,
                    const std::string& bars_column);

// The bars where condition steps `conds` are true on `bars` (the traded
// bars, produced by the data step whose column is `bars_column`), ascending,
// one list per step; nullopt when a step is not of that shape. Each distinct
// (price column, period) mean is computed once and none is stored: the
// crossings are decided by cross_filter.h where it is certain, and by
// streaming pandas' recurrence over the bars before that.
std::optional<std::vector<std::vector<size_t>>> exact_crosses(
    const workflow::Plan& plan, const std::vector<const workflow::Step*>& conds, const Frame& bars,
    const std::string& bars_column);

// The warm-up of those signals (the most leading NaNs of their means) when
// it equals the engine's TA-Lib sma warm-up: every price column read is
// NaN-free and every period in [2, rows], so each mean has period - 1
// leading NaNs. nullopt otherwise (or when a step is not of the shape).
std::optional<size_t> exact_warmup(const workflow::Plan& plan,
                                   const std::vector<const workflow::Step*>& conds,
                                   const Frame& bars, const std::string& bars_column);

}  // namespace nocode::engine
