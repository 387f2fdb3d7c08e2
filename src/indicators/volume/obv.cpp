// OBV: On Balance Volume. TA-Lib starts the total at volume[0] (not 0), then
// adds the bar's volume when the price rose, subtracts it when it fell, and
// leaves it on a tie (or NaN). The batch kernel computes the signed volumes
// of a chunk branch-free and vectorised, then runs the sum.
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

// obv − v equals obv + (−v) exactly, and adding 0.0 equals leaving it.
inline double obv_delta(double x, double prev, double v) {
  return x > prev ? v : (x < prev ? -v : 0.0);
}

constexpr size_t kObvChunk = 512;

struct ObvState {
  static constexpr size_t kInputs = 2, kOutputs = 1;  // real, volume
  explicit ObvState(const Params&) {}
  bool step(const double* bar, double* out) {
    if (!started) {
      obv = bar[1];
      started = true;
    } else {
      obv += obv_delta(bar[0], prev, bar[1]);
    }
    prev = bar[0];
    out[0] = obv;
    return true;
  }
  bool started = false;
  double obv = 0, prev = 0;
};

int obv_lookback(const Params&) { return 0; }

void obv_batch(const double* const* in, size_t n, const Params&, double* const* out) {
  const double* __restrict x = in[0];
  const double* __restrict v = in[1];
  double* __restrict y = out[0];
  if (n == 0) return;
  double obv = v[0];
  y[0] = obv;
  for (size_t base = 1; base < n; base += kObvChunk) {
    const size_t end = base + kObvChunk < n ? base + kObvChunk : n;
    for (size_t i = base; i < end; ++i) y[i] = obv_delta(x[i], x[i - 1], v[i]);
    for (size_t i = base; i < end; ++i) y[i] = obv += y[i];
  }
}

}  // namespace

Status register_obv(Registry& r) {
  IndicatorSpec s;
  s.name = "obv";
  s.talib_name = "OBV";
  s.group = "volume";
  s.title = "On Balance Volume";
  s.inputs = {InputKind::kReal, InputKind::kVolume};
  s.outputs = {"obv"};
  s.lookback = obv_lookback;
  s.batch = obv_batch;
  s.stream = make_state_stream<ObvState>;
  s.definition =
      "Running total of volume, added on bars where the price closed above the previous "
      "bar's and subtracted where it closed below (ties add nothing). As in TA-Lib the total "
      "starts at the first bar's volume, not at 0 (Tulip and others start at 0 and stay a "
      "constant apart).";
  s.source =
      "Joseph Granville, Granville's New Key to Stock Market Profits (1963); TA-Lib "
      "TA_OBV conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
