// pandas-exact rolling mean (see header). The state mirrors pandas'
// add/remove/calc steps so every intermediate rounding is the same.
#include "backtest/rolling_mean.h"

#include <cmath>

namespace nocode::backtest {

size_t rolling_mean_warmup(std::span<const double> values, size_t window, size_t min_periods) {
  if (window == 0) window = 1;
  if (min_periods == 0) min_periods = window;
  size_t valid = 0;  // valid values in the window ending at i
  for (size_t i = 0; i < values.size(); ++i) {
    if (i >= window && !std::isnan(values[i - window])) --valid;
    if (!std::isnan(values[i])) ++valid;
    if (valid >= min_periods && valid > 0) return i;
  }
  return 0;
}

void rolling_mean(std::span<const double> values, size_t window, double* out,
                  size_t min_periods) {
  RollingMean m(window, min_periods);
  for (size_t i = 0; i < values.size(); ++i) out[i] = m.update(values.data(), i);
}

std::vector<double> rolling_mean(std::span<const double> values, size_t window,
                                 size_t min_periods) {
  std::vector<double> out(values.size());
  rolling_mean(values, window, out.data(), min_periods);
  return out;
}

}  // namespace nocode::backtest
