// LINEARREG_ANGLE: Linear Regression Angle (TA-Lib TA_LINEARREG_ANGLE conventions, O(1) sliding sums).
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/statistic/linear_regression.h"

namespace nocode::indicators {
namespace {

inline double linearreg_angle_of(const linreg::Consts& c, double sy, double sxy) {
  return std::atan(c.slope(sy, sxy)) * (180.0 / 3.14159265358979323846);
}

}  // namespace

Status register_linearreg_angle(Registry& r) {
  IndicatorSpec s;
  s.name = "linearreg_angle";
  s.talib_name = "LINEARREG_ANGLE";
  s.group = "statistic";
  s.title = "Linear Regression Angle";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(14)};
  s.outputs = {"linearreg_angle"};
  s.lookback = linreg::lookback;
  s.batch = linreg::batch<linearreg_angle_of>;
  s.stream = make_state_stream<linreg::State<linearreg_angle_of>>;
  s.definition = "`atan(m)·180/π`: the slope of the least-squares line through the last `period` values as an angle in degrees. It is not scale-free: `m` is in price units per bar.";
  s.source = "Least-squares regression (Gauss); TA-Lib TA_LINEARREG_ANGLE conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
