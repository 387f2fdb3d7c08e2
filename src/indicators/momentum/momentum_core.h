// Shared internals of the momentum indicators: TA-Lib's zero test, the
// exponential smoothing step used by the fused MACD kernels, Wilder's
// directional-movement core (ADX, ADXR, DX, +DI, -DI, +DM, -DM) and the
// stochastic %K core (STOCH, STOCHF, STOCHRSI).
//
// Every helper here is used by both the batch kernel and the streaming state
// of an indicator, so the two run the same expressions and agree bit for bit.
//
// Arithmetic vs TA-Lib:
//  * bit-identical: RSI (its divisions by p done by div_by_const, exact),
//    %K, the seeds (plain sums and means in TA-Lib's order), CCI's mean;
//  * within a few ulps (the parity tolerance is 1e-9 relative): MACD's EMAs
//    as fma(k, x-prev, prev); the Wilder sums of the DM family as
//    fma(S, 1-1/p, x) instead of S - S/p + x; ADX's smoothing as
//    fma(adx, (p-1)/p, dx/p); the DIs through one reciprocal of TR. Each cuts
//    the loop-carried chain to one FMA (4 cycles) from 9-19.
// Comparisons keep TA-Lib's form so NaN inputs take the same branches.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace nocode::indicators::momentum {

// TA-Lib's TA_IS_ZERO: an absolute epsilon of 1e-14.
inline bool ta_is_zero(double v) { return -1e-14 < v && v < 1e-14; }

// a / b correctly rounded (bit-identical to the division) without the
// divider: q0 = a·RN(1/b), then one Newton-Markstein correction with the exact
// remainder fma(-q0, b, a). Markstein's theorem (Handbook of Floating-Point
// Arithmetic, Thm 4.10): RN(1/b) within 1/2 ulp and q0 within 1 ulp give
// RN(a/b); checked on 1.2e8 random a for b = 2..400. Finite a only (a = ±inf
// gives NaN).
inline double div_by_const(double a, double b, double rb) {
  const double q0 = a * rb;
  return std::fma(std::fma(-q0, b, a), rb, q0);
}

// TA-Lib's PER_TO_K.
inline double per_to_k(int period) { return 2.0 / static_cast<double>(period + 1); }

// One exponential-smoothing step in TA-Lib's form (x-prev)*k+prev, with the
// multiply-add fused: fma(k, x-prev, prev). Dropping the product's rounding
// keeps it within a fraction of an ulp of TA-Lib (the form fma(prev, 1-k, k*x)
// is faster but drifts by ulps of the level, which MACD's cancellation
// exposes on near-flat series).
inline double ema_step(double prev, double k, double x) { return std::fma(k, x - prev, prev); }

// ---------------------------------------------------------------------------
// Wilder's RSI (TA-Lib TA_RSI, startIdx 0): bar 0 primes; bars 1..p add the
// gains and losses; at bar p both are divided by p (the seed, first output);
// later bars smooth avg = (avg*(p-1) + x)/p in exactly TA-Lib's operation
// order (bit-identical: STOCHRSI's %K compares RSI values, so ulp differences
// would flip its 0/100 ties). Output 100*gain/(gain+loss), 0 when that sum is
// ~0 (TA_IS_ZERO).
struct RsiCore {
  explicit RsiCore(int period)
      : period(period),
        pm1(static_cast<double>(period - 1)),
        dp(static_cast<double>(period)),
        rdp(1.0 / dp) {}

  // Returns true and sets *out once the RSI has a value (from bar p on).
  inline bool step(double x, double* out) {
    if (count == 0) {
      prev = x;
      ++count;
      return false;
    }
    const double d = x - prev;
    prev = x;
    const double g = std::max(d, 0.0);   // (d < 0) ? 0 : d; NaN goes to the gain
    const double l = std::max(-d, 0.0);  // (-d < 0) ? 0 : -d
    if (count < period) {
      gain += g;
      loss += l;
      ++count;
      return false;
    }
    if (count == period) {
      gain += g;
      loss += l;
      gain /= period;
      loss /= period;
      ++count;
    } else {
      gain = smooth(gain, g);
      loss = smooth(loss, l);
    }
    *out = value(gain, loss);
    return true;
  }
  // TA-Lib: avg *= (p-1); avg += x; avg /= p (the division done exactly as
  // div_by_const, which keeps the divider off the loop-carried chain).
  inline double smooth(double avg, double x) const {
    return div_by_const(avg * pm1 + x, dp, rdp);
  }
  // The quotient is computed unconditionally so loops of this vectorise.
  static inline double value(double gain, double loss) {
    const double s = gain + loss;
    const double q = 100.0 * (gain / s);
    return ta_is_zero(s) ? 0.0 : q;
  }

