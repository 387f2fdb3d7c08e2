// Batch kernels of ma_kernels.h: the same expressions as the cores, in tight
// loops over arrays.
#include "indicators/overlap/ma_kernels.h"

#include <limits>

namespace nocode::indicators::ma {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void fill_nan(double* y, size_t count) {
  for (size_t i = 0; i < count; ++i) y[i] = kNaN;
}

// Runs an EmaChain<N> through its warm-up, then the steady-state loop with
// `combine(e)` per row.
template <int N, class Combine>
void ema_chain_batch(const double* x, size_t n, int period, double* y, Combine combine) {
  EmaChain<N> c(period);
  const size_t lookback = size_t(N) * size_t(period - 1);
  size_t i = 0;
  for (; i < n && i <= lookback; ++i) y[i] = c.step(x[i]) ? combine(c.e) : kNaN;
  if (i >= n) return;
  const double k = c.k, omk = c.omk;
  std::array<double, N> e = c.e;
  for (; i < n; ++i) {
    double v = x[i];
    for (int j = 0; j < N; ++j) {
      e[j] = std::fma(omk, e[j], k * v);
      v = e[j];
    }
    y[i] = combine(e);
  }
}

}  // namespace

void sma_batch(const double* x, size_t n, int period, double* y) {
  const size_t p = size_t(period);
  if (n < p) return fill_nan(y, n);
  fill_nan(y, p - 1);
  const double dp = period;
  double sum = 0;
  for (size_t i = 0; i < p; ++i) sum += x[i];
  y[p - 1] = sum / dp;
  for (size_t i = p; i < n; ++i) {
    sum += x[i] - x[i - p];
    y[i] = sum / dp;
  }
}

void ema_batch(const double* x, size_t n, int period, double* y) {
  ema_chain_batch<1>(x, n, period, y, [](const std::array<double, 1>& e) { return e[0]; });
}

void dema_batch(const double* x, size_t n, int period, double* y) {
  ema_chain_batch<2>(x, n, period, y,
                     [](const std::array<double, 2>& e) { return dema_combine(e[0], e[1]); });
}

void tema_batch(const double* x, size_t n, int period, double* y) {
  ema_chain_batch<3>(x, n, period, y, [](const std::array<double, 3>& e) {
    return tema_combine(e[0], e[1], e[2]);
  });
}

void t3_batch(const double* x, size_t n, int period, double vfactor, double* y) {
  const T3Coeffs c(vfactor);
  ema_chain_batch<6>(x, n, period, y, [&c](const std::array<double, 6>& e) {
    return c.apply(e[2], e[3], e[4], e[5]);
  });
}

void wma_batch(const double* x, size_t n, int period, double* y) {
  const size_t p = size_t(period);
  if (n < p) return fill_nan(y, n);
  fill_nan(y, p - 1);
  const double dp = period;
  const double divider = double((period * (period + 1)) >> 1);
  double sub = 0, wsum = 0;
  for (size_t i = 0; i < p; ++i) {
    sub += x[i];
    wsum += x[i] * double(int(i) + 1);
  }
  y[p - 1] = wsum / divider;
  for (size_t i = p; i < n; ++i) {
    wsum += x[i] * dp - sub;
    sub += x[i] - x[i - p];
    y[i] = wsum / divider;
  }
}

void trima_batch(const double* x, size_t n, int period, double* y) {
  const size_t p = size_t(period);
  if (n < p) return fill_nan(y, n);
  fill_nan(y, p - 1);
  const TrimaCore shape(period);
  const size_t m = size_t(shape.m);
  const double factor = shape.factor;
  double older, newer, num;
  TrimaCore::init(x, period, older, newer, num);
  y[p - 1] = num * factor;
  if (p % 2 == 1) {
    for (size_t i = p; i < n; ++i) {
      const double xi = x[i], xm = x[i - m], xo = x[i - p];
      num += (newer - older) + xi;
      older += xm - xo;
      newer += xi - xm;
      y[i] = num * factor;
    }
  } else {
    for (size_t i = p; i < n; ++i) {
      const double xi = x[i], xm = x[i - m], xo = x[i - p];
      num += ((newer - xm) - older) + xi;
      older += xm - xo;
      newer += xi - xm;
      y[i] = num * factor;
    }
  }
}

void kama_batch(const double* x, size_t n, int period, double* y) {
  const size_t p = size_t(period);
  if (n <= p) return fill_nan(y, n);
  fill_nan(y, p);
  double sum = 0;
  for (size_t i = 0; i + 1 < p; ++i) sum += std::fabs(x[i] - x[i + 1]);
  sum += std::fabs(x[p - 1] - x[p]);
  double kama = x[p - 1];
  kama = KamaMath::update(kama, x[p], KamaMath::smoothing(sum, x[p] - x[0]));
  y[p] = kama;
  for (size_t i = p + 1; i < n; ++i) {
    const double xi = x[i], oldest = x[i - p];
    const double roc = xi - oldest;
    sum -= std::fabs(x[i - p - 1] - oldest);
    sum += std::fabs(xi - x[i - 1]);
    kama = KamaMath::update(kama, xi, KamaMath::smoothing(sum, roc));
    y[i] = kama;
  }
}

}  // namespace nocode::indicators::ma
