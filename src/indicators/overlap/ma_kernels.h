// Internal: the moving-average kernels behind moving_average.h and the
// overlap indicators (SMA, EMA, WMA, DEMA, TEMA, TRIMA, KAMA, T3).
//
// Each MA has a small "core" (one value in, one value out) used by the
// streams, and a batch kernel (ma_kernels.cpp) that runs exactly the same
// floating-point expressions in a tight loop, so batch and stream agree bit
// for bit. Every kernel comes in two modes:
//  * Mode::kExact repeats TA-Lib's operations in TA-Lib's order, so results
//    are TA-Lib's to the last bit (including its running-sum drift). The
//    moving-average dispatcher (moving_average.h: MA, BBANDS, STOCH, APO, PPO,
//    MACDEXT, ...) uses it: indicators that subtract two MAs (APO, MACDEXT)
//    amplify any last-bit difference into a visible relative error.
//  * Mode::kFast is the same algorithm reformulated for speed, within ~1e-14
//    relative of TA-Lib: EMA steps as fma(1-k, y, k*x) (one FMA on the
//    dependency chain instead of sub+mul+add), running window sums updated
//    with (new - old) so only one add sits on each chain. The standalone
//    SMA/EMA/WMA/DEMA/TEMA/TRIMA/KAMA/T3 indicators use it.
// Seeding and warm-up follow TA-Lib in both modes.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

