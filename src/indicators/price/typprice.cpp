// TYPPRICE: Typical Price (TA-Lib TA_TYPPRICE).
#include "indicators/math/elementwise.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

double typprice_of(const double* v) { return (v[0] + v[1] + v[2]) / 3.0; }

}  // namespace

Status register_typprice(Registry& r) {
  IndicatorSpec s;
  s.name = "typprice";
  s.talib_name = "TYPPRICE";
  s.group = "price";
  s.title = "Typical Price";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.outputs = {"typprice"};
  s.lookback = elementwise::lookback;
  s.batch = elementwise::batch<3, typprice_of>;
  s.stream = make_state_stream<elementwise::State<3, typprice_of>>;
  s.definition = "`(high + low + close) / 3`.";
  s.source = "TA-Lib TA_TYPPRICE conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
