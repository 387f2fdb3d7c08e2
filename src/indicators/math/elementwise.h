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

// Rows [begin, end) of out = F(in...).
template <size_t N, Fn<N> F>
inline void apply_rows(const double* const* in, size_t begin, size_t end, double* __restrict y) {
  double v[N];
  for (size_t i = begin; i < end; ++i) {
    for (size_t k = 0; k < N; ++k) v[k] = in[k][i];
    y[i - begin] = F(v);
  }
}

template <size_t N, Fn<N> F>
void batch(const double* const* in, size_t n, const Params&, double* const* out) {
  apply_rows<N, F>(in, 0, n, out[0]);
}

inline int lookback(const Params&) { return 0; }

}  // namespace nocode::indicators::elementwise
