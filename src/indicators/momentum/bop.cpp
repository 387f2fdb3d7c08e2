// BOP: Balance of Power = (close − open)/(high − low); 0 when high − low is
// below TA-Lib's epsilon (1e-14), i.e. zero or negative ranges.
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

inline double bop_value(double o, double h, double l, double c) {
  const double range = h - l;
  const double q = (c - o) / range;  // unconditional so the batch loop vectorises
  return range < 1e-14 ? 0.0 : q;
}

struct BopState {
  static constexpr size_t kInputs = 4, kOutputs = 1;  // open, high, low, close
  explicit BopState(const Params&) {}
  bool step(const double* bar, double* out) {
    out[0] = bop_value(bar[0], bar[1], bar[2], bar[3]);
    return true;
  }
};

int bop_lookback(const Params&) { return 0; }

void bop_batch(const double* const* in, size_t n, const Params&, double* const* out) {
  const double* __restrict o = in[0];
  const double* __restrict h = in[1];
  const double* __restrict l = in[2];
  const double* __restrict c = in[3];
  double* __restrict y = out[0];
  for (size_t i = 0; i < n; ++i) y[i] = bop_value(o[i], h[i], l[i], c[i]);
}

}  // namespace

Status register_bop(Registry& r) {
  IndicatorSpec s;
  s.name = "bop";
  s.talib_name = "BOP";
  s.group = "momentum";
  s.title = "Balance of Power";
  s.inputs = {InputKind::kOpen, InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.outputs = {"bop"};
  s.lookback = bop_lookback;
  s.batch = bop_batch;
  s.stream = make_state_stream<BopState>;
  s.definition =
      "(close − open)/(high − low) for each bar, from −1 to 1. As in TA-Lib the value is 0 "
      "when high − low is zero or negative (below 1e-14).";
  s.source =
      "Igor Livshin, \"Balance of Market Power\", Technical Analysis of Stocks & "
      "Commodities (2001); TA-Lib TA_BOP conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
