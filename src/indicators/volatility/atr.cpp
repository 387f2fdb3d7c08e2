// ATR: Average True Range (see wilder_atr.h for the arithmetic).
#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/volatility/wilder_atr.h"

namespace nocode::indicators {

Status register_atr(Registry& r) {
  IndicatorSpec s;
  s.name = "atr";
  s.talib_name = "ATR";
  s.group = "volatility";
  s.title = "Average True Range";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {period_param(14, 1)};
  s.outputs = {"atr"};
  s.lookback = atr_lookback;
  s.batch = atr_batch<false>;
  s.stream = make_state_stream<AtrState<false>>;
  s.definition =
      "Wilder's average of the true range: the mean of TR over bars 1..p (TR of bar 0 is never "
      "used) at row p, then `(prev·(p−1) + TR)/p` (run as one fused multiply-add; within a few "
      "ulps of TA-Lib). For p = 1 it is TRANGE.";
  s.source =
      "J. Welles Wilder, New Concepts in Technical Trading Systems (1978); TA-Lib TA_ATR "
      "conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
