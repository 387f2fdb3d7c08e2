// True range as TA-Lib computes it: start from high − low and take |prev
// close − high| or |prev close − low| only when strictly greater, so a NaN
// previous close drops out. Branch-free selects, so loops vectorise.
#pragma once

#include <cmath>

namespace nocode::indicators {

inline double true_range(double h, double l, double prev_close) {
  double greatest = h - l;
  const double v2 = std::fabs(prev_close - h);
  greatest = v2 > greatest ? v2 : greatest;
  const double v3 = std::fabs(prev_close - l);
  greatest = v3 > greatest ? v3 : greatest;
  return greatest;
}

// Rows of TR per input bar in chunks this long (fits L1 with the inputs).
inline constexpr size_t kTrueRangeChunk = 512;

}  // namespace nocode::indicators
