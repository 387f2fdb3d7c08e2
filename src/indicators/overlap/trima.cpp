// Triangular Moving Average (TRIMA): TA-Lib's running numerator in its order (bit-identical).
#include "indicators/common_params.h"
#include "indicators/overlap/ma_indicator.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

int trima_lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace

Status register_trima(Registry& r) {
  IndicatorSpec s;
  s.name = "trima";
  s.talib_name = "TRIMA";
  s.group = "overlap";
  s.title = "Triangular Moving Average";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"trima"};
  s.lookback = trima_lookback;
  s.batch = ma::period_batch<ma::trima_batch_t<ma::Mode::kExact>>;
  s.stream = make_state_stream<ma::PeriodState<ma::TrimaCoreT<ma::Mode::kExact>>>;
  s.definition =
      "Weighted mean with triangular weights 1,2,…,peak,…,2,1 over `period` values; equals SMA(SMA(x, ⌈p/2⌉), ⌊p/2⌋+1).";
  s.source = "TA-Lib TA_TRIMA (running numerator form).";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
