// AVGPRICE: Average Price (TA-Lib TA_AVGPRICE).
#include "indicators/math/elementwise.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

double avgprice_of(const double* v) { return (v[1] + v[2] + v[3] + v[0]) / 4; }

}  // namespace

Status register_avgprice(Registry& r) {
  IndicatorSpec s;
  s.name = "avgprice";
  s.talib_name = "AVGPRICE";
  s.group = "price";
  s.title = "Average Price";
  s.inputs = {InputKind::kOpen, InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.outputs = {"avgprice"};
  s.lookback = elementwise::lookback;
  s.batch = elementwise::batch<4, avgprice_of>;
  s.stream = make_state_stream<elementwise::State<4, avgprice_of>>;
  s.definition = "`(open + high + low + close) / 4` (summed high, low, close, open as TA-Lib does).";
  s.source = "TA-Lib TA_AVGPRICE conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
