// MINMAXINDEX: indexes of lowest and highest values over a specified period (TA-Lib TA_MINMAXINDEX), O(1) per bar.
#include "indicators/common_params.h"
#include "indicators/math/window_extreme.h"
#include "indicators/registry.h"

namespace nocode::indicators {

Status register_minmaxindex(Registry& r) {
  IndicatorSpec s;
  s.name = "minmaxindex";
  s.talib_name = "MINMAXINDEX";
  s.group = "math";
  s.title = "Indexes of lowest and highest values over a specified period";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"min_idx", "max_idx"};
  s.lookback = extreme::lookback;
  s.batch = extreme::batch<extreme::kMinIndex, extreme::kMaxIndex>;
  s.stream = make_state_stream<extreme::State<extreme::kMinIndex, extreme::kMaxIndex>>;
  s.definition = "Absolute row indexes (0-based, as numbers) of the lowest and highest of the last `period` values, with TA-Lib's tie rules: a newer value that ties the current extreme takes over, and when the extreme leaves the window the oldest tied value in the window is chosen.";
  s.source = "TA-Lib TA_MINMAXINDEX conventions.";
  s.core = false;  // in the speed table, but not one of the 52 (INVENTORY.md)
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
