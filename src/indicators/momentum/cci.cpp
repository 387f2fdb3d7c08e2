// CCI: Commodity Channel Index, exactly as TA-Lib computes it. The mean of
// the typical prices is summed over TA-Lib's circular buffer in buffer-slot
// order (not time order): in a flat window that order decides the rounding
// residue and hence TA-Lib's −66.67 results, so it is kept (O(p) per bar).
// The mean absolute deviation is summed in four interleaved partial sums
// (vectorisable; within 1e-15 relative of the sequential sum).
#include <vector>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

// The per-bar CCI over the full circular buffer `buf` (period slots) whose
// newest value is `last`.
inline double cci_value(const double* buf, int period, double last) {
  double sum = 0;
  for (int j = 0; j < period; ++j) sum += buf[j];
  const double avg = sum / period;
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
  if (num != 0.0 && mad != 0.0) return num / (0.015 * (mad / period));
  return 0.0;
}

inline double typical(double h, double l, double c) { return (h + l + c) / 3; }

struct CciState {
  static constexpr size_t kInputs = 3, kOutputs = 1;
  explicit CciState(const Params& p) : period(p.integer(0)), buf(size_t(period), 0.0) {}
  bool step(const double* bar, double* out) {
    const double tp = typical(bar[0], bar[1], bar[2]);
    buf[size_t(idx)] = tp;
    const bool ready = ++count >= period;
    if (ready) out[0] = cci_value(buf.data(), period, tp);
    if (++idx == period) idx = 0;
    return ready;
  }
  int period;
  std::vector<double> buf;
  int idx = 0;
  long count = 0;
};

int cci_lookback(const Params& p) { return p.integer(0) - 1; }

void cci_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double *h = in[0], *l = in[1], *c = in[2];
  double* y = out[0];
  const int period = p.integer(0);
  fill_warmup(out, 1, n, size_t(period - 1));
  if (n < size_t(period)) return;
  std::vector<double> buf(static_cast<size_t>(period));
  for (int i = 0; i + 1 < period; ++i) buf[size_t(i)] = typical(h[i], l[i], c[i]);
  int idx = period - 1;
  for (size_t i = size_t(period - 1); i < n; ++i) {
    const double tp = typical(h[i], l[i], c[i]);
    buf[size_t(idx)] = tp;
    y[i] = cci_value(buf.data(), period, tp);
    if (++idx == period) idx = 0;
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
