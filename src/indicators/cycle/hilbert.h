// The Hilbert-transform core shared by MAMA and the HT_* family (Ehlers,
// "Rocket Science for Traders"), in TA-Lib's formulation and operation order.
//
// TA-Lib's HT functions are sensitive to the order of floating-point
// operations (the recursion amplifies rounding differences on degenerate
// data), so every expression here performs the same operations in the same
// order as TA-Lib does, with no contraction into FMA. Both the batch kernels
// and the streams run these very functions, so they agree bit for bit.
//
// Per bar t (absolute index from the first input, 0-based):
//  * a 4-bar WMA of the price (weights 4,3,2,1, divided by 10) kept as a
//    running sum and a running "sub" sum;
//  * from bar `first` on (12 for the 32-bar functions, 37 for the 63-bar
//    ones): the four Hilbert filters (detrender, Q1, jI, jQ), each kept as two
//    interleaved filters for odd and even bars; the homodyne discriminator
//    (I2, Q2, Re, Im) and the clamped, smoothed dominant-cycle period.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <type_traits>

namespace nocode::indicators::hilbert {

inline constexpr double kA = 0.0962;
inline constexpr double kB = 0.5769;

// TA-Lib converts radians to degrees with two spellings of the same
// constant: MAMA, HT_DCPERIOD and HT_PHASOR use 180/(4·atan 1); HT_DCPHASE,
// HT_SINE, HT_TRENDLINE and HT_TRENDMODE use 45/atan 1.
double rad2deg_mama();
double rad2deg_ht();
// 8·atan 1 (= 2π as TA-Lib spells it) and 1/rad2deg_ht().
double two_pi_ht();
double deg2rad_ht();

// sin/cos of (i·2π)/p for p in 1..50, i in 0..p-1, each computed exactly as
// TA-Lib computes it inside its DFT loop: ((double)i*two_pi)/(double)p.
// Entry for (p, i) is at table offset p*(p-1)/2 + i.
struct DftTable {
  double sin[50 * 51 / 2];
  double cos[50 * 51 / 2];
};
const DftTable& dft_table();
inline int dft_offset(int p) { return p * (p - 1) / 2; }

// Makes `v` opaque to the optimizer (no instruction emitted), so it cannot
// fuse the operations around it.
inline void opaque(double& v) { asm("" : "+x"(v)); }

// One Hilbert filter, kept as separate odd-bar and even-bar instances.
struct Filter {
  double buf[2][3] = {{0, 0, 0}, {0, 0, 0}};  // [odd=0/even=1][hilbert index]
  double prev[2] = {0, 0};
  double prev_input[2] = {0, 0};

  // TA-Lib's DO_HILBERT_TRANSFORM, operation for operation.
  template <int Even>
  inline double step(int idx, double input, double adjusted_prev_period) {
    const double t = kA * input;
    double v = -buf[Even][idx];
    buf[Even][idx] = t;
    v += t;
    v -= prev[Even];
    prev[Even] = kB * prev_input[Even];
    v += prev[Even];
    prev_input[Even] = input;
    v *= adjusted_prev_period;
    return v;
  }
};

// The 4-bar weighted price smoother (TA-Lib's DO_PRICE_WMA) with its three
// seeding bars. `x3` is the input three bars before the current one (only
// read from bar 3 on).
struct PriceWma {
  double sub = 0, sum = 0, trailing = 0;

  // Bars 0..2: seeding. Returns nothing useful.
  inline void seed(int t, double x) {
    if (t == 0) {
      sub = x;
      sum = x;
    } else {
      sub += x;
      sum += x * double(t + 1);
    }
  }
  // Bars 3..: returns the smoothed value.
  inline double step(double x, double x_minus_3) {
    sub += x;
    sub -= trailing;
    sum += x * 4.0;
    trailing = x_minus_3;
    const double smoothed = sum * 0.1;
    sum -= sub;
    return smoothed;
  }
};

// Hilbert filters + homodyne discriminator + period.
struct Core {
  Filter detrender, q1f, jif, jqf;
  int idx = 0;
  double i1_odd_prev2 = 0, i1_odd_prev3 = 0, i1_even_prev2 = 0, i1_even_prev3 = 0;
  double prev_i2 = 0, prev_q2 = 0, re = 0, im = 0, period = 0;

  // This bar's quadrature and in-phase components (HT_PHASOR, MAMA).
  double q1 = 0, i1 = 0;