namespace nocode::indicators::ma {

inline constexpr double kTaEpsilon = 1e-14;  // TA-Lib's TA_IS_ZERO threshold

enum class Mode { kFast, kExact };

// ---------------------------------------------------------------- SMA
template <Mode M>
struct SmaCoreT {
  explicit SmaCoreT(int period) : p(period), dp(period), buf(size_t(period)) {}
  bool step(double x, double* out) {
    if constexpr (M == Mode::kExact) {
      // TA_SMA: add the newest, divide, subtract the window's oldest.
      buf[pos] = x;
      if (++pos == buf.size()) pos = 0;  // pos is now the window's oldest
      sum += x;
      if (count < p - 1) {
        ++count;
        return false;
      }
      *out = sum / dp;
      sum -= buf[pos];
      return true;
    } else {
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
  }
  int p;
  double dp;
  std::vector<double> buf;
  size_t pos = 0;
  int count = 0;
  double sum = 0;
};
using SmaCore = SmaCoreT<Mode::kFast>;
template <Mode M>
void sma_batch_t(const double* x, size_t n, int period, double* y);
inline void sma_batch(const double* x, size_t n, int period, double* y) {
  sma_batch_t<Mode::kFast>(x, n, period, y);
}

// ------------------------------------------------- EMA chains (EMA, DEMA, TEMA, T3)
enum class EmaForm {
  kFma,       // fma(1-k, e, k*v)
  kTaDiff,    // ((v - e) * k) + e        (TA_EMA, DEMA, TEMA)
  kTaWeight,  // (k * v) + ((1-k) * e)    (TA_T3)
};

template <EmaForm F>
inline double ema_update(double e, double v, double k, double omk) {
  if constexpr (F == EmaForm::kFma) return std::fma(omk, e, k * v);
  if constexpr (F == EmaForm::kTaDiff) return ((v - e) * k) + e;
  return (k * v) + (omk * e);
}

// N EMAs in series; stage j is seeded with the mean of the first `period`
// values of stage j-1 (TA-Lib's seeding), so the chain is ready at row
// N*(period-1).
template <int N, EmaForm F>
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
        e[j] = ema_update<F>(e[j], v, k, omk);
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

// (2*e1) - e2 with 2*e1 exact, so the FMA gives TA-Lib's rounding, faster.
inline double dema_combine(double e1, double e2) { return std::fma(2.0, e1, -e2); }
// TA-Lib: e3 + (3*e1 - 3*e2); the fast form is one FMA, within an ulp or two.
template <Mode M>
inline double tema_combine(double e1, double e2, double e3) {
  if constexpr (M == Mode::kExact) return e3 + ((3.0 * e1) - (3.0 * e2));
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

constexpr EmaForm ema_form(Mode m) { return m == Mode::kExact ? EmaForm::kTaDiff : EmaForm::kFma; }
constexpr EmaForm t3_form(Mode m) { return m == Mode::kExact ? EmaForm::kTaWeight : EmaForm::kFma; }

template <Mode M>
struct EmaCoreT {
  explicit EmaCoreT(int period) : c(period) {}
  bool step(double x, double* out) {
    if (!c.step(x)) return false;
    *out = c.e[0];
    return true;
  }
  EmaChain<1, ema_form(M)> c;
};
template <Mode M>
struct DemaCoreT {
  explicit DemaCoreT(int period) : c(period) {}
  bool step(double x, double* out) {
    if (!c.step(x)) return false;
    *out = dema_combine(c.e[0], c.e[1]);
    return true;
  }
  EmaChain<2, ema_form(M)> c;
};
template <Mode M>
struct TemaCoreT {
  explicit TemaCoreT(int period) : c(period) {}
  bool step(double x, double* out) {
    if (!c.step(x)) return false;
    *out = tema_combine<M>(c.e[0], c.e[1], c.e[2]);
    return true;
  }
  EmaChain<3, ema_form(M)> c;
};
template <Mode M>
struct T3CoreT {
  T3CoreT(int period, double vfactor) : c(period), coeffs(vfactor) {}
  bool step(double x, double* out) {
    if (!c.step(x)) return false;
    *out = coeffs.apply(c.e[2], c.e[3], c.e[4], c.e[5]);
    return true;
  }
  EmaChain<6, t3_form(M)> c;
  T3Coeffs coeffs;
};
using EmaCore = EmaCoreT<Mode::kFast>;
using DemaCore = DemaCoreT<Mode::kFast>;
using TemaCore = TemaCoreT<Mode::kFast>;
using T3Core = T3CoreT<Mode::kFast>;

template <Mode M>
void ema_batch_t(const double* x, size_t n, int period, double* y);
template <Mode M>
void dema_batch_t(const double* x, size_t n, int period, double* y);
template <Mode M>
void tema_batch_t(const double* x, size_t n, int period, double* y);
template <Mode M>
void t3_batch_t(const double* x, size_t n, int period, double vfactor, double* y);
inline void ema_batch(const double* x, size_t n, int period, double* y) {
  ema_batch_t<Mode::kFast>(x, n, period, y);
}
inline void dema_batch(const double* x, size_t n, int period, double* y) {
  dema_batch_t<Mode::kFast>(x, n, period, y);
}
inline void tema_batch(const double* x, size_t n, int period, double* y) {
  tema_batch_t<Mode::kFast>(x, n, period, y);
}
inline void t3_batch(const double* x, size_t n, int period, double vfactor, double* y) {
  t3_batch_t<Mode::kFast>(x, n, period, vfactor, y);
}

// ---------------------------------------------------------------- WMA
// Weights 1..p, heaviest on the newest value; divided by p(p+1)/2.
template <Mode M>
struct WmaCoreT {
  explicit WmaCoreT(int period)
      : p(period), dp(period), divider(double((period * (period + 1)) >> 1)),
        buf(size_t(period)) {}
  bool step(double x, double* out) {
    if (count < p - 1) {
      buf[size_t(count)] = x;
      sub += x;
      wsum += x * double(count + 1);
      ++count;
      return false;
    }
    double old = 0.0;  // x[t-p]; TA-Lib subtracts 0.0 at the first row
    if (count == p - 1) {
      buf[size_t(count)] = x;
      ++count;
    } else {
      old = buf[pos];
      buf[pos] = x;
      if (++pos == buf.size()) pos = 0;
    }
    if constexpr (M == Mode::kExact) {
      sub += x;
      sub -= old;
      wsum += x * dp;
      *out = wsum / divider;
      wsum -= sub;
    } else {
      if (old_sub_valid) wsum += x * dp - sub;
      else wsum += x * dp;  // first row: wsum holds only the warm-up terms
      sub += x - old;
      old_sub_valid = true;
      *out = wsum / divider;
    }
    return true;
  }
  int p;
  double dp, divider;
  std::vector<double> buf;
  size_t pos = 0;
  int count = 0;
  bool old_sub_valid = false;
  double sub = 0, wsum = 0;
};
using WmaCore = WmaCoreT<Mode::kFast>;
template <Mode M>
void wma_batch_t(const double* x, size_t n, int period, double* y);
inline void wma_batch(const double* x, size_t n, int period, double* y) {
  wma_batch_t<Mode::kFast>(x, n, period, y);
}

// ---------------------------------------------------------------- TRIMA
// Triangular weights; numerator kept as TA-Lib does with an older-half sum
// (O) and a newer-half sum (N) around the middle value.
struct TrimaShape {
  explicit TrimaShape(int period) : p(period), m(period >> 1), odd(period % 2 == 1) {
    factor = odd ? 1.0 / double((m + 1) * (m + 1)) : 1.0 / double(m * (m + 1));
  }
  // TA-Lib's initial sums over the first p values w[0..p).
  void init(const double* w, double& older, double& newer, double& num) const {
    const int middle = odd ? m : m - 1;
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
  // One row: x_old = x[t-p], x_mid = x[t-m], x = x[t].
  template <Mode M>
  void advance(double x, double x_mid, double x_old, double& older, double& newer,
               double& num) const {
    if constexpr (M == Mode::kExact) {
      num -= older;
      older -= x_old;
      older += x_mid;
      if (odd) {
        num += newer;
        newer -= x_mid;
      } else {
        newer -= x_mid;
        num += newer;
      }
      newer += x;
      num += x;
    } else {
      num += odd ? (newer - older) + x : ((newer - x_mid) - older) + x;
      older += x_mid - x_old;
      newer += x - x_mid;
    }
  }
  int p, m;
  bool odd;
  double factor;
};
template <Mode M>
struct TrimaCoreT {
  explicit TrimaCoreT(int period) : shape(period), buf(size_t(period)) {}
  bool step(double x, double* out) {
    const int p = shape.p;
    if (count < p) {
      buf[size_t(count)] = x;
      if (++count < p) return false;
      shape.init(buf.data(), older, newer, num);
      *out = num * shape.factor;
      return true;
    }
    const double x_old = buf[pos];
    const size_t mid = (pos + size_t(p - shape.m)) % size_t(p);
    shape.advance<M>(x, buf[mid], x_old, older, newer, num);
    buf[pos] = x;
    if (++pos == buf.size()) pos = 0;
    *out = num * shape.factor;
    return true;
  }
  TrimaShape shape;
  std::vector<double> buf;
  size_t pos = 0;
  int count = 0;
  double older = 0, newer = 0, num = 0;
};
using TrimaCore = TrimaCoreT<Mode::kFast>;
template <Mode M>
void trima_batch_t(const double* x, size_t n, int period, double* y);
inline void trima_batch(const double* x, size_t n, int period, double* y) {
  trima_batch_t<Mode::kFast>(x, n, period, y);
}

// ---------------------------------------------------------------- KAMA
// Kaufman: ER over `period` changes, sc = (ER*(2/3-2/31)+2/31)^2, seeded with
// x[p-1]; first value at row p. The volatility sum is TA-Lib's in both modes
// (its comparisons decide ER = 1).
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
  template <Mode M>
  static double update(double prev, double x, double sc) {
    if constexpr (M == Mode::kExact) return ((x - prev) * sc) + prev;
    return std::fma(1.0 - sc, prev, sc * x);
  }
};
template <Mode M>
struct KamaCoreT {
  explicit KamaCoreT(int period) : p(period), buf(size_t(period) + 1) {}
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
      kama = KamaMath::update<M>(kama, x, KamaMath::smoothing(sum, roc));
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
    kama = KamaMath::update<M>(kama, x, KamaMath::smoothing(sum, roc));
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
using KamaCore = KamaCoreT<Mode::kFast>;
template <Mode M>
void kama_batch_t(const double* x, size_t n, int period, double* y);
inline void kama_batch(const double* x, size_t n, int period, double* y) {
  kama_batch_t<Mode::kFast>(x, n, period, y);
}

}  // namespace nocode::indicators::ma
