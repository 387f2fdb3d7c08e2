// Rate of Change Ratio (100 scale) (TA-Lib ROCR100).
#include "indicators/common_params.h"
#include "indicators/momentum/lag_kernel.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

inline double rocr100_of(double x, double prev) {
  const double q = (x / prev) * 100.0;
  return prev != 0.0 ? q : 0.0;
}

}  // namespace

Status register_rocr100(Registry& r) {
  IndicatorSpec s;
  s.name = "rocr100";
  s.talib_name = "ROCR100";
  s.group = "momentum";
  s.title = "Rate of Change Ratio (100 scale)";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(10, 1)};
  s.outputs = {"rocr100"};
  s.lookback = lag_lookback;
  s.batch = lag_batch<rocr100_of>;
  s.stream = make_state_stream<LagState<rocr100_of>>;
  s.definition = "(x / x[t−period])·100; 0 when x[t−period] is 0 (TA-Lib).";
  s.source = "TA-Lib TA_ROCR100 conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
