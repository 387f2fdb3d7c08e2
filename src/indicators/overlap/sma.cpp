// SMA: simple moving average, as a running window sum. The sum is updated
// with (newest - oldest), one add per bar on the dependency chain; the first
// value is the plain sum of the first `period` values, as in TA-Lib.
#include "indicators/common_params.h"
#include "indicators/overlap/ma_indicator.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

int sma_lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace

Status register_sma(Registry& r) {
  IndicatorSpec s;
  s.name = "sma";
  s.talib_name = "SMA";
  s.group = "overlap";
  s.title = "Simple Moving Average";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"sma"};
  s.lookback = sma_lookback;
  s.batch = ma::period_batch<ma::sma_batch>;
  s.stream = make_state_stream<ma::PeriodState<ma::SmaCore>>;
  s.definition = "Arithmetic mean of the last `period` values.";
  s.source = "TA-Lib TA_SMA (running-sum form).";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
