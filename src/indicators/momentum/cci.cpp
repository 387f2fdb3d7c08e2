// CCI: Commodity Channel Index, exactly as TA-Lib computes it. The mean of
// the typical prices is summed over TA-Lib's circular buffer in buffer-slot
// order (not time order): in a flat window that order decides the rounding
// residue and hence TA-Lib's −66.67 results, so it is kept (O(p) per bar).
// The mean absolute deviation is summed in four interleaved partial sums
// (within 1e-15 relative of the sequential sum). Divisions by the period and
// by 3 are done exactly without the divider (div_by_const); see cci_batch for
// how the batch kernel keeps the slot-order sum exact without its chain.
#include <algorithm>
#include <vector>

#include "indicators/common_params.h"
#include "indicators/momentum/momentum_core.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

// (H+L+C)/3, the division done exactly without the divider.
inline double typical(double h, double l, double c) {
  return momentum::div_by_const(h + l + c, 3.0, 1.0 / 3.0);
}

// One bar of CCI from TA-Lib's slot buffer `buf` (p slots), the slot-order
// sum `sum` of those slots and the newest typical price, in two steps so the
// batch kernel can run the final division as a vectorised loop (the divider
// is the bottleneck otherwise). The mean deviation is summed in four partial
// sums by slot index mod 4. Batch and stream both use these functions, so
// they agree bit for bit.
struct CciParts {
  double num, mad, den;
};
inline CciParts cci_parts(const double* buf, int period, double dp, double rdp, double sum,
                          double last) {
  const double avg = momentum::div_by_const(sum, dp, rdp);  // sum / period, exactly
  double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
  int j = 0;
  for (; j + 4 <= period; j += 4) {
    d0 += std::fabs(buf[j] - avg);
    d1 += std::fabs(buf[j + 1] - avg);
    d2 += std::fabs(buf[j + 2] - avg);
    d3 += std::fabs(buf[j + 3] - avg);
  }
  for (; j < period; ++j) d0 += std::fabs(buf[j] - avg);
  const double mad = (d0 + d1) + (d2 + d3);
  return CciParts{last - avg, mad, 0.015 * momentum::div_by_const(mad, dp, rdp)};
}
inline double cci_finish(double num, double mad, double den) {
  const double q = num / den;
  return (num != 0.0 && mad != 0.0) ? q : 0.0;
}

// Streaming: TA-Lib's buffer, re-summed in slot order every bar.
struct CciState {
  static constexpr size_t kInputs = 3, kOutputs = 1;
  explicit CciState(const Params& p)
      : period(p.integer(0)), dp(period), rdp(1.0 / dp), buf(size_t(period), 0.0) {}
  bool step(const double* bar, double* out) {
    const double tp = typical(bar[0], bar[1], bar[2]);
    double* b = buf.data();
    b[idx] = tp;
    const bool ready = ++count >= period;
    if (ready) {
      double sum = 0;
      for (int j = 0; j < period; ++j) sum += b[j];
      const CciParts c = cci_parts(b, period, dp, rdp, sum, tp);
      out[0] = cci_finish(c.num, c.mad, c.den);
    }
    if (++idx == period) idx = 0;
    return ready;
  }
  int period;
  double dp, rdp;
  std::vector<double> buf;
  int idx = 0;
  long count = 0;
};

int cci_lookback(const Params& p) { return p.integer(0) - 1; }

