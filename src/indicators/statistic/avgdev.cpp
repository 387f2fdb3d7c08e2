// AVGDEV: mean absolute deviation around the window's mean (TA-Lib TA_AVGDEV).
// Like TA-Lib, both sums are recomputed per bar (newest value first), which
// keeps results bit-identical to TA-Lib's; a sliding form is not possible for
// the absolute deviations anyway.
#include <cmath>
#include <vector>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

// Window x[0..p), oldest first.
inline double avgdev_of(const double* w, int period) {
  double sum = 0;
  for (int i = period - 1; i >= 0; --i) sum += w[i];
  double dev = 0;
  for (int i = period - 1; i >= 0; --i) dev += std::fabs(w[i] - sum / period);
  return dev / period;
}

struct AvgdevState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit AvgdevState(const Params& p) : period(p.integer(0)), window(size_t(period), 0.0) {}

  bool step(const double* bar, double* out) {
    if (count == period) {
      for (int i = 1; i < period; ++i) window[size_t(i - 1)] = window[size_t(i)];
      window[size_t(period - 1)] = bar[0];
    } else {
      window[size_t(count++)] = bar[0];
      if (count < period) return false;
    }
    out[0] = avgdev_of(window.data(), period);
    return true;
  }

  int period;
  std::vector<double> window;
  int count = 0;
};

int avgdev_lookback(const Params& p) { return p.integer(0) - 1; }

void avgdev_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const int period = p.integer(0);
  const size_t lb = size_t(period) - 1;
  fill_warmup(out, 1, n, lb);
  for (size_t i = lb; i < n; ++i) out[0][i] = avgdev_of(in[0] + i - lb, period);
}

}  // namespace

Status register_avgdev(Registry& r) {
  IndicatorSpec s;
  s.name = "avgdev";
  s.talib_name = "AVGDEV";
  s.group = "statistic";
  s.title = "Average Deviation";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(14)};
  s.outputs = {"avgdev"};
  s.lookback = avgdev_lookback;
  s.batch = avgdev_batch;
  s.stream = make_state_stream<AvgdevState>;
  s.definition =
      "Mean absolute deviation of the last `period` values from their mean: "
      "`Σ|x − mean| / period`, recomputed exactly for every window as TA-Lib does.";
  s.source = "TA-Lib TA_AVGDEV conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
