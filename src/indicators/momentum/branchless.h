// Branch-free selects. gcc turns data-dependent `c ? a : b` on doubles into
// branches, which mispredict about half the time on price data; these
// compile to mask operations instead and give the very same bits.
#pragma once

#include <bit>
#include <cstdint>

namespace nocode::indicators {

inline int64_t select_i(bool c, int64_t a, int64_t b) {
  const int64_t m = -int64_t(c);
  return (a & m) | (b & ~m);
}

inline double select_d(bool c, double a, double b) {
  const uint64_t m = uint64_t(0) - uint64_t(c);
  return std::bit_cast<double>((std::bit_cast<uint64_t>(a) & m) |
                               (std::bit_cast<uint64_t>(b) & ~m));
}

}  // namespace nocode::indicators
