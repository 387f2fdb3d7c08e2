// Batch kernels of ma_kernels.h: the same expressions as the cores, in tight
// loops over arrays, for both modes.
#include "indicators/overlap/ma_kernels.h"

#include <limits>

namespace nocode::indicators::ma {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void fill_nan(double* y, size_t count) {
  for (size_t i = 0; i < count; ++i) y[i] = kNaN;
}

// Runs an EmaChain through its warm-up, then the steady-state loop with
// `combine(e)` per row.
template <int N, EmaForm F, class Combine>
void ema_chain_batch(const double* x, size_t n, int period, double* y, Combine combine) {
  EmaChain<N, F> c(period);
  const size_t lookback = size_t(N) * size_t(period - 1);
  size_t i = 0;
  for (; i < n && i <= lookback; ++i) y[i] = c.step(x[i]) ? combine(c.e) : kNaN;
  if (i >= n) return;
  const double k = c.k, omk = c.omk;
  std::array<double, N> e = c.e;
  for (; i < n; ++i) {
    double v = x[i];
    for (int j = 0; j < N; ++j) {
      e[j] = ema_update<F>(e[j], v, k, omk);
      v = e[j];
    }
    y[i] = combine(e);
  }
}

}  // namespace

template <Mode M>
void sma_batch_t(const double* x, size_t n, int period, double* y) {
  const size_t p = size_t(period);
  if (n < p) return fill_nan(y, n);
  fill_nan(y, p - 1);
  const double dp = period;
  double sum = 0;
  if constexpr (M == Mode::kExact) {
    for (size_t i = 0; i + 1 < p; ++i) sum += x[i];
    for (size_t i = p - 1; i < n; ++i) {
      sum += x[i];
      y[i] = sum / dp;
      sum -= x[i + 1 - p];
    }
  } else {
    for (size_t i = 0; i < p; ++i) sum += x[i];
    y[p - 1] = sum / dp;
    for (size_t i = p; i < n; ++i) {
      sum += x[i] - x[i - p];
      y[i] = sum / dp;
    }
  }
}

template <Mode M>
void ema_batch_t(const double* x, size_t n, int period, double* y) {
  ema_chain_batch<1, ema_form(M)>(x, n, period, y,
                                  [](const std::array<double, 1>& e) { return e[0]; });
}

template <Mode M>
void dema_batch_t(const double* x, size_t n, int period, double* y) {
  ema_chain_batch<2, ema_form(M)>(
      x, n, period, y, [](const std::array<double, 2>& e) { return dema_combine(e[0], e[1]); });
}

template <Mode M>
void tema_batch_t(const double* x, size_t n, int period, double* y) {
  ema_chain_batch<3, ema_form(M)>(x, n, period, y, [](const std::array<double, 3>& e) {
    return tema_combine<M>(e[0], e[1], e[2]);
  });
}

template <Mode M>
void t3_batch_t(const double* x, size_t n, int period, double vfactor, double* y) {
  const T3Coeffs c(vfactor);
  ema_chain_batch<6, t3_form(M)>(x, n, period, y, [&c](const std::array<double, 6>& e) {
    return c.apply(e[2], e[3], e[4], e[5]);
  });
}

template <Mode M>
void wma_batch_t(const double* x, size_t n, int period, double* y) {
  const size_t p = size_t(period);
  if (n < p) return fill_nan(y, n);
  fill_nan(y, p - 1);
  const double dp = period;
  const double divider = double((period * (period + 1)) >> 1);
  double sub = 0, wsum = 0;
  for (size_t i = 0; i + 1 < p; ++i) {
    sub += x[i];
    wsum += x[i] * double(int(i) + 1);
  }
  if constexpr (M == Mode::kExact) {
    double old = 0.0;  // TA-Lib subtracts 0.0 at the first row
    for (size_t i = p - 1; i < n; ++i) {
      const double xi = x[i];
      sub += xi;
      sub -= old;
      wsum += xi * dp;
      old = x[i + 1 - p];
      y[i] = wsum / divider;
      wsum -= sub;
    }
  } else {
    const double first = x[p - 1];
    wsum += first * dp;
    sub += first - 0.0;
    y[p - 1] = wsum / divider;
    for (size_t i = p; i < n; ++i) {
      const double xi = x[i];
      wsum += xi * dp - sub;
      sub += xi - x[i - p];
      y[i] = wsum / divider;
    }
  }
}

template <Mode M>
void trima_batch_t(const double* x, size_t n, int period, double* y) {
  const size_t p = size_t(period);
  if (n < p) return fill_nan(y, n);
  fill_nan(y, p - 1);
  const TrimaShape shape(period);
  const size_t m = size_t(shape.m);
  const double factor = shape.factor;
  double older, newer, num;
  shape.init(x, older, newer, num);
  y[p - 1] = num * factor;
  for (size_t i = p; i < n; ++i) {
    shape.advance<M>(x[i], x[i - m], x[i - p], older, newer, num);
    y[i] = num * factor;
  }
}

template <Mode M>
void kama_batch_t(const double* x, size_t n, int period, double* y) {
  const size_t p = size_t(period);
  if (n <= p) return fill_nan(y, n);
  fill_nan(y, p);
  double sum = 0;
  for (size_t i = 0; i + 1 < p; ++i) sum += std::fabs(x[i] - x[i + 1]);
  sum += std::fabs(x[p - 1] - x[p]);
  double kama = x[p - 1];
  kama = KamaMath::update<M>(kama, x[p], KamaMath::smoothing(sum, x[p] - x[0]));
  y[p] = kama;
  for (size_t i = p + 1; i < n; ++i) {
    const double xi = x[i], oldest = x[i - p];
    const double roc = xi - oldest;
    sum -= std::fabs(x[i - p - 1] - oldest);
    sum += std::fabs(xi - x[i - 1]);
    kama = KamaMath::update<M>(kama, xi, KamaMath::smoothing(sum, roc));
    y[i] = kama;
  }
}

#define NOCODE_MA_INSTANTIATE(M)                                                     \
  template void sma_batch_t<M>(const double*, size_t, int, double*);                \
  template void ema_batch_t<M>(const double*, size_t, int, double*);                \
  template void dema_batch_t<M>(const double*, size_t, int, double*);               \
  template void tema_batch_t<M>(const double*, size_t, int, double*);               \
  template void t3_batch_t<M>(const double*, size_t, int, double, double*);         \
  template void wma_batch_t<M>(const double*, size_t, int, double*);                \
  template void trima_batch_t<M>(const double*, size_t, int, double*);              \
  template void kama_batch_t<M>(const double*, size_t, int, double*);
NOCODE_MA_INSTANTIATE(Mode::kFast)
NOCODE_MA_INSTANTIATE(Mode::kExact)
#undef NOCODE_MA_INSTANTIATE

}  // namespace nocode::indicators::ma
