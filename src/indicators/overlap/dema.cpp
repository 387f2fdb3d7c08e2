// Double Exponential Moving Average (DEMA). Fast form: FMA-based EMA steps, within ~1e-14 of TA-Lib (ma_kernels.h).
#include "indicators/common_params.h"
#include "indicators/overlap/ma_indicator.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

int dema_lookback(const Params& p) { return 2 * (p.integer(0) - 1); }

}  // namespace

Status register_dema(Registry& r) {
  IndicatorSpec s;
  s.name = "dema";
  s.talib_name = "DEMA";
  s.group = "overlap";
  s.title = "Double Exponential Moving Average";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"dema"};
  s.lookback = dema_lookback;
  s.batch = ma::period_batch<ma::dema_batch>;
  s.stream = make_state_stream<ma::PeriodState<ma::DemaCore>>;
  s.definition =
      "2·EMA(x) − EMA(EMA(x)), k = 2/(period+1). Each EMA is seeded with the simple mean of its first `period` inputs, so the first value is at row 2·(period−1).";
  s.source = "Mulloy, Smoothing Data with Faster Moving Averages, TASC (Feb 1994); TA-Lib TA_DEMA conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
