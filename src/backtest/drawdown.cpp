// Drawdown curve and episodes (backtesting.py compute_drawdown_duration_peaks):
// episodes run between consecutive bars where the drawdown is 0 (plus the
// last bar) and count when they span more than one bar.
#include <algorithm>
#include <cmath>

#include "backtest/statistics.h"

namespace nocode::backtest {

DrawdownCurve compute_drawdowns(std::span<const double> equity, const int64_t* ts) {
  const size_t n = equity.size();
  DrawdownCurve c;
  c.drawdown.resize(n);
  c.duration_ns.assign(n, kNaT);
  c.peak.assign(n, std::nan(""));
  double running_max = -INFINITY;
  for (size_t i = 0; i < n; ++i) {
    running_max = std::max(running_max, equity[i]);  // np.maximum.accumulate
    if (std::isnan(equity[i])) running_max = equity[i];
    c.drawdown[i] = 1 - equity[i] / running_max;
  }
  size_t prev = SIZE_MAX;
  for (size_t i = 0; i < n; ++i) {
    if (!(c.drawdown[i] == 0) && i != n - 1) continue;
    if (prev != SIZE_MAX && i > prev + 1) {
      c.has_episodes = true;
      c.duration_ns[i] = ts[i] - ts[prev];
      double peak = c.drawdown[prev];
      for (size_t k = prev + 1; k <= i; ++k) peak = std::max(peak, c.drawdown[k]);
      c.peak[i] = peak;
    }
    prev = i;
  }
  return c;
}

}  // namespace nocode::backtest
