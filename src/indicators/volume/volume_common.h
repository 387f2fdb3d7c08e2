// Shared by the extended volume indicators: Fosback's volume indices.
#pragma once

#include <cstddef>

#include "indicators/indicator.h"

namespace nocode::indicators::vol {

// NVI (kPositive = false) / PVI (true): starts at `start` on row 0; on a bar
// whose volume is below (NVI) / above (PVI) the previous bar's volume,
// index += (close − prev close)/prev close · index; otherwise unchanged.
template <bool kPositive>
struct VolumeIndexState {
  static constexpr size_t kInputs = 2, kOutputs = 1;  // close, volume
  explicit VolumeIndexState(const Params& p) : index(p.real(0)) {}
  bool step(const double* bar, double* out) {
    const double c = bar[0], v = bar[1];
    if (count++ > 0) {
      const bool active = kPositive ? (v > prev_v) : (v < prev_v);
      if (active) index = index + (c - prev_c) / prev_c * index;
    }
    prev_c = c;
    prev_v = v;
    out[0] = index;
    return true;
  }
  double index;
  long count = 0;
  double prev_c = 0, prev_v = 0;
};

inline int volume_index_lookback(const Params&) { return 0; }

}  // namespace nocode::indicators::vol
