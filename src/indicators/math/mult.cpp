// MULT: vector arithmetic mult of two series (TA-Lib TA_MULT).
#include "indicators/math/elementwise.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

double mult_of(const double* v) { return v[0] * v[1]; }

}  // namespace

Status register_mult(Registry& r) {
  IndicatorSpec s;
  s.name = "mult";
  s.talib_name = "MULT";
  s.group = "math";
  s.title = "Vector Arithmetic Mult";
  s.inputs = {InputKind::kReal0, InputKind::kReal1};
  s.outputs = {"mult"};
  s.lookback = elementwise::lookback;
  s.batch = elementwise::batch<2, mult_of>;
  s.stream = make_state_stream<elementwise::State<2, mult_of>>;
  s.definition = "`real0 × real1`, row by row.";
  s.source = "TA-Lib TA_MULT conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