  int period;
  double pm1, dp, rdp;
  long count = 0;
  double prev = 0, gain = 0, loss = 0;
};

// RSI of x[0 .. n) into r[period .. n) (rows before `period` untouched): the
// warm-up through RsiCore, then the same steady-state expressions in a loop.
inline void rsi_series(const double* x, size_t n, int period, double* r) {
  const size_t rp = static_cast<size_t>(period);
  if (n <= rp) return;
  RsiCore c(period);
  for (size_t i = 0; i <= rp; ++i) c.step(x[i], &r[i]);
  double gain = c.gain, loss = c.loss;
  // Blocks: the two smoothing chains, then the output divisions in a
  // vectorisable loop (off the chains' critical path and 4-8 lanes at once).
  constexpr size_t kBlock = 256;
  double gb[kBlock], lb[kBlock];
  for (size_t start = rp + 1; start < n; start += kBlock) {
    const size_t m = std::min(kBlock, n - start);
    for (size_t j = 0; j < m; ++j) {
      const size_t i = start + j;
      const double d = x[i] - x[i - 1];
      const double g = std::max(d, 0.0);
      const double l = std::max(-d, 0.0);
      gain = c.smooth(gain, g);
      loss = c.smooth(loss, l);
      gb[j] = gain;
      lb[j] = loss;
    }
    double* out = r + start;
    for (size_t j = 0; j < m; ++j) out[j] = RsiCore::value(gb[j], lb[j]);
  }
}

// ---------------------------------------------------------------------------
// Wilder directional movement.
//
// Up move diffP = H - H[-1], down move diffM = L[-1] - L. TA-Lib counts +DM
// only when diffP > 0 and diffP > diffM, -DM only when diffM > 0 and
// diffP < diffM (a tie counts as neither). The comparisons are written as in
// TA-Lib so NaN inputs take the same branches.
struct DirectionalMove {
  double plus;
  double minus;
};

inline DirectionalMove directional_move(double high, double low, double prev_high,
                                        double prev_low) {
  const double diff_p = high - prev_high;
  const double diff_m = prev_low - low;
  // diff_p > 0 && diff_p > diff_m  <=>  diff_p > max(diff_m, 0), NaN included
  // (std::max(a, b) is (a < b) ? b : a, so a NaN diff_m stays NaN and the
  // comparison fails as in TA-Lib). One comparison per side lets the
  // compiler emit a compare mask instead of (mispredicted) branches.
  DirectionalMove dm;
  dm.plus = diff_p > std::max(diff_m, 0.0) ? diff_p : 0.0;
  dm.minus = diff_m > std::max(diff_p, 0.0) ? diff_m : 0.0;
  return dm;
}

// TA-Lib's TRUE_RANGE macro: H-L, replaced by |H-C[-1]| or |L-C[-1]| only when
// strictly larger (so a NaN previous close leaves H-L). std::max(a, b) is
// (a < b) ? b : a, i.e. exactly "replace when strictly larger".
inline double true_range(double high, double low, double prev_close) {
  double out = high - low;
  out = std::max(out, std::fabs(high - prev_close));
  out = std::max(out, std::fabs(low - prev_close));
  return out;
}

// Wilder's running sum S - S/p + x, as fma(S, 1-1/p, x).
inline double wilder_smooth(double sum, double omk, double x) { return std::fma(sum, omk, x); }