  // Runs the Hilbert transforms for one bar (Even = today%2 == 0), then the
  // period update. rad2deg is rad2deg_mama() or rad2deg_ht().
  template <int Even>
  inline void step(double smoothed, double rad2deg) {
    const double adj = (0.075 * period) + 0.54;
    double i2, q2;
    if constexpr (Even) {
      const double det = detrender.step<1>(idx, smoothed, adj);
      q1 = q1f.step<1>(idx, det, adj);
      i1 = i1_even_prev3;
      const double ji = jif.step<1>(idx, i1, adj);
      const double jq = jqf.step<1>(idx, q1, adj);
      if (++idx == 3) idx = 0;
      q2 = (0.2 * (q1 + ji)) + (0.8 * prev_q2);
      i2 = (0.2 * (i1 - jq)) + (0.8 * prev_i2);
      i1_odd_prev3 = i1_odd_prev2;
      i1_odd_prev2 = det;
    } else {
      const double det = detrender.step<0>(idx, smoothed, adj);
      q1 = q1f.step<0>(idx, det, adj);
      i1 = i1_odd_prev3;
      const double ji = jif.step<0>(idx, i1, adj);
      const double jq = jqf.step<0>(idx, q1, adj);
      q2 = (0.2 * (q1 + ji)) + (0.8 * prev_q2);
      i2 = (0.2 * (i1 - jq)) + (0.8 * prev_i2);
      i1_even_prev3 = i1_even_prev2;
      i1_even_prev2 = det;
    }
    // gcc 12's SLP vectorizer turns this complex-multiply shape into
    // vfmsubadd even under -ffp-contract=off; hiding one product from it
    // keeps the separately rounded multiply and add that TA-Lib performs.
    double ii = i2 * prev_i2;
    opaque(ii);
    re = (0.2 * (ii + (q2 * prev_q2))) + (0.8 * re);
    im = (0.2 * ((i2 * prev_q2) - (q2 * prev_i2))) + (0.8 * im);
    prev_q2 = q2;
    prev_i2 = i2;
    const double before = period;
    if ((im != 0.0) && (re != 0.0)) period = 360.0 / (std::atan(im / re) * rad2deg);
    double bound = 1.5 * before;
    if (period > bound) period = bound;
    bound = 0.67 * before;
    if (period < bound) period = bound;
    if (period < 6)
      period = 6;
    else if (period > 50)
      period = 50;
    period = (0.2 * period) + (0.8 * before);
  }

  inline void step(bool even, double smoothed, double rad2deg) {
    if (even)
      step<1>(smoothed, rad2deg);
    else
      step<0>(smoothed, rad2deg);
  }
};

// (int)(smooth_period + 0.5) as TA-Lib computes DCPeriodInt, made safe for
// NaN (TA-Lib's conversion then yields INT_MIN, i.e. an empty loop: 0 here)
// and bounded to the 50-entry buffers.
inline int dc_period_int(double smooth_period) {
  const double d = smooth_period + 0.5;
  if (!(d >= 1.0)) return 0;
  if (d >= 50.0) return 50;
  return static_cast<int>(d);
}

// TA-Lib's dominant-cycle phase update from the DFT parts (HT_DCPHASE,
// HT_SINE, HT_TRENDMODE). `phase` holds the previous phase on entry.
inline double dc_phase(double phase, double real_part, double imag_part, double smooth_period,
                       double rad2deg) {
  const double mag = std::fabs(imag_part);
  if (mag > 0.0) {
    phase = std::atan(real_part / imag_part) * rad2deg;
  } else if (mag <= 0.01) {
    if (real_part < 0.0)
      phase -= 90.0;
    else if (real_part > 0.0)
      phase += 90.0;
  }
  phase += 90.0;
  phase += 360.0 / smooth_period;
  if (imag_part < 0.0) phase += 180.0;
  if (phase > 315.0) phase -= 360.0;
  return phase;
}

// DFT of the last `p` smoothed prices, newest first: `newest` points at the
// newest value and older values are at newest[-1], newest[-2], ... (the
// caller keeps a contiguous history). Same summation order as TA-Lib.
inline void dft(const double* newest, int p, double* real_part, double* imag_part) {
  double re = 0.0, im = 0.0;
  if (p > 0) {
    const DftTable& tab = dft_table();
    const double* s = tab.sin + dft_offset(p);
    const double* c = tab.cos + dft_offset(p);
    for (int i = 0; i < p; ++i) {
      const double v = newest[-i];
      re += s[i] * v;
      im += c[i] * v;
    }
  }
  *real_part = re;
  *imag_part = im;
}

// dft() for m consecutive bars: newest[j] is bar j's smoothed price (history
// down to newest[j - 50]), sp[j] its smoothed period. Runs of four bars with
// the same DCPeriodInt (the usual case: it changes slowly) are done four
// lanes at a time; each lane performs exactly the scalar dft()'s operations
// in the same order (separately rounded multiply, then add), so the numbers
// are the same.
inline void dft_block(const double* newest, const double* sp, size_t m, double* re, double* im) {
  typedef double v4d __attribute__((vector_size(32)));
  const DftTable& tab = dft_table();
  size_t j = 0;
  for (; j + 4 <= m; j += 4) {
    const int p = dc_period_int(sp[j]);
    if (p == dc_period_int(sp[j + 1]) && p == dc_period_int(sp[j + 2]) &&
        p == dc_period_int(sp[j + 3])) {
      v4d r = {0, 0, 0, 0}, q = {0, 0, 0, 0};
      const double* s = tab.sin + dft_offset(p);
      const double* c = tab.cos + dft_offset(p);
      for (int i = 0; i < p; ++i) {
        v4d x;
        __builtin_memcpy(&x, newest + j - i, sizeof x);
        const v4d sv = {s[i], s[i], s[i], s[i]}, cv = {c[i], c[i], c[i], c[i]};
        const v4d sx = sv * x, cx = cv * x;
        r += sx;
        q += cx;
      }
      __builtin_memcpy(re + j, &r, sizeof r);
      __builtin_memcpy(im + j, &q, sizeof q);
    } else {
      for (size_t k = j; k < j + 4; ++k) dft(newest + k, dc_period_int(sp[k]), re + k, im + k);
    }
  }
  for (; j < m; ++j) dft(newest + j, dc_period_int(sp[j]), re + j, im + j);
}

// The last 64 values, contiguous: newest()[-i] is the value pushed i pushes
// ago (0 <= i < 64), zeros before the first pushes.
struct History64 {
  double buf[128] = {};
  int pos = 63;
  inline void push(double v) {
    pos = (pos + 1) & 63;
    buf[pos] = v;
    buf[pos + 64] = v;
  }
  inline const double* newest() const { return buf + pos + 64; }
};

// Price smoother + Hilbert core + smoothed period (+ the smoothed-price
// history the DFT reads, when kHistory).
template <bool kHistory>
struct Engine {
  PriceWma wma;
  Core core;
  History64 smooth;
  double smooth_period = 0;
  double smoothed = 0;  // this bar's smoothed price

