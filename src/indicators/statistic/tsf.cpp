// TSF: Time Series Forecast (TA-Lib TA_TSF conventions, O(1) sliding sums).
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/statistic/linear_regression.h"

namespace nocode::indicators {
namespace {

inline double tsf_of(const linreg::Consts& c, double sy, double sxy) {
  const double m = c.slope(sy, sxy);
  return c.intercept(sy, m) + m * c.p;
}

}  // namespace

Status register_tsf(Registry& r) {
  IndicatorSpec s;
  s.name = "tsf";
  s.talib_name = "TSF";
  s.group = "statistic";
  s.title = "Time Series Forecast";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(14)};
  s.outputs = {"tsf"};
  s.lookback = linreg::lookback;
  s.batch = linreg::batch<tsf_of>;
  s.stream = make_state_stream<linreg::State<tsf_of>>;
  s.definition = "The least-squares line through the last `period` values extended one bar ahead: `b + m·p` with x = 0 at the oldest value, i.e. LINEARREG plus one slope.";
  s.source = "Least-squares regression (Gauss); TA-Lib TA_TSF conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
