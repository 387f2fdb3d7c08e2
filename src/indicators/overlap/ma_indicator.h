// Internal: glue between the MA cores of ma_kernels.h and the registry's
// State/batch conventions, shared by the single-series MA indicators.
#pragma once

#include "indicators/indicator.h"
#include "indicators/overlap/ma_kernels.h"

namespace nocode::indicators::ma {

// State for StateStream: a core built from the period (parameter 0).
template <class Core>
struct PeriodState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit PeriodState(const Params& p) : core(p.integer(0)) {}
  bool step(const double* bar, double* out) { return core.step(bar[0], out); }
  Core core;
};

// batch adaptor for kernels of the form kernel(x, n, period, y).
template <void (*Kernel)(const double*, size_t, int, double*)>
void period_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  Kernel(in[0], n, p.integer(0), out[0]);
}

}  // namespace nocode::indicators::ma
