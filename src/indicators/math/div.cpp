// DIV: vector arithmetic div of two series (TA-Lib TA_DIV).
#include "indicators/math/elementwise.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

double div_of(const double* v) { return v[0] / v[1]; }

}  // namespace

Status register_div(Registry& r) {
  IndicatorSpec s;
  s.name = "div";
  s.talib_name = "DIV";
  s.group = "math";
  s.title = "Vector Arithmetic Div";
  s.inputs = {InputKind::kReal0, InputKind::kReal1};
  s.outputs = {"div"};
  s.lookback = elementwise::lookback;
  s.batch = elementwise::batch<2, div_of>;
  s.stream = make_state_stream<elementwise::State<2, div_of>>;
  s.definition = "`real0 / real1`, row by row (IEEE division: ±inf or NaN for a zero divisor).";
  s.source = "TA-Lib TA_DIV conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
