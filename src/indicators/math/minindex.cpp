// MININDEX: index of lowest value over a specified period (TA-Lib TA_MININDEX), O(1) per bar.
#include "indicators/common_params.h"
#include "indicators/math/window_extreme.h"
#include "indicators/registry.h"

namespace nocode::indicators {

Status register_minindex(Registry& r) {
  IndicatorSpec s;
  s.name = "minindex";
  s.talib_name = "MININDEX";
  s.group = "math";
  s.title = "Index of lowest value over a specified period";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"minindex"};
  s.lookback = extreme::lookback;
  s.batch = extreme::batch<extreme::kMinIndex>;
  s.stream = make_state_stream<extreme::State<extreme::kMinIndex>>;
  s.definition = "Absolute row index (0-based, from the start of the input) of the lowest of the last `period` values, as a number, with TA-Lib's tie rules (see MAXINDEX).";
  s.source = "TA-Lib TA_MININDEX conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
