// Average Directional Movement Index (TA-Lib ADX); kernels in directional.cpp.
#include "indicators/common_params.h"
#include "indicators/momentum/directional.h"
#include "indicators/registry.h"

namespace nocode::indicators {

Status register_adx(Registry& r) {
  IndicatorSpec s;
  s.name = "adx";
  s.talib_name = "ADX";
  s.group = "momentum";
  s.title = "Average Directional Movement Index";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {period_param(14, 2)};
  s.outputs = {"adx"};
  s.lookback = momentum::adx_lookback;
  s.batch = momentum::adx_batch;
  s.stream = momentum::adx_stream;
  s.definition =
      "Wilder-smoothed DX. As TA-Lib: seeded with the mean of the `period` DX values of bars "
      "`period`..2·`period`−1 (first value at bar 2·`period`−1), then `ADX = (ADX·(period−1) + "
      "DX)/period`; a bar whose TR or DI sum is ~0 holds the previous ADX.";
  s.source = "J. Welles Wilder, New Concepts in Technical Trading Systems (1978); TA-Lib TA_ADX "
             "conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
