// Python float semantics the broker needs to reproduce backtesting.py bit for
// bit. Pure functions, thread-safe.
#pragma once

#include <cmath>

namespace nocode::backtest {

// Python's `a // b` for floats: floor of the quotient computed from
// (a - fmod(a, b)) / b and snapped to the nearest integer, which differs from
// floor(a / b) when a / b rounds up to an integer.
inline double py_floor_div(double a, double b) {
  double rem = std::fmod(a, b);
  double q = (a - rem) / b;
  if (rem != 0 && ((b < 0) != (rem < 0))) q -= 1.0;
  if (q == 0) return std::copysign(0.0, a / b);
  double f = std::floor(q);
  if (q - f > 0.5) f += 1.0;
  return f;
}

}  // namespace nocode::backtest
