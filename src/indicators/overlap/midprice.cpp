// MIDPRICE: (highest high + lowest low)/2 over `period` bars, with
// monotonic-deque windows.
#include "indicators/common_params.h"
#include "indicators/overlap/window_extremes.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct MidpriceState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit MidpriceState(const Params& p) : w(p.integer(0)) {}
  bool step(const double* bar, double* out) {
    double hi, lo;
    if (!w.push(bar[0], bar[1], &hi, &lo)) return false;
    out[0] = (hi + lo) / 2.0;
    return true;
  }
  ma::WindowExtremes w;
};

int midprice_lookback(const Params& p) { return p.integer(0) - 1; }

void midprice_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  ma::midrange_batch(in[0], in[1], n, p.integer(0), out[0]);
}

}  // namespace

Status register_midprice(Registry& r) {
  IndicatorSpec s;
  s.name = "midprice";
  s.talib_name = "MIDPRICE";
  s.group = "overlap";
  s.title = "Midpoint Price over period";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {period_param(14)};
  s.outputs = {"midprice"};
  s.lookback = midprice_lookback;
  s.batch = midprice_batch;
  s.stream = make_state_stream<MidpriceState>;
  s.definition = "(highest high + lowest low) / 2 over the last `period` bars.";
  s.source = "TA-Lib TA_MIDPRICE.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
