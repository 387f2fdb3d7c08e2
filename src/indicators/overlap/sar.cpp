// SAR: Wilder's Parabolic Stop and Reverse (TA_SAR conventions, sar_core.h).
#include "indicators/overlap/sar_core.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

ma::SarSettings settings(const Params& p) {
  ma::SarSettings s;
  s.init_long = s.step_long = s.init_short = s.step_short = p.real(0);
  s.max_long = s.max_short = p.real(1);
  return s;
}

struct SarState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit SarState(const Params& p) : core(settings(p)) {}
  bool step(const double* bar, double* out) { return core.step(bar[0], bar[1], out); }
  ma::SarCore core;
};

int sar_lookback(const Params&) { return 1; }

void sar_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double *high = in[0], *low = in[1];
  double* y = out[0];
  ma::SarCore core(settings(p));
  core.run(high, low, n, y);
}

}  // namespace

Status register_sar(Registry& r) {
  IndicatorSpec s;
  s.name = "sar";
  s.talib_name = "SAR";
  s.aliases = {"psar", "parabolic_sar"};
  s.group = "overlap";
  s.title = "Parabolic SAR";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {ParamSpec{"acceleration", {"af", "step"}, "optInAcceleration", ParamType::kReal, 0.02,
                        0, 3e37, "acceleration factor: initial value and step"},
              ParamSpec{"maximum", {"af_max", "max_af"}, "optInMaximum", ParamType::kReal, 0.2, 0,
                        3e37, "maximum acceleration factor"}};
  s.outputs = {"sar"};
  s.lookback = sar_lookback;
  s.batch = sar_batch;
  s.stream = make_state_stream<SarState>;
  s.definition =
      "Trailing stop that accelerates toward the extreme point (EP): "
      "SAR += AF·(EP − SAR), AF starting at `acceleration` and growing by it on each new "
      "extreme up to `maximum`. As in TA-Lib: the first direction comes from bar 1's −DM, the "
      "first SAR is bar 0's low (long) or high (short), touching the SAR reverses, and the SAR is "
      "clamped to the last two bars' lows (long) or highs (short).";
  s.source = "Wilder, New Concepts in Technical Trading Systems (1978); TA-Lib TA_SAR conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
