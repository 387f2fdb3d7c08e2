// MINMAX: lowest and highest values over a specified period (TA-Lib TA_MINMAX), O(1) per bar.
#include "indicators/common_params.h"
#include "indicators/math/window_extreme.h"
#include "indicators/registry.h"

namespace nocode::indicators {

Status register_minmax(Registry& r) {
  IndicatorSpec s;
  s.name = "minmax";
  s.talib_name = "MINMAX";
  s.group = "math";
  s.title = "Lowest and highest values over a specified period";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"min", "max"};
  s.lookback = extreme::lookback;
  s.batch = extreme::batch<extreme::kMinValue, extreme::kMaxValue>;
  s.stream = make_state_stream<extreme::State<extreme::kMinValue, extreme::kMaxValue>>;
  s.definition = "Lowest and highest of the last `period` values (MIN and MAX in one call).";
  s.source = "TA-Lib TA_MINMAX conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
