// Building blocks of compute_statistics (internal to src/backtest): single
// passes over the equity curve that produce exactly the numbers the dense,
// column-by-column definitions give (see docs/backtest.md), without
// materializing per-bar columns. Pure functions, thread-safe.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "backtest/statistics.h"

namespace nocode::backtest {

// The drawdown statistics' inputs from one pass over the equity curve.
struct DrawdownSummary {
  double max_drawdown = 0;     // max of 1 - e/cummax(e) ignoring NaN (NaN if none)
  double equity_peak = 0;      // max(e) (first largest, as std::max_element)
  // One entry per episode (see compute_drawdowns), in bar order.
  std::vector<size_t> episode_end;       // bar where the episode ends
  std::vector<double> episode_peak;      // its largest drawdown
  std::vector<double> episode_duration;  // its calendar length in ns, as double
  int64_t max_duration = INT64_MIN;      // kNaT when there is no episode
};
DrawdownSummary summarize_drawdowns(std::span<const double> equity, const int64_t* timestamps);

// cov(Δlog e, Δlog b) / var(Δlog b) with numpy's ddof=1 normalisation
// (backtesting.py's Beta); NaN for fewer than 3 bars.
// `returns`, when given, is benchmark_returns(benchmark).
double log_return_beta(std::span<const double> equity, std::span<const double> benchmark,
                       const BenchmarkReturns* returns = nullptr);

// log_return_beta's work in two halves that two threads run at once, with
// the same result bit for bit: half 0 takes the equity's log returns, half 1
// the benchmark's, waits for half 0, then takes the centered dots. Each half
// runs once, on different threads; result() once both returned. With
// `returns` (benchmark_returns(benchmark)) half 1 skips the benchmark's log
// returns and the two halves split the cross sum at numpy's top split.
// n >= 3 bars, benchmark.size() == n.
class SharedBeta {
 public:
  SharedBeta(std::span<const double> equity, std::span<const double> benchmark,
             const BenchmarkReturns* returns = nullptr);
  void run_half(int half) noexcept;
  double result() const;

 private:
  std::span<const double> series_[2];
  std::span<double> logs_[2];  // the calling thread's reused buffers
  const BenchmarkReturns* returns_;
  size_t split_;                // numpy's top split of the log returns
  double cross_[2] = {0, 0};    // with returns_: the cross sum's two halves
  double sums_[2] = {0, 0};
  std::atomic<bool> equity_done_{false};
  double beta_ = 0;
};

}  // namespace nocode::backtest
