// SMA: simple moving average. TA-Lib keeps a running sum: add the newest
// value, divide, subtract the oldest; we do the same (ma_kernels.h,
// Mode::kExact), so results match TA-Lib bit for bit, at no cost in speed.
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
  s.batch = ma::period_batch<ma::sma_batch_t<ma::Mode::kExact>>;
  s.stream = make_state_stream<ma::PeriodState<ma::SmaCoreT<ma::Mode::kExact>>>;
  s.definition = "Arithmetic mean of the last `period` values.";
  s.source = "TA-Lib TA_SMA (running-sum form).";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
