// Simple causal proxies for the two discretionary trend readings the editor
// offers: Elliott wave impulse count and Wyckoff accumulation/distribution.
#include <algorithm>
#include <cmath>

#include "engine/conditions/groups.h"
#include "engine/conditions/series_ops.h"

namespace nocode::engine {

void elliott_wave(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  const auto piv = ops::zigzag(l, in.n, p.percentage_threshold);
  const auto known = ops::known_counts(piv, in.n);
  const double d = ops::direction(p);
  for (size_t t = 0; t < in.n; ++t) {
    const size_t k = known[t];
    if (k < 6 || piv[k - 1].high != (d > 0)) continue;
    double v[6];
    for (int i = 0; i < 6; ++i) v[i] = d * piv[k - 6 + i].value;  // bearish: mirrored
    const double w1 = v[1] - v[0], w3 = v[3] - v[2], w5 = v[5] - v[4];
    out[t] = v[2] > v[0] && v[3] > v[1] && v[4] > v[1] && v[5] > v[3] && !(w3 < w1 && w3 < w5);
  }
}

void wyckoff_phase(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  const long w = p.structure_lookback, h = std::max<long>(1, w / 2);
  const double d = ops::direction(p), f = p.percentage_threshold / 100.0;
  for (long t = w - 1; t < static_cast<long>(in.n); ++t) {
    const double start = l[t - w + 1], mid = l[t - h];
    const double hi = ops::range_max(l, t - h + 1, t), lo = ops::range_min(l, t - h + 1, t);
    if (!(ops::ok(start, mid) && ops::ok(hi, lo)) || start == 0 || lo <= 0) continue;
    const bool prior = d > 0 ? mid <= start * (1 - f) : mid >= start * (1 + f);
    out[t] = prior && (hi - lo) / lo <= f;
  }
}

}  // namespace nocode::engine
