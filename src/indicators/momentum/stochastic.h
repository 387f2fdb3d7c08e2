// The stochastic oscillators' shared kernels (TA-Lib STOCH, STOCHF,
// STOCHRSI): %K over a high/low window (StochKTracker, momentum_core.h)
// followed by TA_MA-style moving averages (overlap/moving_average.h).
#pragma once

#include <cstddef>

#include "indicators/overlap/moving_average.h"

namespace nocode::indicators::momentum {

// Fast stochastic over rows [0, n): k[i] = %K (window fastk_period) and
// d[i] = MA(fastd_type, fastd_period) of %K, NaN before row
// (fastk_period-1) + ma_lookback(fastd). `high`, `low`, `close` may alias
// each other and may alias `d` (all of %K is computed before `d` is written),
// but not `k`.
void stoch_fast_batch(const double* high, const double* low, const double* close, size_t n,
                      int fastk_period, int fastd_period, MaType fastd_type, double* k,
                      double* d);

// Fast stochastic, one bar at a time; same numbers as stoch_fast_batch.
class StochFastStream {
 public:
  StochFastStream(int fastk_period, int fastd_period, MaType fastd_type);
  ~StochFastStream();
  StochFastStream(const StochFastStream&);
  StochFastStream& operator=(const StochFastStream&);
  // Returns true and sets *k, *d once %D has a value.
  bool step(double high, double low, double close, double* k, double* d);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace nocode::indicators::momentum
