// Shared kernel of the least-squares family (LINEARREG, LINEARREG_SLOPE,
// LINEARREG_ANGLE, LINEARREG_INTERCEPT, TSF).
//
// TA-Lib fits y = b + m·x over the last `period` values and recomputes
// ΣY and ΣxY from scratch on every bar (O(n·p)). Here x is the age of a value
// (0 = newest .. p−1 = oldest) as in TA-Lib's loop, and the sums slide in O(1):
//   ΣxY' = ΣxY + (ΣY − p·y_drop),   ΣY' = ΣY + (y_new − y_drop)
// (every value ages by one bar; the dropped value had age p−1). Rounding errors
// of running sums would compound (ΣY's error feeds ΣxY every bar), so the sums
// are re-anchored: recomputed from the window on the first
// bar, every `reanchor` bars after it, whenever a sum is not finite (a NaN
// or ±inf leaving the window would otherwise poison the sums forever) and when
// a value leaving the window dwarfs the rest (a spike: the subtraction would
// cancel most digits). This keeps results within ~1e-12 relative of TA-Lib's;
// bars whose slope cancels badly take TA-Lib's exact sums (ill_conditioned).
//
// The batch kernel runs the sums over a block into two small arrays, then
// evaluates the formula for the whole block in a loop the compiler vectorises;
// the stream runs the very same operations one bar at a time.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "indicators/indicator.h"
#include "indicators/state_stream.h"

namespace nocode::indicators::linreg {

// TA-Lib's constants: SumX = Σx, Divisor = (Σx)² − p·Σx².
struct Consts {
  explicit Consts(int period)
      : p(double(period)),
        pm1(double(period - 1)),
        inv_p(1.0 / p),
        sum_x(double(int64_t(period) * (period - 1)) * 0.5),
        divisor(sum_x * sum_x -
                p * double(int64_t(period) * (period - 1) * (2 * int64_t(period) - 1) / 6)) {}
  double p, pm1, inv_p, sum_x, divisor;

  double slope(double sy, double sxy) const { return (p * sxy - sum_x * sy) / divisor; }
  double intercept(double sy, double m) const { return (sy - m * sum_x) / p; }
};

// Bars between exact recomputations of the sums.
inline int reanchor_interval(int period) { return period; }

// Sums recomputed from the window x[0..p) (oldest first, weight = age). Four
// interleaved partial sums keep the dependency chains short; the result
// differs from TA-Lib's sequential loop only in rounding.
inline void fresh_sums(const double* x, int period, double* sy, double* sxy) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0, w0 = 0, w1 = 0, w2 = 0, w3 = 0;
  double age = double(period - 1);
  int i = 0;
  for (; i + 4 <= period; i += 4, age -= 4) {
    s0 += x[i];
    w0 += age * x[i];
    s1 += x[i + 1];
    w1 += (age - 1) * x[i + 1];
    s2 += x[i + 2];
    w2 += (age - 2) * x[i + 2];
    s3 += x[i + 3];
    w3 += (age - 3) * x[i + 3];
  }
  for (; i < period; ++i, age -= 1) {
    s0 += x[i];
    w0 += age * x[i];
  }
  *sy = (s0 + s1) + (s2 + s3);
  *sxy = (w0 + w1) + (w2 + w3);
}

// TA-Lib's own sums over the window w[0..p) (oldest first): one sequential
// loop, oldest value first, weight = age. Bit-identical to TA-Lib's.
inline void talib_sums(const double* w, int period, double* sy, double* sxy) {
  double s = 0, sx = 0;
  for (int k = 0; k < period; ++k) {
    const double v = w[k];
    s += v;
    sx += double(period - 1 - k) * v;
  }
  *sy = s;
  *sxy = sx;
}

// True when the slope's numerator p·ΣxY − Σx·ΣY cancels to under 2^-20 of its
// terms (a nearly flat line at a price level far from 0: low-volatility data
// such as forex, flat runs, zero crossings of the slope). There the slope
// (and its angle) has lost ~20 bits, and the last few ulps by which our
// sliding sums differ from TA-Lib's sequential ones would show as relative
// differences above 1e-9; such bars take TA-Lib's exact sums instead. This is
// rare on trending or volatile data. NaN sums never qualify.
inline bool ill_conditioned(const Consts& c, double sy, double sxy) {
  const double a = c.p * sxy, b = c.sum_x * sy;
  return std::fabs(a - b) < 0x1p-20 * (std::fabs(a) + std::fabs(b));
}

// After a slide: true if the sums must be recomputed exactly because they are
// not finite (a NaN or ±inf entered or is leaving the window) or because the
// value that left was so large against the new window (newest value, mean)
// that subtracting it cancelled most of the sums' digits (a spike leaving).
inline bool must_recompute(double drop, double x, double sy, double sxy, double inv_p) {
  // Written without short-circuits so that a loop over it vectorises.
  const bool cancels = !(std::fabs(drop) <= 1e4 * (std::fabs(x) + std::fabs(sy) * inv_p));
  const bool not_finite = !(std::fabs(sxy) <= std::numeric_limits<double>::max());
  return cancels | not_finite;
}

