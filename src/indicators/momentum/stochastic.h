// The stochastic oscillators' shared kernels (TA-Lib STOCH, STOCHF,
// STOCHRSI): %K over a high/low window (StochKTracker, momentum_core.h)
// followed by TA_MA-style moving averages (overlap/moving_average.h).
#pragma once

#include <cstddef>
#include <vector>

#include "indicators/overlap/moving_average.h"

namespace nocode::indicators::momentum {

// TA_MA with TA-Lib's own SMA rounding: for SMA (period > 1) the running sum
// is `sum += x; v = sum/p; sum -= oldest` exactly as TA_SMA (its residues feed
// later stages, e.g. STOCH's slow %D, bit for bit); other types and period 1
// go to overlap/moving_average.h.
void talib_ma_batch(MaType type, int period, const double* in, size_t n, double* out);

class TalibMaStream {
 public:
  TalibMaStream(MaType type, int period);
  bool step(double x, double* out);

 private:
  bool sma_;
  int period_;
  std::vector<double> ring_;
  long count_ = 0;
  double sum_ = 0;
  MaStream other_;
};

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
