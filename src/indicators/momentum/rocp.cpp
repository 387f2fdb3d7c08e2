// Rate of Change Percentage (TA-Lib ROCP).
#include "indicators/common_params.h"
#include "indicators/momentum/lag_kernel.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

inline double rocp_of(double x, double prev) {
  const double q = (x - prev) / prev;
  return prev != 0.0 ? q : 0.0;
}

}  // namespace

Status register_rocp(Registry& r) {
  IndicatorSpec s;
  s.name = "rocp";
  s.talib_name = "ROCP";
  s.group = "momentum";
  s.title = "Rate of Change Percentage";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(10, 1)};
  s.outputs = {"rocp"};
  s.lookback = lag_lookback;
  s.batch = lag_batch<rocp_of>;
  s.stream = make_state_stream<LagState<rocp_of>>;
  s.definition =
      "(x − x[t−period]) / x[t−period], the fractional change over `period` bars; 0 when "
      "x[t−period] is 0 (TA-Lib).";
  s.source = "TA-Lib TA_ROCP conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
