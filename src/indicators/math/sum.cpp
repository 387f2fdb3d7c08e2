// SUM: sum of the last `period` values (TA-Lib TA_SUM).
//
// TA-Lib's running sum in its exact operation order (add the newest, emit,
// subtract the oldest), so the rounding of the running sum, and where a NaN
// poisons it, are TA-Lib's.
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
    sum += x;
    window[pos] = x;
    if (++pos == window.size()) pos = 0;
    if (count < period) ++count;
    if (count < period) return false;
    out[0] = sum;
    sum -= window[pos];  // oldest value, overwritten next step
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
  for (size_t i = 0; i + 1 < period; ++i) sum += x[i];
  for (size_t i = period - 1; i < n; ++i) {
    sum += x[i];
    y[i] = sum;
    sum -= x[i + 1 - period];
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
      "Sum of the last `period` values, kept as TA-Lib's running sum (add the newest value, "
      "emit, subtract the oldest).";
  s.source = "TA-Lib TA_SUM conventions.";
  s.core = false;  // in the speed table, but not one of the 52 (INVENTORY.md)
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