  template <int Even>
  inline void step(double x, double x_minus_3, double rad2deg) {
    smoothed = wma.step(x, x_minus_3);
    if constexpr (kHistory) smooth.push(smoothed);
    core.step<Even>(smoothed, rad2deg);
    smooth_period = (0.33 * core.period) + (0.67 * smooth_period);
  }
};

// What a Tail sees of one bar once the core has run.
struct BarView {
  const double* smooth_newest;  // smoothed prices: [0] this bar, [-i] i bars back (i < 64)
  double smoothed;              // this bar's smoothed price
  double smooth_period;         // 0.33/0.67-smoothed dominant-cycle period
  double q1, i1;                // quadrature and in-phase components
  double dft_re, dft_im;        // DFT of the smoothed prices over DCPeriodInt bars (kDft)
};

// A Tail turns the core's state into one bar's outputs:
//   static constexpr size_t kOutputs;
//   static constexpr int kFirst;      // first Hilbert bar: 12 or 37
//   static constexpr int kLookback;   // 32 or 63
//   static constexpr bool kHistory;   // needs the smoothed-price history
//   static constexpr bool kDft;       // needs BarView::dft_re/dft_im (implies kHistory)
//   static double rad2deg();
//   void bar(const BarView& v, const double* newest_input, long long t, double* out);
// newest_input[-i] is the input i bars back (valid for i <= min(t, 63)).
// A Tail's own state must not feed back into the core (the batch kernel runs
// the core over a block of bars first, then the tail over the block).

// The streaming state (for make_state_stream) of a Hilbert indicator.
template <class Tail>
struct HtState {
  static constexpr size_t kInputs = 1, kOutputs = Tail::kOutputs;
  explicit HtState(const auto& /*params*/) : rad2deg(Tail::rad2deg()) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    inputs.push(x);
    const long long now = t++;
    if (now < 3) {
      engine.wma.seed(static_cast<int>(now), x);
      return false;
    }
    const double* newest = inputs.newest();
    if (now < Tail::kFirst) {
      engine.wma.step(x, newest[-3]);
      return false;
    }
    if ((now % 2) == 0)
      engine.template step<1>(x, newest[-3], rad2deg);
    else
      engine.template step<0>(x, newest[-3], rad2deg);
    BarView v{engine.smooth.newest(),
              engine.smoothed,
              engine.smooth_period,
              engine.core.q1,
              engine.core.i1,
              0.0,
              0.0};
    if constexpr (Tail::kDft)
      dft(engine.smooth.newest(), dc_period_int(engine.smooth_period), &v.dft_re, &v.dft_im);
    tail.bar(v, newest, now, out);
    return now >= Tail::kLookback;
  }

  double rad2deg;
  History64 inputs;
  Engine<Tail::kHistory> engine;
  Tail tail;
  long long t = 0;
};

