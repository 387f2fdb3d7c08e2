// Plus Directional Movement (TA-Lib PLUS_DM); kernels in directional.cpp.
#include "indicators/common_params.h"
#include "indicators/momentum/directional.h"
#include "indicators/registry.h"

namespace nocode::indicators {

Status register_plus_dm(Registry& r) {
  IndicatorSpec s;
  s.name = "plus_dm";
  s.talib_name = "PLUS_DM";
  s.group = "momentum";
  s.title = "Plus Directional Movement";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {period_param(14, 1)};
  s.outputs = {"plus_dm"};
  s.lookback = momentum::dm_lookback;
  s.batch = momentum::plus_dm_batch;
  s.stream = momentum::plus_dm_stream;
  s.definition =
      "Wilder sum of +DM, where +DM = H − H[−1] when that up move is positive and larger than the "
      "down move L[−1] − L (a tie counts as neither), else 0. TA-Lib seeds the sum with the plain "
      "sum of the first `period`−1 moves (first value at bar `period`−1), then `S = S − S/period + "
      "DM`. Period 1 gives the raw move.";
  s.source = "J. Welles Wilder, New Concepts in Technical Trading Systems (1978); TA-Lib TA_PLUS_DM "
             "conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
