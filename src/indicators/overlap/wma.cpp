// Weighted Moving Average (WMA): TA-Lib's running sums in its order (bit-identical).
#include "indicators/common_params.h"
#include "indicators/overlap/ma_indicator.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

int wma_lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace

Status register_wma(Registry& r) {
  IndicatorSpec s;
  s.name = "wma";
  s.talib_name = "WMA";
  s.group = "overlap";
  s.title = "Weighted Moving Average";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"wma"};
  s.lookback = wma_lookback;
  s.batch = ma::period_batch<ma::wma_batch_t<ma::Mode::kExact>>;
  s.stream = make_state_stream<ma::PeriodState<ma::WmaCoreT<ma::Mode::kExact>>>;
  s.definition =
      "Linearly weighted mean of the last `period` values, weights 1..period with the heaviest on the newest value, divided by period·(period+1)/2.";
  s.source = "TA-Lib TA_WMA.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