// Out(consts, sy, sxy) -> value.
template <double (*Out)(const Consts&, double, double)>
struct State {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit State(const Params& params)
      : period(params.integer(0)), c(period), reanchor(reanchor_interval(period)),
        ring(size_t(period), 0.0), scratch(size_t(period), 0.0) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    const double drop = ring[pos];
    ring[pos] = x;
    if (++pos == ring.size()) pos = 0;
    if (count < period) ++count;
    if (count < period) return false;
    bool fresh = countdown == 0;
    if (!fresh) {
      sxy = sxy + (sy - c.p * drop);
      sy = sy + (x - drop);
      fresh = must_recompute(drop, x, sy, sxy, c.inv_p);
    }
    if (fresh) {
      for (size_t k = 0; k < ring.size(); ++k) scratch[k] = ring[(pos + k) % ring.size()];
      fresh_sums(scratch.data(), period, &sy, &sxy);
      countdown = reanchor;
    }
    --countdown;
    if (ill_conditioned(c, sy, sxy)) {
      for (size_t k = 0; k < ring.size(); ++k) scratch[k] = ring[(pos + k) % ring.size()];
      double ty, txy;
      talib_sums(scratch.data(), period, &ty, &txy);
      out[0] = Out(c, ty, txy);
    } else {
      out[0] = Out(c, sy, sxy);
    }
    return true;
  }

  int period;
  Consts c;
  int reanchor;
  std::vector<double> ring, scratch;
  size_t pos = 0;
  int count = 0;
  int countdown = 0;
  double sy = 0, sxy = 0;
};

template <double (*Out)(const Consts&, double, double)>
void batch(const double* const* in, size_t n, const Params& params, double* const* out) {
  const double* __restrict x = in[0];
  double* __restrict y = out[0];
  const int period = params.integer(0);
  const size_t p = size_t(period);
  const size_t lb = p - 1;
  fill_warmup(out, 1, n, lb);
  if (n <= lb) return;
  const Consts c(period);
  const int reanchor = reanchor_interval(period);
  int countdown = 0;
  double sy = 0, sxy = 0;
  constexpr size_t kBlock = 512;
  double bsy[kBlock], bsxy[kBlock];
  for (size_t start = lb; start < n; start += kBlock) {
    const size_t len = n - start < kBlock ? n - start : kBlock;
    // Fast pass: slide without the per-bar recompute test.
    const int countdown0 = countdown;
    const double sy0 = sy, sxy0 = sxy;
    for (size_t j = 0; j < len; ++j) {
      const size_t i = start + j;
      if (countdown == 0) {
        fresh_sums(x + i - lb, period, &sy, &sxy);
        countdown = reanchor;
      } else {
        const double drop = x[i - p];
        sxy = sxy + (sy - c.p * drop);
        sy = sy + (x[i] - drop);
      }
      --countdown;
      bsy[j] = sy;
      bsxy[j] = sxy;
    }
    // The test the stream applies after every slide, for the whole block at
    // once (vectorised). On an anchor bar it may fire needlessly: recomputing
    // there gives the same sums. The very first bar has nothing to drop.
    const size_t j0 = start == lb ? 1 : 0;
    int flagged = 0;
    for (size_t j = j0; j < len; ++j)
      flagged |= int(must_recompute(x[start + j - p], x[start + j], bsy[j], bsxy[j], c.inv_p));
    if (flagged) {
      // Slow path (NaN, inf or spikes around): replay the block bar by bar
      // exactly as the stream does.
      countdown = countdown0;
      sy = sy0;
      sxy = sxy0;
      for (size_t j = 0; j < len; ++j) {
        const size_t i = start + j;
        bool fresh = countdown == 0;
        if (!fresh) {
          const double drop = x[i - p];
          sxy = sxy + (sy - c.p * drop);
          sy = sy + (x[i] - drop);
          fresh = must_recompute(drop, x[i], sy, sxy, c.inv_p);
        }
        if (fresh) {
          fresh_sums(x + i - lb, period, &sy, &sxy);
          countdown = reanchor;
        }
        --countdown;
        bsy[j] = sy;
        bsxy[j] = sxy;
      }
    }
    for (size_t j = 0; j < len; ++j) y[start + j] = Out(c, bsy[j], bsxy[j]);
    int ill = 0;
    for (size_t j = 0; j < len; ++j) ill |= int(ill_conditioned(c, bsy[j], bsxy[j]));
    if (ill) {
      for (size_t j = 0; j < len; ++j) {
        if (!ill_conditioned(c, bsy[j], bsxy[j])) continue;
        double ty, txy;
        talib_sums(x + start + j - lb, period, &ty, &txy);
        y[start + j] = Out(c, ty, txy);
      }
    }
  }
}

inline int lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace nocode::indicators::linreg
