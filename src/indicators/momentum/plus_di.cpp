// Plus Directional Indicator (TA-Lib PLUS_DI); kernels in directional.cpp.
#include "indicators/common_params.h"
#include "indicators/momentum/directional.h"
#include "indicators/registry.h"

namespace nocode::indicators {

Status register_plus_di(Registry& r) {
  IndicatorSpec s;
  s.name = "plus_di";
  s.talib_name = "PLUS_DI";
  s.group = "momentum";
  s.title = "Plus Directional Indicator";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {period_param(14, 1)};
  s.outputs = {"plus_di"};
  s.lookback = momentum::di_lookback;
  s.batch = momentum::plus_di_batch;
  s.stream = momentum::plus_di_stream;
  s.definition =
      "100 · (Wilder sum of +DM) / (Wilder sum of true range), 0 when the TR sum is ~0. Both sums "
      "are seeded with the plain sum of `period`−1 values and smoothed `S = S − S/period + x` "
      "(first value at bar `period`); +DM counts only an up move larger than the down move (ties "
      "count as neither). Period 1 gives +DM/TR of each bar (no factor 100), as TA-Lib.";
  s.source = "J. Welles Wilder, New Concepts in Technical Trading Systems (1978); TA-Lib TA_PLUS_DI "
             "conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
