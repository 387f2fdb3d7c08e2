// MAXINDEX: index of highest value over a specified period (TA-Lib TA_MAXINDEX), O(1) per bar.
#include "indicators/common_params.h"
#include "indicators/math/window_extreme.h"
#include "indicators/registry.h"

namespace nocode::indicators {

Status register_maxindex(Registry& r) {
  IndicatorSpec s;
  s.name = "maxindex";
  s.talib_name = "MAXINDEX";
  s.group = "math";
  s.title = "Index of highest value over a specified period";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"maxindex"};
  s.lookback = extreme::lookback;
  s.batch = extreme::batch<extreme::kMaxIndex>;
  s.stream = make_state_stream<extreme::State<extreme::kMaxIndex>>;
  s.definition = "Absolute row index (0-based, from the start of the input) of the highest of the last `period` values, as a number. Ties follow TA-Lib: a newer value that equals the current maximum takes over, but when the maximum leaves the window the oldest of the tied values in the window is chosen.";
  s.source = "TA-Lib TA_MAXINDEX conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
