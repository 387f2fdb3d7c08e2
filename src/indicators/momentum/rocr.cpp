// Rate of Change Ratio (TA-Lib ROCR).
#include "indicators/common_params.h"
#include "indicators/momentum/lag_kernel.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

inline double rocr_of(double x, double prev) {
  const double q = x / prev;
  return prev != 0.0 ? q : 0.0;
}

}  // namespace

Status register_rocr(Registry& r) {
  IndicatorSpec s;
  s.name = "rocr";
  s.talib_name = "ROCR";
  s.group = "momentum";
  s.title = "Rate of Change Ratio";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(10, 1)};
  s.outputs = {"rocr"};
  s.lookback = lag_lookback;
  s.batch = lag_batch<rocr_of>;
  s.stream = make_state_stream<LagState<rocr_of>>;
  s.definition = "x / x[t−period]; 0 when x[t−period] is 0 (TA-Lib).";
  s.source = "TA-Lib TA_ROCR conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