// The batch kernel of a Hilbert indicator: the same steps as HtState, reading
// the input array directly, in blocks: first the core's serial recursion over
// the block (a long dependency chain per bar), then the tails over the block,
// which are independent from bar to bar and so overlap freely.
template <class Tail>
void ht_batch(const double* in, size_t n, double* const* out) {
  constexpr size_t kOut = Tail::kOutputs;
  constexpr size_t kLb = size_t(Tail::kLookback);
  constexpr size_t kBlock = 256, kHist = 64;
  const size_t warm = n < kLb ? n : kLb;
  for (size_t k = 0; k < kOut; ++k)
    for (size_t i = 0; i < warm; ++i) out[k][i] = std::numeric_limits<double>::quiet_NaN();
  if (n <= kLb) return;
  const double rad2deg = Tail::rad2deg();
  Engine<false> engine;  // the history is kept here, in `hist`
  Tail tail;
  for (int t = 0; t < 3; ++t) engine.wma.seed(t, in[t]);
  for (size_t t = 3; t < size_t(Tail::kFirst); ++t) engine.wma.step(in[t], in[t - 3]);
  double hist[kHist + kBlock] = {};  // smoothed prices; kHist bars before the block
  double sp[kBlock], q1[kBlock], i1[kBlock], dre[kBlock], dim[kBlock];
  double vals[kOut];
  for (size_t t0 = size_t(Tail::kFirst); t0 < n; t0 += kBlock) {
    const size_t m = n - t0 < kBlock ? n - t0 : kBlock;
    size_t j = 0;
    auto core = [&](auto even) {
      const size_t t = t0 + j;
      engine.template step<decltype(even)::value>(in[t], in[t - 3], rad2deg);
      hist[kHist + j] = engine.smoothed;
      sp[j] = engine.smooth_period;
      q1[j] = engine.core.q1;
      i1[j] = engine.core.i1;
      ++j;
    };
    using EvenBar = std::integral_constant<int, 1>;
    using OddBar = std::integral_constant<int, 0>;
    if (t0 % 2 == 1) core(OddBar{});
    while (j + 1 < m) {
      core(EvenBar{});
      core(OddBar{});
    }
    if (j < m) core(EvenBar{});
    if constexpr (Tail::kDft) dft_block(hist + kHist, sp, m, dre, dim);
    for (j = 0; j < m; ++j) {
      const size_t t = t0 + j;
      const BarView v{hist + kHist + j,          hist[kHist + j],          sp[j], q1[j], i1[j],
                      Tail::kDft ? dre[j] : 0.0, Tail::kDft ? dim[j] : 0.0};
      tail.bar(v, in + t, static_cast<long long>(t), vals);
      if (t >= kLb)
        for (size_t k = 0; k < kOut; ++k) out[k][t] = vals[k];
    }
    for (size_t k = 0; k < kHist; ++k) hist[k] = hist[m + k];
  }
}

// Σ newest[-i] for i < p (p <= 50), reading newest[-51 .. 0]: a fixed-length
// masked sum in four lanes (no data-dependent loop exit). The order of
// summation differs from TA-Lib's newest-first loop only by rounding (the
// trendline does not feed back into the recursion).
inline double window_sum(const double* newest, int p) {
  typedef double v4d __attribute__((vector_size(32)));
  typedef long long v4l __attribute__((vector_size(32)));
  v4d acc = {0, 0, 0, 0};
  const v4l pv = {p, p, p, p};
  v4l back = {3, 2, 1, 0};  // bars back of each lane
  const v4l step = {4, 4, 4, 4};
  const v4d zero = {0, 0, 0, 0};
  for (int i = 0; i < 52; i += 4) {
    v4d x;
    __builtin_memcpy(&x, newest - i - 3, sizeof x);
    acc += (back < pv) ? x : zero;
    back += step;
  }
  return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

// HT_TRENDLINE's smoothing of the simple average of the last DCPeriodInt
// inputs: (4·a + 3·a₋₁ + 2·a₋₂ + a₋₃)/10.
struct TrendlineCalc {
  double it1 = 0, it2 = 0, it3 = 0;
  inline double step(const double* newest_input, int p, long long t) {
    double avg = 0.0;
    if (t >= 51) {
      avg = window_sum(newest_input, p);
    } else {
      if (p > t + 1) p = static_cast<int>(t + 1);  // never happens on TA-Lib's schedule
      for (int i = 0; i < p; ++i) avg += newest_input[-i];
    }
    if (p > 0) avg = avg / double(p);
    const double line = (4.0 * avg + 3.0 * it1 + 2.0 * it2 + it3) / 10.0;
    it3 = it2;
    it2 = it1;
    it1 = avg;
    return line;
  }
};

}  // namespace nocode::indicators::hilbert
