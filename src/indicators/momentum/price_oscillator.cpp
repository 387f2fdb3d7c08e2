#include "indicators/momentum/price_oscillator.h"

#include <algorithm>
#include <utility>

#include "indicators/indicator.h"
#include "indicators/momentum/momentum_core.h"

namespace nocode::indicators::momentum {
namespace {

// APO: fast - slow. PPO: ((fast - slow)/slow)*100, 0 when slow is ~0; the
// quotient is computed unconditionally so block loops of this vectorise.
inline double po_value(double fast, double slow, bool percent) {
  if (!percent) return fast - slow;
  const double q = ((fast - slow) / slow) * 100.0;
  return ta_is_zero(slow) ? 0.0 : q;
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
    const double rf = 1.0 / df, rs = 1.0 / ds;
    double sf = 0, ss = 0;
    // Warm-up: same operations as PoStream::step.
    for (size_t i = 0; i + 1 < ps; ++i) {
      ss += x[i];
      sf += x[i];
      if (i + 1 >= pf) sf -= x[i + 1 - pf];
    }
    // Blocks: the two running sums (TA-Lib's SMA order, exact divisions by
    // the periods), then the output in a vectorisable loop.
    constexpr size_t kBlock = 256;
    double fb[kBlock], sb[kBlock];
    for (size_t start = ps - 1; start < n; start += kBlock) {
      const size_t m = std::min(kBlock, n - start);
      for (size_t j = 0; j < m; ++j) {
        const size_t i = start + j;
        const double v = x[i];
        ss += v;
        sf += v;
        sb[j] = div_by_const(ss, ds, rs);
        fb[j] = div_by_const(sf, df, rf);
        ss -= x[i + 1 - ps];
        sf -= x[i + 1 - pf];
      }
      double* out = y + start;
      if (c.percent) {
        for (size_t j = 0; j < m; ++j) out[j] = po_value(fb[j], sb[j], true);
      } else {
        for (size_t j = 0; j < m; ++j) out[j] = po_value(fb[j], sb[j], false);
      }
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
    const double ds = static_cast<double>(cfg_.slow), df = static_cast<double>(cfg_.fast);
    const double slow = div_by_const(sum_slow_, ds, 1.0 / ds);
    const double fast = div_by_const(sum_fast_, df, 1.0 / df);
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
