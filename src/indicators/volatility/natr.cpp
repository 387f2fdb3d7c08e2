// NATR: Normalized Average True Range (see wilder_atr.h for the arithmetic).
#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/volatility/wilder_atr.h"

namespace nocode::indicators {

Status register_natr(Registry& r) {
  IndicatorSpec s;
  s.name = "natr";
  s.talib_name = "NATR";
  s.group = "volatility";
  s.title = "Normalized Average True Range";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {period_param(14, 1)};
  s.outputs = {"natr"};
  s.lookback = atr_lookback;
  s.batch = atr_batch<true>;
  s.stream = make_state_stream<AtrState<true>>;
  s.definition =
      "100·ATR/close, with ATR seeded and smoothed as in ATR; 0 when |close| < 1e-14. As in "
      "TA-Lib, NATR with p = 1 returns the plain (unnormalised) true range.";
  s.source =
      "J. Welles Wilder, New Concepts in Technical Trading Systems (1978); TA-Lib TA_NATR "
      "conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
