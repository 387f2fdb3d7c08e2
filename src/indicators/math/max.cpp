// MAX: highest value over a specified period (TA-Lib TA_MAX), O(1) per bar.
#include "indicators/common_params.h"
#include "indicators/math/window_extreme.h"
#include "indicators/registry.h"

namespace nocode::indicators {

Status register_max(Registry& r) {
  IndicatorSpec s;
  s.name = "max";
  s.talib_name = "MAX";
  s.group = "math";
  s.title = "Highest value over a specified period";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"max"};
  s.lookback = extreme::lookback;
  s.batch = extreme::batch<extreme::kMaxValue>;
  s.stream = make_state_stream<extreme::State<extreme::kMaxValue>>;
  s.definition = "Highest value of the last `period` values. NaN values are skipped as TA-Lib skips them (a NaN that starts one of TA-Lib's window rescans shows for one bar).";
  s.source = "TA-Lib TA_MAX conventions.";
  s.core = false;  // in the speed table, but not one of the 52 (INVENTORY.md)
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
