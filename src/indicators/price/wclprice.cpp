// WCLPRICE: Weighted Close Price (TA-Lib TA_WCLPRICE).
#include "indicators/math/elementwise.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

double wclprice_of(const double* v) { return (v[0] + v[1] + (v[2] * 2.0)) / 4.0; }

}  // namespace

Status register_wclprice(Registry& r) {
  IndicatorSpec s;
  s.name = "wclprice";
  s.talib_name = "WCLPRICE";
  s.group = "price";
  s.title = "Weighted Close Price";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.outputs = {"wclprice"};
  s.lookback = elementwise::lookback;
  s.batch = elementwise::batch<3, wclprice_of>;
  s.stream = make_state_stream<elementwise::State<3, wclprice_of>>;
  s.definition = "`(high + low + 2·close) / 4`.";
  s.source = "TA-Lib TA_WCLPRICE conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
