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

// Python's float floor division as CPython computes it.
inline double py_floor_div_generic(double a, double b) {
  double rem = exact_fmod(a, b);
  double q = (a - rem) / b;
  if (rem != 0 && ((b < 0) != (rem < 0))) q -= 1.0;
  if (q == 0) return std::copysign(0.0, a / b);
  double f = std::floor(q);
  if (q - f > 0.5) f += 1.0;
  return f;
}

// The same for the broker's case, a >= 0 and b > 0 with a quotient below
// 2^50: CPython's (a - fmod(a, b)) / b is within Q·2.1u of the exact floor Q
// and is then floored and snapped to the nearest integer, so the result is Q,
// which the truncated quotient corrected by an exact remainder (one FMA)
// gives without the second division. Anything else: the generic path.
inline double py_floor_div(double a, double b) {
  if (a >= 0 && b > 0 && a < 0x1p1000 && b >= 0x1p-900) {
    const double q0 = a / b;
    if (q0 < 0x1p50) {
      double q = std::trunc(q0);
      const double r = std::fma(-q, b, a);  // exact: a - q·b is representable
      if (r < 0) q -= 1;
      else if (r >= b) q += 1;
      return q;
    }
  }
  return py_floor_div_generic(a, b);
}

}  // namespace nocode::backtest
