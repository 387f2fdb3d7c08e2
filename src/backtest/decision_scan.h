// Scanning per-bar decision bytes for the next non-zero one (the strategies'
// next_action_bar). Internal to src/backtest; pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace nocode::backtest {

// First index k in [from, n) with bytes[k] != 0, else n. Eight bytes a step.
inline size_t first_nonzero(const uint8_t* bytes, size_t from, size_t n) {
  size_t k = from;
  for (; k + 8 <= n; k += 8) {
    uint64_t word;
    std::memcpy(&word, bytes + k, 8);
    if (word != 0) break;
  }
  for (; k < n; ++k)
    if (bytes[k] != 0) return k;
  return n;
}

}  // namespace nocode::backtest
