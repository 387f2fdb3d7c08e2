#include "indicators/momentum/price_oscillator.h"

#include <utility>

#include "indicators/indicator.h"
#include "indicators/momentum/momentum_core.h"

namespace nocode::indicators::momentum {
namespace {

inline double po_value(double fast, double slow, bool percent) {
  if (!percent) return fast - slow;
  return ta_is_zero(slow) ? 0.0 : ((fast - slow) / slow) * 100.0;
}

}  // namespace

PoConfig po_config(int fast, int slow, int ma_type, bool percent) {
  if (slow < fast) std::swap(fast, slow);
  return PoConfig{fast, slow, static_cast<MaType>(ma_type), percent};
}

void po_batch(const PoConfig& c, const double* x, size_t n, double* y) {
  const size_t lookback = static_cast<size_t>(c.lookback());
  for (size_t i = 0; i < n && i < lookback; ++i) y[i] = kNaN;
  if (n <= lookback) return;
  if (c.type == MaType::kSma) {
    const size_t pf = static_cast<size_t>(c.fast), ps = static_cast<size_t>(c.slow);
    const double df = static_cast<double>(c.fast), ds = static_cast<double>(c.slow);
    double sf = 0, ss = 0;
    // Warm-up: same operations as PoStream::step.
    for (size_t i = 0; i + 1 < ps; ++i) {
      ss += x[i];
      sf += x[i];
      if (i + 1 >= pf) sf -= x[i + 1 - pf];
    }
    for (size_t i = ps - 1; i < n; ++i) {
      const double v = x[i];
      ss += v;
      sf += v;
      const double slow = ss / ds;
      const double fast = sf / df;
      ss -= x[i + 1 - ps];
      sf -= x[i + 1 - pf];
      y[i] = po_value(fast, slow, c.percent);
    }
    return;
  }
  std::vector<double> fast(n);
  ma_batch(c.type, c.fast, x, n, fast.data());
  ma_batch(c.type, c.slow, x, n, y);
  for (size_t i = lookback; i < n; ++i) y[i] = po_value(fast[i], y[i], c.percent);
}

PoStream::PoStream(const PoConfig& c)
    : cfg_(c), fast_(c.type, c.fast), slow_(c.type, c.slow) {
  if (c.type == MaType::kSma) ring_.assign(static_cast<size_t>(c.slow), 0.0);
}

bool PoStream::step(double x, double* out) {
  if (cfg_.type == MaType::kSma) {
    const long i = count_++;
    const size_t ps = ring_.size();
    const long pf = cfg_.fast;
    ring_[static_cast<size_t>(i) % ps] = x;
    sum_slow_ += x;
    sum_fast_ += x;
    if (i + 1 < static_cast<long>(ps)) {
      if (i + 1 >= pf) sum_fast_ -= ring_[static_cast<size_t>(i + 1 - pf) % ps];
      return false;
    }
    const double slow = sum_slow_ / static_cast<double>(cfg_.slow);
    const double fast = sum_fast_ / static_cast<double>(cfg_.fast);
    sum_slow_ -= ring_[static_cast<size_t>(i + 1 - static_cast<long>(ps)) % ps];
    sum_fast_ -= ring_[static_cast<size_t>(i + 1 - pf) % ps];
    *out = po_value(fast, slow, cfg_.percent);
    return true;
  }
  double f, s;
  if (fast_.step(x, &f)) last_fast_ = f;
  if (!slow_.step(x, &s)) return false;
  *out = po_value(last_fast_, s, cfg_.percent);
  return true;
}

}  // namespace nocode::indicators::momentum