// Wilder sums of +DM, -DM and (optionally) TR. Bar 0 only primes the previous
// values; bars 1..p-1 add into plain sums (the seed, p-1 values); from bar p on
// every bar smooths: S = S - S/p + x, computed as fma(S, 1-1/p, x).
//
// phase() after a step: the number of bars consumed so far.
template <bool kTrueRange>
struct WilderDmCore {
  explicit WilderDmCore(int period)
      : period(period), omk(1.0 - 1.0 / static_cast<double>(period)) {}

  // Consumes one bar. Returns the number of bars consumed (1 for the first).
  inline long step(double high, double low, double close) {
    if (count == 0) {
      prev_high = high;
      prev_low = low;
      prev_close = close;
      return ++count;
    }
    const DirectionalMove dm = directional_move(high, low, prev_high, prev_low);
    double tr = 0;
    if constexpr (kTrueRange) tr = true_range(high, low, prev_close);
    last_plus = dm.plus;
    last_minus = dm.minus;
    last_range = tr;
    if (count < period) {
      plus += dm.plus;
      minus += dm.minus;
      if constexpr (kTrueRange) range += tr;
    } else {
      plus = wilder_smooth(plus, omk, dm.plus);
      minus = wilder_smooth(minus, omk, dm.minus);
      if constexpr (kTrueRange) range = wilder_smooth(range, omk, tr);
    }
    prev_high = high;
    prev_low = low;
    prev_close = close;
    return ++count;
  }

  int period;
  double omk;
  long count = 0;
  double prev_high = 0, prev_low = 0, prev_close = 0;
  double plus = 0, minus = 0, range = 0;
  double last_plus = 0, last_minus = 0, last_range = 0;  // this bar's DM and TR
};

// +DI and -DI from the Wilder sums (TA-Lib: 100*(DM/TR)); computed with one
// reciprocal so both share a division.
struct DiPair {
  double plus;
  double minus;
};
inline DiPair di_pair(double plus_dm, double minus_dm, double tr) {
  const double r = 100.0 / tr;
  return DiPair{plus_dm * r, minus_dm * r};
}

// DX from the two DIs, and whether TA-Lib would produce one (TR and the DI sum
// not ~0). dx = 100*(|-DI - +DI| / (-DI + +DI)).
// Branch-free (vectorisable) form: always computes the quotient.
inline bool dx_value(double plus_dm, double minus_dm, double tr, double* dx) {
  const DiPair di = di_pair(plus_dm, minus_dm, tr);
  const double sum = di.minus + di.plus;
  *dx = 100.0 * (std::fabs(di.minus - di.plus) / sum);
  return !ta_is_zero(tr) & !ta_is_zero(sum);
}

// ---------------------------------------------------------------------------
// Stochastic %K (TA-Lib STOCH/STOCHF first stage) over a window of `period`
// bars: TA-Lib's highest/lowest tracking (remember the index of the extreme,
// rescan the window only when it leaves), so ties and NaN behave the same.
// fastK = (C - lowest) / ((highest - lowest)/100), or 0 if that divisor is 0.
//
// `low_at`/`high_at` give the low/high of absolute bar index i (i within the
// last `period` bars): batch kernels pass arrays, streams a ring buffer.
struct StochKTracker {
  long lowest_idx = -1, highest_idx = -1;
  double lowest = 0, highest = 0;

  template <class LowAt, class HighAt>
  inline void step(long today, long trailing, LowAt low_at, HighAt high_at) {
    double tmp = low_at(today);
    if (lowest_idx < trailing) {
      lowest_idx = trailing;
      lowest = low_at(lowest_idx);
      for (long i = lowest_idx + 1; i <= today; ++i) {
        const double v = low_at(i);
        if (v < lowest) {
          lowest_idx = i;
          lowest = v;
        }
      }
    } else if (tmp <= lowest) {
      lowest_idx = today;
      lowest = tmp;
    }
    tmp = high_at(today);
    if (highest_idx < trailing) {
      highest_idx = trailing;
      highest = high_at(highest_idx);
      for (long i = highest_idx + 1; i <= today; ++i) {
        const double v = high_at(i);
        if (v > highest) {
          highest_idx = i;
          highest = v;
        }
      }
    } else if (tmp >= highest) {
      highest_idx = today;
      highest = tmp;
    }
  }
};

