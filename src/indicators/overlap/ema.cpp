// Exponential Moving Average (EMA). Fast form: FMA-based EMA steps, within ~1e-14 of TA-Lib (ma_kernels.h).
#include "indicators/common_params.h"
#include "indicators/overlap/ma_indicator.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

int ema_lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace

Status register_ema(Registry& r) {
  IndicatorSpec s;
  s.name = "ema";
  s.talib_name = "EMA";
  s.group = "overlap";
  s.title = "Exponential Moving Average";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"ema"};
  s.lookback = ema_lookback;
  s.batch = ma::period_batch<ma::ema_batch>;
  s.stream = make_state_stream<ma::PeriodState<ma::EmaCore>>;
  s.definition =
      "Exponential smoothing with k = 2/(period+1): y = y + k·(x − y). Seeded, as in TA-Lib, with the simple mean of the first `period` values (first value at row period−1).";
  s.source = "Classic exponential smoothing; TA-Lib TA_EMA seeding (TA_COMPATIBILITY_DEFAULT).";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
