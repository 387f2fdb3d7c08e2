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
// Thread-safety: the functions are pure; an ExactSmas memo belongs to one
// backtest on one thread.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "engine/conditions/condition.h"
#include "workflow/plan.h"

namespace nocode::engine {

// The pandas-exact SMAs of one backtest, each (price column, period)
// computed once however many conditions read it.
class ExactSmas {
 public:
  const std::vector<double>& get(const std::vector<double>& price, const std::string& column,
                                 size_t period);
  // The most leading NaNs over the means computed so far.
  size_t max_leading_nans() const;
  // True when every mean so far read a NaN-free column of `bars` with
  // 2 <= period <= rows: then its leading NaNs (period - 1) are those of the
  // engine's TA-Lib sma of the same column.
  bool warmup_as_engine(const Frame& bars) const;

 private:
  struct Entry {
    std::string column;
    size_t period = 0;
    std::vector<double> mean;
  };
  std::deque<Entry> entries_;  // deque: references stay valid
};

// True when condition step `cond` has the shape exact_cross() re-evaluates
// (judged from the plan alone). `max_period` receives the largest SMA period
// it reads (unchanged when none).
bool is_exact_cross(const workflow::Plan& plan, const workflow::Step& cond,
                    const std::string& bars_column, size_t* max_period = nullptr);

// The re-evaluated signal of condition step `cond` on `bars` (the traded
// bars, produced by the data step whose column is `bars_column`), or nullopt
// when the step is not of that shape (then the engine's signal is used).
// `memo` (optional) shares the means between conditions.
std::optional<Signal> exact_cross(const workflow::Plan& plan, const workflow::Step& cond,
                                  const Frame& bars, const std::string& bars_column,
                                  ExactSmas* memo = nullptr);

}  // namespace nocode::engine