// %K from the window extremes, as TA-Lib: diff = (highest - lowest)/100, then
// (close - lowest)/diff, 0 when diff is 0. Both quotients are computed
// unconditionally so that loops of this vectorise (vdivpd).
inline double stoch_k_value(double close, double lowest, double highest) {
  const double diff = (highest - lowest) / 100.0;
  const double q = (close - lowest) / diff;
  return diff != 0.0 ? q : 0.0;
}

// Ring buffer of the last `capacity` values, addressed by absolute bar index.
struct IndexedRing {
  explicit IndexedRing(int capacity) {
    size_t cap = 1;
    while (cap < static_cast<size_t>(capacity)) cap <<= 1;
    data.assign(cap, 0.0);
    mask = cap - 1;
  }
  void put(long index, double v) { data[static_cast<size_t>(index) & mask] = v; }
  double at(long index) const { return data[static_cast<size_t>(index) & mask]; }
  std::vector<double> data;
  size_t mask = 0;
};

// Streaming %K: one bar at a time; returns true once the window is full.
struct StochKStream {
  explicit StochKStream(int period) : period(period), lows(period), highs(period) {}
  inline bool step(double high, double low, double close, double* k) {
    lows.put(today, low);
    highs.put(today, high);
    const long trailing = today - (period - 1);
    if (trailing < 0) {
      ++today;
      return false;
    }
    tracker.step(
        today, trailing, [this](long i) { return lows.at(i); },
        [this](long i) { return highs.at(i); });
    *k = stoch_k_value(close, tracker.lowest, tracker.highest);
    ++today;
    return true;
  }
  int period;
  long today = 0;
  IndexedRing lows, highs;
  StochKTracker tracker;
};

// Batch %K over n bars into k[0 .. n - (period-1)) (k[j] is bar j + period - 1).
//
// Without NaN in high/low the window extremes are plain minima/maxima, which
// TA-Lib's tracker finds too, so the fast path computes them as vertical
// min/max over shifted arrays in blocks (vectorised, branch-free; the
// tracker's data-dependent branches mispredict on real data). With a NaN
// anywhere, the tracker itself runs, since its NaN results depend on when it
// rescans. The divisions run in a second vectorisable loop per block.
inline void stoch_k_batch(const double* high, const double* low, const double* close, size_t n,
                          int period, double* k) {
  if (n < static_cast<size_t>(period)) return;
  long nan_count = 0;
  for (size_t i = 0; i < n; ++i) nan_count += (high[i] != high[i]) + (low[i] != low[i]);
  const bool any_nan = nan_count != 0;
  constexpr long kBlock = 512;
  double lo[kBlock], hi[kBlock];
  const long first = period - 1, last = static_cast<long>(n) - 1;
  StochKTracker t;
  auto low_at = [low](long i) { return low[i]; };
  auto high_at = [high](long i) { return high[i]; };
  const bool fold = !any_nan && period <= 64;
  for (long start = first; start <= last; start += kBlock) {
    const long end = std::min(last + 1, start + kBlock);
    const long m = end - start;
    if (fold) {
      const double* l0 = low + (start - first);
      const double* h0 = high + (start - first);
      for (long j = 0; j < m; ++j) lo[j] = l0[j], hi[j] = h0[j];
      for (long o = 1; o < period; ++o) {
        const double* lo_o = l0 + o;
        const double* hi_o = h0 + o;
        for (long j = 0; j < m; ++j) {
          const double a = lo_o[j], b = hi_o[j];
          lo[j] = a < lo[j] ? a : lo[j];
          hi[j] = b > hi[j] ? b : hi[j];
        }
      }
    } else {
      for (long today = start; today < end; ++today) {
        t.step(today, today - first, low_at, high_at);
        lo[today - start] = t.lowest;
        hi[today - start] = t.highest;
      }
    }
    const double* c = close + start;
    double* out = k + (start - first);
    for (long j = 0; j < m; ++j) out[j] = stoch_k_value(c[j], lo[j], hi[j]);
  }
}

}  // namespace nocode::indicators::momentum
