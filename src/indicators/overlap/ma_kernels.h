// Internal: the moving-average kernels behind moving_average.h and the
// overlap indicators (SMA, EMA, WMA, DEMA, TEMA, TRIMA, KAMA, T3).
//
// Each MA has a small "core" (one value in, one value out) used by the
// streams, and a batch kernel (ma_kernels.cpp) that runs exactly the same
// floating-point expressions in a tight loop, so batch and stream agree bit
// for bit. The expressions are reformulated from TA-Lib's for speed where the
// result stays within ~1e-14 relative of TA-Lib's:
//  * EMA steps are fma(1-k, y, k*x) (one 4-cycle FMA on the dependency chain)
//    instead of (x-y)*k+y; multi-stage EMAs (DEMA, TEMA, T3) run fused.
//  * Running window sums (SMA, WMA, TRIMA) add the difference (new - old) so
//    only one add sits on each dependency chain.
// Seeding and warm-up follow TA-Lib exactly (SMA seeds, KAMA's seed, ...).
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

namespace nocode::indicators::ma {

inline constexpr double kTaEpsilon = 1e-14;  // TA-Lib's TA_IS_ZERO threshold

// ---------------------------------------------------------------- SMA
struct SmaCore {
  explicit SmaCore(int period) : p(period), dp(period), buf(size_t(period)) {}
  bool step(double x, double* out) {
    if (count < p) {
      buf[size_t(count)] = x;
      sum += x;
      if (++count < p) return false;
      *out = sum / dp;
      return true;
    }
    sum += x - buf[pos];
    buf[pos] = x;
    if (++pos == buf.size()) pos = 0;
    *out = sum / dp;
    return true;
  }
  int p;
  double dp;
  std::vector<double> buf;
  size_t pos = 0;
  int count = 0;
  double sum = 0;
};
void sma_batch(const double* x, size_t n, int period, double* y);

// ------------------------------------------------- EMA chains (EMA, DEMA, TEMA, T3)
// N EMAs in series; stage j is seeded with the mean of the first `period`
// values of stage j-1 (TA-Lib's seeding), so stage j's first value is at
// row j*(period-1)... i.e. the chain is ready at row N*(period-1).
template <int N>
struct EmaChain {
  explicit EmaChain(int period)
      : p(period), dp(period), k(2.0 / (period + 1.0)), omk(1.0 - k) {}
  // Feeds one value; true once every stage holds a value (e[] valid).
  bool step(double x) {
    double v = x;
    for (int j = 0; j < N; ++j) {
      if (count[j] < p) {
        sum[j] += v;
        if (++count[j] < p) return false;
        e[j] = sum[j] / dp;
      } else {
        e[j] = std::fma(omk, e[j], k * v);
      }
      v = e[j];
    }
    return true;
  }
  int p;
  double dp, k, omk;
  std::array<double, N> e{}, sum{};
  std::array<int, N> count{};
};

inline double dema_combine(double e1, double e2) { return (2.0 * e1) - e2; }
// TA-Lib: e3 + (3*e1 - 3*e2); one FMA is faster and within an ulp or two.
inline double tema_combine(double e1, double e2, double e3) {
  return std::fma(3.0, e1 - e2, e3);
}

struct T3Coeffs {
  explicit T3Coeffs(double v) {
    const double v2 = v * v;
    c1 = -(v2 * v);
    c2 = 3.0 * (v2 - c1);
    c3 = -6.0 * v2 - 3.0 * (v - c1);
    c4 = 1.0 + 3.0 * v - c1 + 3.0 * v2;
  }
  double apply(double e3, double e4, double e5, double e6) const {
    return c1 * e6 + c2 * e5 + c3 * e4 + c4 * e3;
  }
  double c1, c2, c3, c4;
};

struct EmaCore {
  explicit EmaCore(int period) : c(period) {}
  bool step(double x, double* out) {
    if (!c.step(x)) return false;
    *out = c.e[0];
    return true;
  }
  EmaChain<1> c;
};
struct DemaCore {
  explicit DemaCore(int period) : c(period) {}
  bool step(double x, double* out) {
    if (!c.step(x)) return false;
    *out = dema_combine(c.e[0], c.e[1]);
    return true;
  }
  EmaChain<2> c;
};
struct TemaCore {
  explicit TemaCore(int period) : c(period) {}
  bool step(double x, double* out) {
    if (!c.step(x)) return false;
    *out = tema_combine(c.e[0], c.e[1], c.e[2]);
    return true;
  }
  EmaChain<3> c;
};
struct T3Core {
  T3Core(int period, double vfactor) : c(period), coeffs(vfactor) {}
  bool step(double x, double* out) {
    if (!c.step(x)) return false;
    *out = coeffs.apply(c.e[2], c.e[3], c.e[4], c.e[5]);
    return true;
  }
  EmaChain<6> c;
  T3Coeffs coeffs;
};
void ema_batch(const double* x, size_t n, int period, double* y);
void dema_batch(const double* x, size_t n, int period, double* y);
void tema_batch(const double* x, size_t n, int period, double* y);
void t3_batch(const double* x, size_t n, int period, double vfactor, double* y);

// ---------------------------------------------------------------- WMA
// Weights 1..p, heaviest on the newest value; divided by p(p+1)/2.
struct WmaCore {
  explicit WmaCore(int period)
      : p(period), dp(period), divider(double((period * (period + 1)) >> 1)),
        buf(size_t(period)) {}
  bool step(double x, double* out) {
    if (count < p) {
      buf[size_t(count)] = x;
      sub += x;
      wsum += x * double(count + 1);
      if (++count < p) return false;
      *out = wsum / divider;
      return true;
    }
    wsum += x * dp - sub;
    sub += x - buf[pos];
    buf[pos] = x;
    if (++pos == buf.size()) pos = 0;
    *out = wsum / divider;
    return true;
  }
  int p;
  double dp, divider;
  std::vector<double> buf;
  size_t pos = 0;
  int count = 0;
  double sub = 0, wsum = 0;
};
void wma_batch(const double* x, size_t n, int period, double* y);

// ---------------------------------------------------------------- TRIMA
// Triangular weights; numerator kept as TA-Lib does with an older-half sum
// (O) and a newer-half sum (N) around the middle value.
struct TrimaCore {
  explicit TrimaCore(int period) : p(period), m(period >> 1), buf(size_t(period)) {
    factor = (p % 2 == 1) ? 1.0 / double((m + 1) * (m + 1)) : 1.0 / double(m * (m + 1));
  }
  // TA-Lib's initial sums over the first p values w[0..p).
  static void init(const double* w, int p, double& older, double& newer, double& num) {
    const int m = p >> 1;
    const int middle = (p % 2 == 1) ? m : m - 1;
    older = newer = num = 0;
    for (int i = middle; i >= 0; --i) {
      older += w[i];
      num += older;
    }
    for (int i = middle + 1; i <= p - 1; ++i) {
      newer += w[i];
      num += newer;
    }
  }
  // One step: x_old = x[t-p], x_mid = x[t-m], x = x[t].
  static double advance(bool odd, double x, double x_mid, double x_old, double& older,
                        double& newer, double& num) {
    const double d = odd ? (newer - older) + x : ((newer - x_mid) - older) + x;
    num += d;
    older += x_mid - x_old;
    newer += x - x_mid;
    return num;
  }
  bool step(double x, double* out) {
    if (count < p) {
      buf[size_t(count)] = x;
      if (++count < p) return false;
      init(buf.data(), p, older, newer, num);
      *out = num * factor;
      return true;
    }
    const double x_old = buf[pos];
    const size_t mid = (pos + size_t(p - m)) % size_t(p);
    advance(p % 2 == 1, x, buf[mid], x_old, older, newer, num);
    buf[pos] = x;
    if (++pos == buf.size()) pos = 0;
    *out = num * factor;
    return true;
  }
  int p, m;
  double factor;
  std::vector<double> buf;
  size_t pos = 0;
  int count = 0;
  double older = 0, newer = 0, num = 0;
};
void trima_batch(const double* x, size_t n, int period, double* y);

// ---------------------------------------------------------------- KAMA
// Kaufman: ER over `period` changes, sc = (ER*(2/3-2/31)+2/31)^2, seeded with
// x[p-1]; first value at row p.
struct KamaMath {
  static constexpr double kConstMax = 2.0 / (30.0 + 1.0);
  static constexpr double kConstDiff = 2.0 / (2.0 + 1.0) - kConstMax;
  static double smoothing(double sum_roc, double period_roc) {
    double er;
    if ((sum_roc <= period_roc) || (-kTaEpsilon < sum_roc && sum_roc < kTaEpsilon))
      er = 1.0;
    else
      er = std::fabs(period_roc / sum_roc);
    er = (er * kConstDiff) + kConstMax;
    return er * er;
  }
  static double update(double prev, double x, double sc) {
    return std::fma(1.0 - sc, prev, sc * x);
  }
};
struct KamaCore {
  explicit KamaCore(int period) : p(period), buf(size_t(period) + 1) {}
  bool step(double x, double* out) {
    const size_t len = buf.size();  // p + 1
    if (count < p) {
      buf[size_t(count++)] = x;
      return false;
    }
    if (count == p) {
      // buf holds x[0..p-1]; x is x[p].
      sum = 0;
      for (int i = 0; i < p - 1; ++i) sum += std::fabs(buf[size_t(i)] - buf[size_t(i) + 1]);
      sum += std::fabs(buf[size_t(p) - 1] - x);
      kama = buf[size_t(p) - 1];
      const double roc = x - buf[0];
      kama = KamaMath::update(kama, x, KamaMath::smoothing(sum, roc));
      buf[size_t(p)] = x;
      pos = 0;  // oldest = x[t-p-1] for the next t
      ++count;
      *out = kama;
      return true;
    }
    // buf (ring, oldest at pos) holds x[t-p-1] .. x[t-1].
    const double trailing = buf[pos];
    const double oldest_in = buf[(pos + 1) % len];  // x[t-p]
    const double prev_x = buf[(pos + len - 1) % len];
    const double roc = x - oldest_in;
    sum -= std::fabs(trailing - oldest_in);
    sum += std::fabs(x - prev_x);
    kama = KamaMath::update(kama, x, KamaMath::smoothing(sum, roc));
    buf[pos] = x;
    if (++pos == len) pos = 0;
    *out = kama;
    return true;
  }
  int p;
  std::vector<double> buf;
  size_t pos = 0;
  int count = 0;
  double sum = 0, kama = 0;
};
void kama_batch(const double* x, size_t n, int period, double* y);

}  // namespace nocode::indicators::ma
