// MIDPOINT: (highest + lowest)/2 of one series over `period` values, with a
// monotonic-deque window (O(1) amortised per bar instead of TA-Lib's rescan).
#include "indicators/common_params.h"
#include "indicators/overlap/window_extremes.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct MidpointState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit MidpointState(const Params& p) : w(p.integer(0)) {}
  bool step(const double* bar, double* out) {
    double hi, lo;
    if (!w.push(bar[0], bar[0], &hi, &lo)) return false;
    out[0] = (hi + lo) / 2.0;
    return true;
  }
  ma::WindowExtremes w;
};

int midpoint_lookback(const Params& p) { return p.integer(0) - 1; }

void midpoint_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  ma::midrange_batch(in[0], in[0], n, p.integer(0), out[0]);
}

}  // namespace

Status register_midpoint(Registry& r) {
  IndicatorSpec s;
  s.name = "midpoint";
  s.talib_name = "MIDPOINT";
  s.group = "overlap";
  s.title = "MidPoint over period";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(14)};
  s.outputs = {"midpoint"};
  s.lookback = midpoint_lookback;
  s.batch = midpoint_batch;
  s.stream = make_state_stream<MidpointState>;
  s.definition = "(highest + lowest) / 2 of the last `period` values.";
  s.source = "TA-Lib TA_MIDPOINT.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
