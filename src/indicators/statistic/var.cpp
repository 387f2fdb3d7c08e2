// VAR: population variance over a window (TA-Lib TA_VAR conventions).
#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/statistic/variance.h"

namespace nocode::indicators {
namespace {

struct VarStreamState : variance::VarState {
  using VarState::VarState;
  bool step(const double* bar, double* out) { return step_var(bar[0], out); }
};

int var_lookback(const Params& p) { return p.integer(0) - 1; }

void var_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  variance::var_batch_into(in[0], n, p.integer(0), out[0]);
}

}  // namespace

Status register_var(Registry& r) {
  IndicatorSpec s;
  s.name = "var";
  s.talib_name = "VAR";
  s.group = "statistic";
  s.title = "Variance";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(5, 1),
              ParamSpec{"nbdev", {}, "optInNbDev", ParamType::kReal, 1.0, -3e37, 3e37,
                        "accepted for TA-Lib compatibility; VAR ignores it"}};
  s.outputs = {"var"};
  s.lookback = var_lookback;
  s.batch = var_batch;
  s.stream = make_state_stream<VarStreamState>;
  s.definition =
      "Population variance of the last `period` values, computed like TA-Lib as "
      "`E[x²] − E[x]²` from two running sums (add the newest value, emit, subtract the oldest). "
      "Because of that formula a perfectly flat window can come out as a tiny negative number "
      "(≈ −1e-12) instead of 0. `nbdev` is accepted but ignored, as in TA-Lib.";
  s.source = "TA-Lib TA_VAR conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
