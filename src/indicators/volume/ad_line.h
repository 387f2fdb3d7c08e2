// The Chaikin accumulation/distribution line shared by AD and ADOSC:
// ad += ((close − low) − (high − close))/(high − low) · volume, skipping bars
// whose high − low is not > 0 (TA-Lib). The per-bar term is branch-free.
#pragma once

#include <cstddef>

namespace nocode::indicators {

inline double ad_term(double h, double l, double c, double v) {
  const double range = h - l;
  const double t = (((c - l) - (h - c)) / range) * v;
  return range > 0.0 ? t : 0.0;  // adding 0.0 equals TA-Lib's skip
}

}  // namespace nocode::indicators
