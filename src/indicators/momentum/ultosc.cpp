// ULTOSC: Ultimate Oscillator. Buying pressure (close − true low) over true
// range, summed over three windows and weighted 4:2:1. TA-Lib sorts the three
// periods first, so the weight 4 always goes to the shortest window, and
// keeps running sums (add today's terms, then drop the oldest) which we
// reproduce operation for operation.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct Terms {
  double bp;  // close − true low
  double tr;  // true range
};

// TA-Lib's CALC_TERMS, NaN behaviour included (a NaN previous close drops
// out of the comparisons).
inline Terms ultosc_terms(double h, double l, double c, double prev_c) {
  const double true_low = l < prev_c ? l : prev_c;
  double tr = h - l;
  const double t1 = std::fabs(prev_c - h);
  if (t1 > tr) tr = t1;
  const double t2 = std::fabs(prev_c - l);
  if (t2 > tr) tr = t2;
  return {c - true_low, tr};
}

inline bool is_zero(double v) { return std::fabs(v) < 1e-14; }  // TA_IS_ZERO

// Periods sorted ascending and the ring of the last `longest` terms.
struct UltoscSetup {
  explicit UltoscSetup(const Params& p) {
    int q[3] = {p.integer(0), p.integer(1), p.integer(2)};
    std::sort(q, q + 3);
    for (int k = 0; k < 3; ++k) period[k] = size_t(q[k]);
    size_t cap = 1;
    while (cap < period[2]) cap <<= 1;
    mask = cap - 1;
    ring.assign(cap, Terms{0, 0});
  }
  size_t period[3];
  size_t mask = 0;
  std::vector<Terms> ring;
};

// 4·A₁ + 2·A₂ + A₃ with Aₖ = aₖ/bₖ, skipping a window whose ΣTR is ~0, in
// TA-Lib's order. Written with selects (adding nothing equals adding +0.0
// here: v is never −0) so the batch kernel's loop over it vectorises.
inline double ultosc_weighted(double a0, double a1, double a2, double b0, double b1, double b2) {
  double v = 0.0;
  const double q0 = 4.0 * (a0 / b0), q1 = 2.0 * (a1 / b1), q2 = a2 / b2;
  v = is_zero(b0) ? v : v + q0;
  v = is_zero(b1) ? v : v + q1;
  v = is_zero(b2) ? v : v + q2;
  return v;
}

inline double ultosc_scale(double v) { return 100.0 * (v / 7.0); }

// Running sums; kept in locals by the batch kernel so they stay in registers.
struct UltoscSums {
  double a[3] = {0, 0, 0}, b[3] = {0, 0, 0};
};

// Feeds the terms of bar i (i >= 1); returns true and the value once i
// reaches the longest period. TA-Lib's order: add today's terms to all three
// sums, read the oscillator, then drop each window's oldest terms.
inline bool ultosc_add(UltoscSums& s, const size_t* period, Terms* ring, size_t mask, size_t i,
                       Terms t, double* out) {
  ring[i & mask] = t;
  const size_t longest = period[2];
  if (i < longest) {  // priming: window k starts at bar longest−p_k+1
    for (int k = 0; k < 3; ++k) {
      if (i + period[k] >= longest + 1) {
        s.a[k] += t.bp;
        s.b[k] += t.tr;
      }
    }
    return false;
  }
  for (int k = 0; k < 3; ++k) {
    s.a[k] += t.bp;
    s.b[k] += t.tr;
  }
  const double v = ultosc_weighted(s.a[0], s.a[1], s.a[2], s.b[0], s.b[1], s.b[2]);
  for (int k = 0; k < 3; ++k) {
    const Terms old = ring[(i + 1 - period[k]) & mask];
    s.a[k] -= old.bp;
    s.b[k] -= old.tr;
  }
  *out = ultosc_scale(v);
  return true;
}

struct UltoscState {
  static constexpr size_t kInputs = 3, kOutputs = 1;  // high, low, close
  explicit UltoscState(const Params& p) : setup(p) {}

  bool step(const double* bar, double* out) {
    const size_t i = count++;
    const double prev = prev_close;
    prev_close = bar[2];
    if (i == 0) return false;
    return ultosc_add(sums, setup.period, setup.ring.data(), setup.mask, i,
                      ultosc_terms(bar[0], bar[1], bar[2], prev), out);
  }

  UltoscSetup setup;
  UltoscSums sums;
  size_t count = 0;
  double prev_close = 0;
};

// The longest period. (TA-Lib's lookback for ULTOSC(1,1,1) comes out as 0
// because its SMA lookback rejects period 1, and its row 0 then reads
// close[−1]; from row 1 on the two agree.)
int ultosc_lookback(const Params& p) {
  return std::max({p.integer(0), p.integer(1), p.integer(2)});
}

