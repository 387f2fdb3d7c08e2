// Momentum (TA-Lib MOM).
#include "indicators/common_params.h"
#include "indicators/momentum/lag_kernel.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

inline double mom_of(double x, double prev) { return x - prev; }

}  // namespace

Status register_mom(Registry& r) {
  IndicatorSpec s;
  s.name = "mom";
  s.talib_name = "MOM";
  s.group = "momentum";
  s.title = "Momentum";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(10, 1)};
  s.outputs = {"mom"};
  s.lookback = lag_lookback;
  s.batch = lag_batch<mom_of>;
  s.stream = make_state_stream<LagState<mom_of>>;
  s.definition = "x − x[t−period]: the change over `period` bars.";
  s.source = "TA-Lib TA_MOM conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
