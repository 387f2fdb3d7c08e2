// Backtest statistics with backtesting.py's names, order and definitions
// (compute_stats of backtesting.py 0.6; definitions in docs/backtest.md),
// plus the drawdown columns of its equity curve.
//
// Values: numbers (NaN = not defined, e.g. no trades), counts, timestamps and
// durations (pandas text in JSON; NaT = missing). "Commissions [$]" appears
// only when commissions were paid, as in backtesting.py.
// Pure functions of their inputs; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backtest/market_data.h"
#include "backtest/simulator.h"
#include "backtest/trade.h"

namespace nocode::backtest {

inline constexpr int64_t kNaT = INT64_MIN;

struct StatValue {
  enum class Kind { kNumber, kCount, kTimestamp, kDuration };
  Kind kind = Kind::kNumber;
  double number = 0;   // kNumber, kCount
  int64_t ns = kNaT;   // kTimestamp, kDuration
};

struct Statistic {
  std::string name;
  StatValue value;
};

struct Statistics {
  std::vector<Statistic> items;  // backtesting.py's order
  // nullptr when absent.
  const StatValue* find(const std::string& name) const;
  // {"Start": "2004-08-19 00:00:00", ...} in order; NaN, inf -> null.
  nlohmann::ordered_json to_json() const;
};

// Drawdown columns of backtesting.py's equity curve.
struct DrawdownCurve {
  std::vector<double> drawdown;       // 1 - equity / running max
  std::vector<int64_t> duration_ns;   // at each episode's last bar, else kNaT
  std::vector<double> peak;           // max drawdown of the episode ending here, else NaN
  bool has_episodes = false;          // false: pandas falls back to drawdown values
};
DrawdownCurve compute_drawdowns(std::span<const double> equity, const int64_t* timestamps);

// Beta's part that depends on the benchmark alone: its log returns
// log(b[i+1] / b[i]), their pairwise (pandas) sum and centered sum of
// squares. Computed early, e.g. beside the simulation, it comes off
// compute_statistics' path; Beta is the same bit for bit. Empty for fewer
// than 3 prices.
struct BenchmarkReturns {
  std::vector<double> logs;
  double sum = 0;
  double centered_squares = 0;  // Σ (log - mean)², numpy's pairwise order
};
BenchmarkReturns benchmark_returns(std::span<const double> benchmark);

// Statistics of a finished run on `data` (closed trades only); `returns`,
// when given, must be benchmark_returns() of data's Close.
Statistics compute_statistics(const MarketData& data, const BacktestResult& result,
                              const BenchmarkReturns* returns = nullptr);

// The same statistics from their inputs alone, so other simulations (e.g.
// portfolios) share the definitions. Buy & Hold is measured on `benchmark`
// from bar `benchmark_start`; Beta/Alpha use its log returns.
struct StatisticsInput {
  std::span<const double> equity;       // per bar (at least 1)
  const int64_t* timestamps = nullptr;  // per bar, increasing (UTC ns)
  std::span<const Trade> trades;        // closed trades; entry/exit bars index the bars above
  std::span<const double> benchmark;    // price per bar; empty: Buy & Hold, Beta, Alpha are NaN
  size_t benchmark_start = 0;
  const BenchmarkReturns* benchmark_returns = nullptr;  // of `benchmark`, if already computed
};
Statistics compute_statistics(const StatisticsInput& input);

// Periods per year backtesting.py annualizes with: 52 weekly, 12 monthly,
// 1 yearly, else 365 when weekend bars are common, else 252; and the period
// returns it uses (equity resampled to that calendar period, last value,
// percentage change).
struct PeriodReturns {
  double periods_per_year = 252;
  std::vector<double> returns;
  int64_t data_period_ns = 0;  // median spacing of the last 100 bars
};
PeriodReturns period_returns(std::span<const double> equity, const int64_t* timestamps);

}  // namespace nocode::backtest
