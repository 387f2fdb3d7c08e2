// Average Directional Movement Index Rating (TA-Lib ADXR); kernels in directional.cpp.
#include "indicators/common_params.h"
#include "indicators/momentum/directional.h"
#include "indicators/registry.h"

namespace nocode::indicators {

Status register_adxr(Registry& r) {
  IndicatorSpec s;
  s.name = "adxr";
  s.talib_name = "ADXR";
  s.group = "momentum";
  s.title = "Average Directional Movement Index Rating";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {period_param(14, 2)};
  s.outputs = {"adxr"};
  s.lookback = momentum::adxr_lookback;
  s.batch = momentum::adxr_batch;
  s.stream = momentum::adxr_stream;
  s.definition =
      "(ADX + ADX of `period`−1 bars earlier) / 2, with TA-Lib's ADX; first value at bar "
      "3·`period`−2.";
  s.source = "J. Welles Wilder, New Concepts in Technical Trading Systems (1978); TA-Lib TA_ADXR "
             "conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
