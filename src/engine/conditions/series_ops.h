// Internal to src/engine/conditions: shared causal series helpers for the
// condition kernels (operand access, rolling windows, indicator calls, swing
// pivots). Every helper reads only bars <= the bar it answers for. Pure
// functions; safe from any thread.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/conditions/condition.h"

namespace nocode::engine::ops {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline bool ok(double x) { return !std::isnan(x); }
inline bool ok(double a, double b) { return ok(a) && ok(b); }

// L: data-input, else the bars' close, else nullptr.
const double* left_series(const ConditionInputs& in);
// R at bar t: value-input if wired, else params.value.
inline double right_at(const ConditionInputs& in, const ConditionParams& p, size_t t) {
  return in.right ? in.right[t] : p.value;
}
// Direction of direction-bearing kinds: +1 when value >= 0 (bullish), -1 otherwise.
inline int direction(const ConditionParams& p) { return p.value >= 0 ? 1 : -1; }
// Statistical window: lookback when >= 2, else `fallback`.
inline int window(const ConditionParams& p, int fallback) {
  return p.lookback >= 2 ? p.lookback : fallback;
}
// weak, moderate, strong, very_strong -> 0..3 (-1 if unknown).
int strength_index(std::string_view s);
// ADX thresholds 20/25/35/50 by trendStrength.
double adx_threshold(const ConditionParams& p);

// Bars' OHLCV column pointers (null when bars are absent).
struct Bars {
  const double *open = nullptr, *high = nullptr, *low = nullptr, *close = nullptr,
               *volume = nullptr;
  const int64_t* time = nullptr;
};
Bars bars_of(const ConditionInputs& in);

// Rolling helpers: NaN until the window is full or when it holds a NaN.
std::vector<double> sma(const double* x, size_t n, int w);
std::vector<double> ema(const double* x, size_t n, int w);         // SMA-seeded, like TA-Lib
std::vector<double> rolling_sd(const double* x, size_t n, int w);  // population
// Max / min of x[a..b] inclusive; NaN if any is NaN or the range is empty/invalid.
double range_max(const double* x, long a, long b);
double range_min(const double* x, long a, long b);
// Least-squares slope of x[t-w+1..t] against 0..w-1; NaN if any NaN.
double ls_slope(const double* x, long t, int w);

// Output `output` of indicator `name` computed with `params` (name, value)
// on the bars; kReal inputs read `real` (default close). Empty if the
// indicator is missing or its inputs are absent (evaluate_condition checks
// spec.indicators first, so kernels see that only on a bug).
std::vector<double> indicator(const ConditionInputs& in, std::string_view name,
                              const std::vector<std::pair<std::string, double>>& params,
                              size_t output = 0, const double* real = nullptr);

// A swing point: index of the extreme, its value, and the bar at which it
// became known (so kernels at bar t use only pivots with confirmed <= t).
struct Pivot {
  size_t index = 0;
  double value = 0;
  bool high = false;
  size_t confirmed = 0;
};
// Zig-zag over x: a pivot is confirmed once x moves `pct` percent of |extreme|
// against it. Pivots alternate high/low and come in confirmation order.
std::vector<Pivot> zigzag(const double* x, size_t n, double pct);
// Fractal swings on bars: high[i] greater than the k bars before (>=) and
// after (>) it; confirmed at i+k. Lows mirrored. In confirmation order.
std::vector<Pivot> swings(const double* high, const double* low, size_t n, int k);

// For each bar t, how many of `pivots` are confirmed at or before t.
std::vector<size_t> known_counts(const std::vector<Pivot>& pivots, size_t n);

// Crossing tests at bar t (t >= 1); NaN anywhere -> false.
inline bool crosses_above(double l0, double l1, double r0, double r1) {
  return ok(l0, l1) && ok(r0, r1) && l1 > r1 && l0 <= r0;
}
inline bool crosses_below(double l0, double l1, double r0, double r1) {
  return ok(l0, l1) && ok(r0, r1) && l1 < r1 && l0 >= r0;
}

}  // namespace nocode::engine::ops
