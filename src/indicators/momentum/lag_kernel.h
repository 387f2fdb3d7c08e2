// Shared kernel of MOM and the ROC family: out[i] = f(x[i], x[i−p]). The
// formula is a branch-free inline function so the batch loop vectorises; the
// stream keeps the last p values in a ring and applies the same function.
#pragma once

#include <vector>

#include "indicators/indicator.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {

template <double (*F)(double x, double prev)>
struct LagState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit LagState(const Params& p) : period(size_t(p.integer(0))), ring(period, 0.0) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    if (count < period) {
      ring[count++] = x;
      return false;
    }
    const double prev = ring[pos];
    ring[pos] = x;
    if (++pos == period) pos = 0;
    out[0] = F(x, prev);
    return true;
  }

  size_t period;
  std::vector<double> ring;
  size_t pos = 0, count = 0;
};

template <double (*F)(double x, double prev)>
void lag_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double* __restrict x = in[0];
  double* __restrict y = out[0];
  const size_t period = size_t(p.integer(0));
  fill_warmup(out, 1, n, period);
  for (size_t i = period; i < n; ++i) y[i] = F(x[i], x[i - period]);
}

inline int lag_lookback(const Params& p) { return p.integer(0); }

}  // namespace nocode::indicators
