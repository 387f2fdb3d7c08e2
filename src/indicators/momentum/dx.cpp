// Directional Movement Index (TA-Lib DX); kernels in directional.cpp.
#include "indicators/common_params.h"
#include "indicators/momentum/directional.h"
#include "indicators/registry.h"

namespace nocode::indicators {

Status register_dx(Registry& r) {
  IndicatorSpec s;
  s.name = "dx";
  s.talib_name = "DX";
  s.group = "momentum";
  s.title = "Directional Movement Index";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {period_param(14, 2)};
  s.outputs = {"dx"};
  s.lookback = momentum::dx_lookback;
  s.batch = momentum::dx_batch;
  s.stream = momentum::dx_stream;
  s.definition =
      "100 · |−DI − +DI| / (−DI + +DI) from the Wilder-smoothed DIs (see PLUS_DI), first value at "
      "bar `period`. When the TR sum or the DI sum is ~0, TA-Lib repeats the previous DX (0 for "
      "the first).";
  s.source = "J. Welles Wilder, New Concepts in Technical Trading Systems (1978); TA-Lib TA_DX "
             "conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
