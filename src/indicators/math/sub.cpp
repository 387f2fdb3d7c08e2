// SUB: vector arithmetic subtraction of two series (TA-Lib TA_SUB).
#include "indicators/math/elementwise.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

double sub_of(const double* v) { return v[0] - v[1]; }

}  // namespace

Status register_sub(Registry& r) {
  IndicatorSpec s;
  s.name = "sub";
  s.talib_name = "SUB";
  s.group = "math";
  s.title = "Vector Arithmetic Subtraction";
  s.inputs = {InputKind::kReal0, InputKind::kReal1};
  s.outputs = {"sub"};
  s.lookback = elementwise::lookback;
  s.batch = elementwise::batch<2, sub_of>;
  s.stream = make_state_stream<elementwise::State<2, sub_of>>;
  s.definition = "`real0 − real1`, row by row.";
  s.source = "TA-Lib TA_SUB conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
