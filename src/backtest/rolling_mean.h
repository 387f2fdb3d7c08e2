// Rolling mean identical to pandas' Series.rolling(window).mean() (pandas
// 1.5): a running sum with Kahan compensation kept separately for values
// entering and values leaving the window (leaving values removed first),
// result sum/count, replaced by the value itself when the window holds one
// repeated value, and clamped to 0 when the signs of all values disagree with
// the sum's. NaN inputs are skipped (count drops); fewer than min_periods
// valid values give NaN. Pure function, thread-safe; O(n), no allocation
// besides the output.
#pragma once

#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace nocode::backtest {

// Streaming form: feed values[0], values[1], ... in order; update(values, i)
// returns the mean of the window ending at i (reads values[i - window] to
// remove it). Same numbers as the batch function.
class RollingMean {
 public:
  // min_periods 0 means `window` (pandas' default); window 0 is taken as 1.
  explicit RollingMean(size_t window, size_t min_periods = 0)
      : window_(window == 0 ? 1 : window), min_periods_(min_periods == 0 ? window_ : min_periods) {}
  double update(const double* values, size_t i);

 private:
  size_t window_, min_periods_;
  size_t nobs_ = 0, neg_ = 0, same_run_ = 0;
  double sum_ = 0, comp_add_ = 0, comp_remove_ = 0, last_ = 0;
};

// Index of the first non-NaN rolling mean of `values`, 0 if there is none
// (backtesting.py's warm-up of an indicator), without computing the means.
size_t rolling_mean_warmup(std::span<const double> values, size_t window, size_t min_periods = 0);

// Inline: the per-bar path of streaming strategies.
inline double RollingMean::update(const double* values, size_t i) {
  if (i == 0) last_ = values[0];
  if (i >= window_) {  // the leaving value first, with its own compensation
    const double v = values[i - window_];
    if (!std::isnan(v)) {
      --nobs_;
      const double y = -v - comp_remove_;
      const double t = sum_ + y;
      comp_remove_ = t - sum_ - y;
      sum_ = t;
      if (std::signbit(v)) --neg_;
    }
  }
  const double v = values[i];
  if (!std::isnan(v)) {
    ++nobs_;
    const double y = v - comp_add_;
    const double t = sum_ + y;
    comp_add_ = t - sum_ - y;
    sum_ = t;
    if (std::signbit(v)) ++neg_;
    same_run_ = (v == last_) ? same_run_ + 1 : 1;  // run of equal values ending here
    last_ = v;
  }
  if (nobs_ < min_periods_ || nobs_ == 0) return std::nan("");
  const double r = sum_ / static_cast<double>(nobs_);
  if (same_run_ >= nobs_) return last_;      // all values in the window equal
  if (neg_ == 0 && r < 0) return 0.0;        // all >= 0 but rounding went below
  if (neg_ == nobs_ && r > 0) return 0.0;    // all < 0 but rounding went above
  return r;
}

// min_periods 0 means `window` (pandas' default). window must be >= 1.
void rolling_mean(std::span<const double> values, size_t window, double* out,
                  size_t min_periods = 0);
std::vector<double> rolling_mean(std::span<const double> values, size_t window,
                                 size_t min_periods = 0);

}  // namespace nocode::backtest