// The batch kernel works in chunks: the terms of the chunk's bars
// (vectorised) into a scratch buffer that also keeps the `longest` bars
// before the chunk; then the running sums, bar by bar, saving the six sums
// of each bar; then the divisions and weighting over the chunk (vectorised).
void ultosc_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double* h = in[0];
  const double* l = in[1];
  const double* c = in[2];
  double* y = out[0];
  const size_t lookback = size_t(ultosc_lookback(p));
  fill_warmup(out, 1, n, lookback);
  if (n <= lookback) return;
  UltoscSetup setup(p);
  const size_t p0 = setup.period[0], p1 = setup.period[1], p2 = setup.period[2];
  const size_t P = p2;  // = lookback
  constexpr size_t kChunk = 512;
  std::vector<double> scratch(2 * (P + kChunk) + 6 * kChunk, 0.0);
  double* const sbp = scratch.data();
  double* const str = sbp + P + kChunk;
  double* const sums = str + P + kChunk;  // a0 a1 a2 b0 b1 b2, kChunk each
  UltoscSums s;
  // Priming, bars 1..P−1 (bar i sits at scratch index i).
  for (size_t i = 1; i < P; ++i) {
    const Terms t = ultosc_terms(h[i], l[i], c[i], c[i - 1]);
    sbp[i] = t.bp;
    str[i] = t.tr;
    for (int k = 0; k < 3; ++k) {
      if (i + setup.period[k] >= P + 1) {
        s.a[k] += t.bp;
        s.b[k] += t.tr;
      }
    }
  }
  double a0 = s.a[0], a1 = s.a[1], a2 = s.a[2], b0 = s.b[0], b1 = s.b[1], b2 = s.b[2];
  for (size_t base = P; base < n; base += kChunk) {
    const size_t m = base + kChunk < n ? kChunk : n - base;
    if (base > P) {  // keep the last P bars of the previous (full) chunk
      for (size_t j = 0; j < P; ++j) {
        sbp[j] = sbp[kChunk + j];
        str[j] = str[kChunk + j];
      }
    }
    double* __restrict bp = sbp + P;
    double* __restrict tr = str + P;
    for (size_t j = 0; j < m; ++j) {
      const size_t i = base + j;
      const Terms t = ultosc_terms(h[i], l[i], c[i], c[i - 1]);
      bp[j] = t.bp;
      tr[j] = t.tr;
    }
    double* __restrict sa0 = sums;
    double* __restrict sa1 = sums + kChunk;
    double* __restrict sa2 = sums + 2 * kChunk;
    double* __restrict sb0 = sums + 3 * kChunk;
    double* __restrict sb1 = sums + 4 * kChunk;
    double* __restrict sb2 = sums + 5 * kChunk;
    for (size_t j = 0; j < m; ++j) {
      sa0[j] = a0 += bp[j];
      sa1[j] = a1 += bp[j];
      sa2[j] = a2 += bp[j];
      sb0[j] = b0 += tr[j];
      sb1[j] = b1 += tr[j];
      sb2[j] = b2 += tr[j];
      const ptrdiff_t t = ptrdiff_t(j) + 1;  // oldest bar of each window, relative
      a0 -= bp[t - ptrdiff_t(p0)];
      b0 -= tr[t - ptrdiff_t(p0)];
      a1 -= bp[t - ptrdiff_t(p1)];
      b1 -= tr[t - ptrdiff_t(p1)];
      a2 -= bp[t - ptrdiff_t(p2)];
      b2 -= tr[t - ptrdiff_t(p2)];
    }
    double* __restrict yo = y + base;
    for (size_t j = 0; j < m; ++j)
      yo[j] = ultosc_scale(ultosc_weighted(sa0[j], sa1[j], sa2[j], sb0[j], sb1[j], sb2[j]));
  }
}

ParamSpec period_n(int n, int default_value, const char* what) {
  const std::string num = std::to_string(n);
  return ParamSpec{"period" + num,
                   {"timeperiod" + num},
                   "optInTimePeriod" + num,
                   ParamType::kInteger,
                   double(default_value),
                   1,
                   100000,
                   what};
}

}  // namespace

Status register_ultosc(Registry& r) {
  IndicatorSpec s;
  s.name = "ultosc";
  s.talib_name = "ULTOSC";
  s.aliases = {"uo", "ultimate_oscillator"};
  s.group = "momentum";
  s.title = "Ultimate Oscillator";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {period_n(1, 7, "bars in the first window"),
              period_n(2, 14, "bars in the second window"),
              period_n(3, 28, "bars in the third window")};
  s.outputs = {"ultosc"};
  s.lookback = ultosc_lookback;
  s.batch = ultosc_batch;
  s.stream = make_state_stream<UltoscState>;
  s.definition =
      "With BP = close − min(low, previous close) and TR the true range, "
      "100·(4·A₁ + 2·A₂ + A₃)/7 where Aᵢ = ΣBP/ΣTR over window i. As in TA-Lib the three "
      "periods are sorted first, so weight 4 goes to the shortest window whatever the order "
      "given (ULTOSC(28,7,14) = ULTOSC(7,14,28)), and a window whose ΣTR is within 1e-14 of "
      "zero contributes nothing.";
  s.source =
      "Larry Williams, \"The Ultimate Oscillator\", Technical Analysis of Stocks & "
      "Commodities (1985); TA-Lib TA_ULTOSC conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
