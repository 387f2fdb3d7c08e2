// Python float semantics the broker needs to reproduce backtesting.py bit for
// bit. Pure functions, thread-safe.
#pragma once

#include <cmath>

namespace nocode::backtest {

// Python's `a // b` for floats: floor of the quotient computed from
// (a - fmod(a, b)) / b and snapped to the nearest integer, which differs from
// floor(a / b) when a / b rounds up to an integer.
// C's fmod, exactly, without glibc's slow bit-by-bit loop: with the true
// quotient q the remainder |a| - q|b| is representable, so one fused
// multiply-add gives it exactly; a quotient off by one from the rounded
// division is corrected (its remainder falls outside [0, |b|)). Falls back to
// std::fmod outside 0 < |a|/|b| < 2^52 or for extreme exponents.
inline double exact_fmod(double a, double b) {
  const double abs_a = std::fabs(a), abs_b = std::fabs(b);
  if (!(abs_a < 0x1p1000 && abs_b >= 0x1p-900 && abs_a / abs_b < 0x1p52)) return std::fmod(a, b);
  double q = std::trunc(abs_a / abs_b);
  double r = std::fma(-q, abs_b, abs_a);
  if (r < 0) {
    q -= 1;
    r = std::fma(-q, abs_b, abs_a);
  } else if (r >= abs_b) {
    q += 1;
    r = std::fma(-q, abs_b, abs_a);
  }
  return std::copysign(r, a);
}

inline double py_floor_div(double a, double b) {
  double rem = exact_fmod(a, b);
  double q = (a - rem) / b;
  if (rem != 0 && ((b < 0) != (rem < 0))) q -= 1.0;
  if (q == 0) return std::copysign(0.0, a / b);
  double f = std::floor(q);
  if (q - f > 0.5) f += 1.0;
  return f;
}

}  // namespace nocode::backtest