// Batch, one "cycle" of p bars at a time, every per-bar quantity computed
// for all bars of the cycle as the lanes of vectorisable loops, with exactly
// the operations (and order) of the stream:
//  * slot s holds bar c·p + s in cycle c (TA-Lib fills slot 0 with bar 0), so
//    at slot s the buffer is this cycle's values in slots <= s and the
//    previous cycle's (`prev`, still in `buf`) above;
//  * TA-Lib's slot-order sum at slot s is A[s] + prev[s+1] + ... + prev[p-1]
//    (left to right), A[s] = ((0 + cur[0]) + cur[1]) + ... + cur[s]; lane s
//    adds +0.0 for j <= s, which is exact;
//  * the deviation sums go by slot j into partial sum j mod 4 (the tail
//    slots past a multiple of 4 into the first), as cci_parts does.
// kLanes: the lane count rounded up from p (a compile-time constant for
// p <= 64, so the lane loops become straight-line vector code); 0 = runtime.
template <size_t kLanes>
void cci_cycles(const double* h, const double* l, const double* c, size_t n, int period,
                double* y) {
  const size_t P = size_t(period);
  const double dp = period, rdp = 1.0 / dp;
  const size_t L = kLanes ? kLanes : (P + 7) & ~size_t(7);
  std::vector<double> work(9 * L, 0.0);
  double* buf = work.data();  // TA-Lib's slots (previous cycle until overwritten)
  double* cur = buf + L;      // this cycle's typical prices
  double* sums = cur + L;
  double* avg = sums + L;
  double* d0 = avg + L;
  double* d1 = d0 + L;
  double* d2 = d1 + L;
  double* d3 = d2 + L;
  double* o = d3 + L;
  const size_t p4 = P - P % 4;
  for (size_t start = 0; start < n; start += P) {
    const size_t m = std::min(P, n - start);
    double run = 0.0;
    for (size_t s = 0; s < m; ++s) {
      cur[s] = typical(h[start + s], l[start + s], c[start + s]);
      run += cur[s];
      sums[s] = run;
    }
    if (start == 0) {  // the first window completes at slot p-1
      for (size_t s = 0; s < m; ++s) buf[s] = cur[s];
      if (m == P) {
        const CciParts r = cci_parts(buf, period, dp, rdp, sums[P - 1], buf[P - 1]);
        y[P - 1] = cci_finish(r.num, r.mad, r.den);
      }
      continue;
    }
    for (size_t j = 1; j < P; ++j) {
      const double v = buf[j];
      for (size_t s = 0; s < L; ++s) sums[s] += (j > s) ? v : 0.0;
    }
    for (size_t s = 0; s < L; ++s) {
      avg[s] = momentum::div_by_const(sums[s], dp, rdp);
      d0[s] = d1[s] = d2[s] = d3[s] = 0.0;
    }
    // Slot j goes to partial sum j mod 4; slots from p4 on to the first.
    auto slot = [&](size_t j, size_t s) {
      const double v = (j <= s) ? cur[j] : buf[j];
      return std::fabs(v - avg[s]);
    };
    for (size_t j = 0; j < p4; j += 4) {
      for (size_t s = 0; s < L; ++s) {
        d0[s] += slot(j, s);
        d1[s] += slot(j + 1, s);
        d2[s] += slot(j + 2, s);
        d3[s] += slot(j + 3, s);
      }
    }
    for (size_t j = p4; j < P; ++j)
      for (size_t s = 0; s < L; ++s) d0[s] += slot(j, s);
    for (size_t s = 0; s < L; ++s) {
      const double mad = (d0[s] + d1[s]) + (d2[s] + d3[s]);
      const double num = cur[s] - avg[s];
      o[s] = cci_finish(num, mad, 0.015 * momentum::div_by_const(mad, dp, rdp));
    }
    for (size_t s = 0; s < m; ++s) {
      y[start + s] = o[s];
      buf[s] = cur[s];
    }
  }
}

void cci_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const int period = p.integer(0);
  fill_warmup(out, 1, n, size_t(period - 1));
  if (n < size_t(period)) return;
  const double *h = in[0], *l = in[1], *c = in[2];
  if (period <= 8) return cci_cycles<8>(h, l, c, n, period, out[0]);
  if (period <= 16) return cci_cycles<16>(h, l, c, n, period, out[0]);
  if (period <= 32) return cci_cycles<32>(h, l, c, n, period, out[0]);
  if (period <= 64) return cci_cycles<64>(h, l, c, n, period, out[0]);
  cci_cycles<0>(h, l, c, n, period, out[0]);
}

}  // namespace

Status register_cci(Registry& r) {
  IndicatorSpec s;
  s.name = "cci";
  s.talib_name = "CCI";
  s.group = "momentum";
  s.title = "Commodity Channel Index";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {period_param(14, 2)};
  s.outputs = {"cci"};
  s.lookback = cci_lookback;
  s.batch = cci_batch;
  s.stream = make_state_stream<CciState>;
  s.definition =
      "(TP − mean(TP)) / (0.015 · mean |TP − mean(TP)|) over the last `period` typical prices "
      "TP = (H+L+C)/3; 0 when the numerator or the mean deviation is exactly 0. As TA-Lib, the "
      "mean is summed in its circular buffer's slot order, so a perfectly flat window usually "
      "gives −66.67 (= −1/0.015) from the rounding residue rather than 0.";
  s.source = "Donald Lambert, Commodities magazine (1980); TA-Lib TA_CCI conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
