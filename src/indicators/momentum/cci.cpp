// CCI: Commodity Channel Index, exactly as TA-Lib computes it. The mean of
// the typical prices is summed over TA-Lib's circular buffer in buffer-slot
// order (not time order): in a flat window that order decides the rounding
// residue and hence TA-Lib's −66.67 results, so it is kept (O(p) per bar).
// The mean absolute deviation is summed in four interleaved partial sums
// (within 1e-15 relative of the sequential sum). Divisions by the period and
// by 3 are done exactly without the divider (div_by_const).
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

// CCI of one bar from TA-Lib's slot buffer `buf` (p slots), the slot-order
// sum `sum` of those slots and the newest typical price. The mean deviation
// is summed in four partial sums by slot index mod 4 (both batch and stream
// use this function, so they agree bit for bit).
inline double cci_value(const double* buf, int period, double dp, double rdp, double sum,
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
  const double num = last - avg;
  const double q = num / (0.015 * momentum::div_by_const(mad, dp, rdp));
  return (num != 0.0 && mad != 0.0) ? q : 0.0;
}

// Streaming: TA-Lib's buffer, re-summed in slot order every bar.
struct CciState {
  static constexpr size_t kInputs = 3, kOutputs = 1;
  explicit CciState(const Params& p)
      : period(p.integer(0)), dp(period), rdp(1.0 / dp), buf(size_t(period), 0.0) {}
  bool step(const double* bar, double* out) {
    const double tp = typical(bar[0], bar[1], bar[2]);
    buf[size_t(idx)] = tp;
    const bool ready = ++count >= period;
    if (ready) {
      double sum = 0;
      for (int j = 0; j < period; ++j) sum += buf[size_t(j)];
      out[0] = cci_value(buf.data(), period, dp, rdp, sum, tp);
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

// Batch, one "cycle" of p bars at a time (slot s holds bar c·p + s in cycle
// c, since TA-Lib fills slot 0 with bar 0). TA-Lib's slot-order sum at slot
// i of cycle c is
//   A[i] + prev[i+1] + ... + prev[p-1]   (left to right),
// with A[i] = ((0 + cur[0]) + cur[1]) + ... + cur[i] the running sum of this
// cycle and prev the previous cycle's values. Those p sums are independent,
// so they run as lanes of one loop (slot-i lanes add +0.0 for j <= i, which
// is exact), instead of p dependent additions per bar.
void cci_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double *h = in[0], *l = in[1], *c = in[2];
  double* y = out[0];
  const int period = p.integer(0);
  const size_t P = size_t(period);
  fill_warmup(out, 1, n, P - 1);
  if (n < P) return;
  const double dp = period, rdp = 1.0 / dp;
  std::vector<double> work(3 * P);
  double* buf = work.data();  // TA-Lib's slots (previous cycle until overwritten)
  double* cur = buf + P;      // this cycle's typical prices
  double* sums = cur + P;     // slot-order sums, then per slot
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
      if (m == P) y[P - 1] = cci_value(buf, period, dp, rdp, sums[P - 1], buf[P - 1]);
      continue;
    }
    for (size_t j = 1; j < P; ++j) {
      const double v = buf[j];
      for (size_t s = 0; s < m; ++s) sums[s] += (j > s) ? v : 0.0;
    }
    for (size_t s = 0; s < m; ++s) {
      buf[s] = cur[s];
      y[start + s] = cci_value(buf, period, dp, rdp, sums[s], cur[s]);
    }
  }
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
