// Saturating conversions of user-supplied doubles to integers: a JSON number
// may be 1e300 or NaN, and a plain cast of that is undefined behaviour.
// Range checks still report such values; these only keep the cast defined.
#pragma once

#include <cmath>
#include <cstddef>

namespace nocode {

// NaN -> 0; otherwise truncated and clamped to [-1e9, 1e9].
inline int saturating_int(double v) {
  if (std::isnan(v)) return 0;
  if (v > 1e9) return 1000000000;
  if (v < -1e9) return -1000000000;
  return static_cast<int>(v);
}

// NaN or negative -> 0; otherwise truncated and clamped to 1e15.
inline size_t saturating_size(double v) {
  if (!(v > 0)) return 0;
  if (v > 1e15) return static_cast<size_t>(1e15);
  return static_cast<size_t>(v);
}

// Truncated and clamped to +-2^53 (exact in a double); NaN -> 0.
inline long long saturating_ll(double v) {
  if (std::isnan(v)) return 0;
  constexpr double kMax = 9007199254740992.0;
  if (v > kMax) return static_cast<long long>(kMax);
  if (v < -kMax) return -static_cast<long long>(kMax);
  return static_cast<long long>(v);
}

}  // namespace nocode
