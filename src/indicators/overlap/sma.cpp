// SMA: simple moving average. TA-Lib keeps a running sum: add the newest
// value, divide, subtract the oldest. We do the same so results match bit for
// bit (the running sum's rounding is part of TA-Lib's numbers).
#include <vector>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct SmaState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit SmaState(const Params& p) : period(p.integer(0)), window(period, 0.0) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    sum += x;
    window[pos] = x;
    if (++pos == window.size()) pos = 0;
    if (++count < period) return false;
    out[0] = sum / period;
    sum -= window[pos];  // oldest value, overwritten next step
    return true;
  }

  int period;
  std::vector<double> window;
  size_t pos = 0;
  int count = 0;
  double sum = 0;
};

int sma_lookback(const Params& p) { return p.integer(0) - 1; }

void sma_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double* x = in[0];
  double* y = out[0];
  const size_t period = static_cast<size_t>(p.integer(0));
  fill_warmup(out, 1, n, period - 1);
  if (n < period) return;
  double sum = 0;
  for (size_t i = 0; i + 1 < period; ++i) sum += x[i];
  for (size_t i = period - 1; i < n; ++i) {
    sum += x[i];
    y[i] = sum / static_cast<double>(period);
    sum -= x[i + 1 - period];
  }
}

}  // namespace

Status register_sma(Registry& r) {
  IndicatorSpec s;
  s.name = "sma";
  s.talib_name = "SMA";
  s.group = "overlap";
  s.title = "Simple Moving Average";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"sma"};
  s.lookback = sma_lookback;
  s.batch = sma_batch;
  s.stream = make_state_stream<SmaState>;
  s.definition = "Arithmetic mean of the last `period` values.";
  s.source = "TA-Lib TA_SMA (running-sum form).";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
