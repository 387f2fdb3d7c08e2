// SUM: sum of the last `period` values (TA-Lib TA_SUM).
//
// TA-Lib runs "add the newest, emit, subtract the oldest", two dependent adds
// per bar. Here the sum moves by the difference (newest − oldest), computed off
// the dependency chain, so the chain is one add per bar. The rounding differs
// from TA-Lib's by a few ulps of the sum; a NaN still poisons the sum from
// where it enters, as it does in TA-Lib.
#include <vector>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct SumState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit SumState(const Params& p) : period(p.integer(0)), window(size_t(period), 0.0) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    const double drop = window[pos];
    window[pos] = x;
    if (++pos == window.size()) pos = 0;
    if (count < period) {
      sum += x;
      if (++count < period) return false;
    } else {
      sum += x - drop;
    }
    out[0] = sum;
    return true;
  }

  int period;
  std::vector<double> window;
  size_t pos = 0;
  int count = 0;
  double sum = 0;
};

int sum_lookback(const Params& p) { return p.integer(0) - 1; }

void sum_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double* __restrict x = in[0];
  double* __restrict y = out[0];
  const size_t period = size_t(p.integer(0));
  fill_warmup(out, 1, n, period - 1);
  if (n < period) return;
  double sum = 0;
  for (size_t i = 0; i < period; ++i) sum += x[i];
  y[period - 1] = sum;
  for (size_t i = period; i < n; ++i) {
    sum += x[i] - x[i - period];
    y[i] = sum;
  }
}

}  // namespace

Status register_sum(Registry& r) {
  IndicatorSpec s;
  s.name = "sum";
  s.talib_name = "SUM";
  s.group = "math";
  s.title = "Summation";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"sum"};
  s.lookback = sum_lookback;
  s.batch = sum_batch;
  s.stream = make_state_stream<SumState>;
  s.definition =
      "Sum of the last `period` values, kept as a running sum that moves by "
      "(newest − oldest) each bar.";
  s.source = "TA-Lib TA_SUM conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
