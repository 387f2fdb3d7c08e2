// MEDPRICE: Median Price (TA-Lib TA_MEDPRICE).
#include "indicators/math/elementwise.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

double medprice_of(const double* v) { return (v[0] + v[1]) / 2.0; }

}  // namespace

Status register_medprice(Registry& r) {
  IndicatorSpec s;
  s.name = "medprice";
  s.talib_name = "MEDPRICE";
  s.group = "price";
  s.title = "Median Price";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.outputs = {"medprice"};
  s.lookback = elementwise::lookback;
  s.batch = elementwise::batch<2, medprice_of>;
  s.stream = make_state_stream<elementwise::State<2, medprice_of>>;
  s.definition = "`(high + low) / 2`.";
  s.source = "TA-Lib TA_MEDPRICE conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
