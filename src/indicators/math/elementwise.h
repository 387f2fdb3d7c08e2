// Kernels of row-by-row functions (math transforms, operators, price
// transforms): out[i] = F(in0[i], ...). No warm-up, no state; the batch loop is
// a plain loop the compiler vectorises where F allows it.
#pragma once

#include "indicators/indicator.h"
#include "indicators/state_stream.h"

namespace nocode::indicators::elementwise {

template <size_t N>
using Fn = double (*)(const double* v);

template <size_t N, Fn<N> F>
struct State {
  static constexpr size_t kInputs = N, kOutputs = 1;
  explicit State(const Params&) {}
  bool step(const double* bar, double* out) {
    out[0] = F(bar);
    return true;
  }
};

template <size_t N, Fn<N> F>
void batch(const double* const* in, size_t n, const Params&, double* const* out) {
  double* __restrict y = out[0];
  double v[N];
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < N; ++k) v[k] = in[k][i];
    y[i] = F(v);
  }
}

inline int lookback(const Params&) { return 0; }

}  // namespace nocode::indicators::elementwise
