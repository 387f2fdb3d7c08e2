// LINEARREG_SLOPE: Linear Regression Slope (TA-Lib TA_LINEARREG_SLOPE conventions, O(1) sliding sums).
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/statistic/linear_regression.h"

namespace nocode::indicators {
namespace {

inline double linearreg_slope_of(const linreg::Consts& c, double sy, double sxy) {
  return c.slope(sy, sxy);
}

}  // namespace

Status register_linearreg_slope(Registry& r) {
  IndicatorSpec s;
  s.name = "linearreg_slope";
  s.talib_name = "LINEARREG_SLOPE";
  s.group = "statistic";
  s.title = "Linear Regression Slope";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(14)};
  s.outputs = {"linearreg_slope"};
  s.lookback = linreg::lookback;
  s.batch = linreg::batch<linearreg_slope_of>;
  s.stream = make_state_stream<linreg::State<linearreg_slope_of>>;
  s.definition = "Slope `m` (price units per bar) of the least-squares line through the last `period` values, in TA-Lib's form `(p·ΣxY − Σx·ΣY) / divisor`.";
  s.source = "Least-squares regression (Gauss); TA-Lib TA_LINEARREG_SLOPE conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
