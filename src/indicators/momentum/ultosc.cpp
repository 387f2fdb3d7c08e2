// ULTOSC: Ultimate Oscillator. Buying pressure (close − true low) over true
// range, summed over three windows and weighted 4:2:1. TA-Lib sorts the three
// periods first, so the weight 4 always goes to the shortest window, and
// keeps running sums (add today's terms, then drop the oldest) which we
// reproduce operation for operation.
#include <algorithm>
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

inline bool is_zero(double v) { return -1e-14 < v && v < 1e-14; }

struct UltoscCore {
  explicit UltoscCore(const Params& p) {
    int q[3] = {p.integer(0), p.integer(1), p.integer(2)};
    std::sort(q, q + 3);
    for (int k = 0; k < 3; ++k) period[k] = q[k];
    size_t cap = 1;
    while (cap < size_t(period[2])) cap <<= 1;
    mask = cap - 1;
    ring.assign(cap, Terms{0, 0});
  }

  // Feeds the terms of bar i (i >= 1); returns true and the value once i
  // reaches the longest period.
  inline bool add(size_t i, Terms t, double* out) {
    ring[i & mask] = t;
    const size_t longest = size_t(period[2]);
    if (i < longest) {  // priming: each window starts longest−p+1
      for (int k = 0; k < 3; ++k) {
        if (i + size_t(period[k]) >= longest + 1) {
          a[k] += t.bp;
          b[k] += t.tr;
        }
      }
      return false;
    }
    a[0] += t.bp;
    a[1] += t.bp;
    a[2] += t.bp;
    b[0] += t.tr;
    b[1] += t.tr;
    b[2] += t.tr;
    // The three quotients in one vector division (IEEE division is exact
    // per lane, so these are TA-Lib's scalar quotients).
    typedef double v4 __attribute__((vector_size(32)));
    const v4 num = {a[0], a[1], a[2], 0.0};
    const v4 den = {b[0], b[1], b[2], 1.0};
    const v4 q = num / den;
    double v = 0.0;
    if (!is_zero(b[0])) v += 4.0 * q[0];
    if (!is_zero(b[1])) v += 2.0 * q[1];
    if (!is_zero(b[2])) v += q[2];
    for (int k = 0; k < 3; ++k) {
      const Terms& old = ring[(i + 1 - size_t(period[k])) & mask];
      a[k] -= old.bp;
      b[k] -= old.tr;
    }
    *out = 100.0 * (v / 7.0);
    return true;
  }

  int period[3];
  size_t mask = 0;
  std::vector<Terms> ring;
  double a[3] = {0, 0, 0}, b[3] = {0, 0, 0};
};

struct UltoscState {
  static constexpr size_t kInputs = 3, kOutputs = 1;  // high, low, close
  explicit UltoscState(const Params& p) : core(p) {}

  bool step(const double* bar, double* out) {
    const size_t i = count++;
    const double prev = prev_close;
    prev_close = bar[2];
    if (i == 0) return false;
    return core.add(i, ultosc_terms(bar[0], bar[1], bar[2], prev), out);
  }

  UltoscCore core;
  size_t count = 0;
  double prev_close = 0;
};

int ultosc_lookback(const Params& p) {
  return std::max({p.integer(0), p.integer(1), p.integer(2)});
}

void ultosc_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double* h = in[0];
  const double* l = in[1];
  const double* c = in[2];
  double* y = out[0];
  const size_t lookback = size_t(ultosc_lookback(p));
  fill_warmup(out, 1, n, lookback);
  UltoscCore core(p);
  double v;
  for (size_t i = 1; i < n; ++i)
    if (core.add(i, ultosc_terms(h[i], l[i], c[i], c[i - 1]), &v)) y[i] = v;
}

ParamSpec period_n(int n, int default_value, const char* what) {
  const std::string num = std::to_string(n);
  return ParamSpec{"period" + num, {"timeperiod" + num}, "optInTimePeriod" + num,
                   ParamType::kInteger, double(default_value), 1, 100000, what};
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
  s.source = "Larry Williams, \"The Ultimate Oscillator\", Technical Analysis of Stocks & "
             "Commodities (1985); TA-Lib TA_ULTOSC conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
