// Strict crossings of pandas-exact rolling means (backtest/rolling_mean.h)
// decided without running pandas' sequential Kahan recurrence.
//
// pandas' mean of a window differs from the window's true mean by a bound
// that follows from its algorithm (every rounding of its compensated running
// sum is carried forward, so the drift is at most a few units in the last
// place of the values summed so far). The filter computes each window's sum
// from a few independent short running sums (restarted every 128 bars,
// vectorizable, error known), and wherever the difference of two means (or a
// mean and a constant) is farther from zero than both bounds together, its
// sign is the sign pandas' means give. Bars where it is not (near-ties, e.g.
// equal means of decimal prices) are left to the exact recurrence: the
// filter reports the first bar from which every decision is certain.
//
// Applies to values in [2^-900, 2^900] (prices); a NaN or anything outside
// leaves every bar to the exact path. Pure function, thread-safe.

#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace nocode::engine {

struct MeanSource {
  const double* values = nullptr;  // n values
  size_t window = 1;               // >= 1; min_periods = window (pandas' default)
};

// dir * (mean[left] - mean[right]) turning from < 0 on bar j-1 to > 0 on bar j
// (only dir's sign matters: 1 a crossover, -1 a crossunder); right ==
// kConstant compares with `value` instead.
struct CrossSpec {
  static constexpr size_t kConstant = SIZE_MAX;
  double dir = 1, value = 0;
  size_t left = 0, right = kConstant;
};

struct FilteredCrosses {
  // Bars j < exact_from are not decided: compute their crossings exactly.
  size_t exact_from = 0;
  // Per cross, the crossing bars >= exact_from, ascending.
  std::vector<std::vector<size_t>> bars;
};

FilteredCrosses filter_crosses(const std::vector<MeanSource>& sources,
                               const std::vector<CrossSpec>& crosses, size_t n);

// Appends base + k for every nonzero bytes[k], k < len, in order.
void append_set_bytes(const uint8_t* bytes, size_t len, size_t base, std::vector<size_t>& out);

}  // namespace nocode::engine
