// LINEARREG_INTERCEPT: Linear Regression Intercept (TA-Lib TA_LINEARREG_INTERCEPT conventions, O(1) sliding sums).
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/statistic/linear_regression.h"

namespace nocode::indicators {
namespace {

inline double linearreg_intercept_of(const linreg::Consts& c, double sy, double sxy) {
  return c.intercept(sy, c.slope(sy, sxy));
}

}  // namespace

Status register_linearreg_intercept(Registry& r) {
  IndicatorSpec s;
  s.name = "linearreg_intercept";
  s.talib_name = "LINEARREG_INTERCEPT";
  s.group = "statistic";
  s.title = "Linear Regression Intercept";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(14)};
  s.outputs = {"linearreg_intercept"};
  s.lookback = linreg::lookback;
  s.batch = linreg::batch<linearreg_intercept_of>;
  s.stream = make_state_stream<linreg::State<linearreg_intercept_of>>;
  s.definition = "Intercept `b = (ΣY − m·Σx) / p` of the least-squares line through the last `period` values: the fitted value at the oldest bar of the window (x = 0).";
  s.source = "Least-squares regression (Gauss); TA-Lib TA_LINEARREG_INTERCEPT conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
