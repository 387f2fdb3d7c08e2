// The Chaikin accumulation/distribution line shared by AD and ADOSC:
// ad += ((close − low) − (high − close))/(high − low) · volume, skipping bars
// whose high − low is not > 0 (TA-Lib). The per-bar term is branch-free so a
// chunk of terms can be computed vectorised before the running sum.
#pragma once

#include <cstddef>

namespace nocode::indicators {

inline double ad_term(double h, double l, double c, double v) {
  const double range = h - l;
  const double t = (((c - l) - (h - c)) / range) * v;
  return range > 0.0 ? t : 0.0;  // adding 0.0 equals TA-Lib's skip
}

inline constexpr size_t kAdChunk = 512;

}  // namespace nocode::indicators
