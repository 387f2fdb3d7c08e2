// ADD: vector arithmetic add of two series (TA-Lib TA_ADD).
#include "indicators/math/elementwise.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

double add_of(const double* v) { return v[0] + v[1]; }

}  // namespace

Status register_add(Registry& r) {
  IndicatorSpec s;
  s.name = "add";
  s.talib_name = "ADD";
  s.group = "math";
  s.title = "Vector Arithmetic Add";
  s.inputs = {InputKind::kReal0, InputKind::kReal1};
  s.outputs = {"add"};
  s.lookback = elementwise::lookback;
  s.batch = elementwise::batch<2, add_of>;
  s.stream = make_state_stream<elementwise::State<2, add_of>>;
  s.definition = "`real0 + real1`, row by row.";
  s.source = "TA-Lib TA_ADD conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
