// LINEARREG: Linear Regression (TA-Lib TA_LINEARREG conventions, O(1) sliding sums).
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/statistic/linear_regression.h"

namespace nocode::indicators {
namespace {

inline double linearreg_of(const linreg::Consts& c, double sy, double sxy) {
  const double m = c.slope(sy, sxy);
  return c.intercept(sy, m) + m * c.pm1;
}

}  // namespace

Status register_linearreg(Registry& r) {
  IndicatorSpec s;
  s.name = "linearreg";
  s.talib_name = "LINEARREG";
  s.aliases = {"lsma", "least_squares_ma"};
  s.group = "statistic";
  s.title = "Linear Regression";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(14)};
  s.outputs = {"linearreg"};
  s.lookback = linreg::lookback;
  s.batch = linreg::batch<linearreg_of>;
  s.stream = make_state_stream<linreg::State<linearreg_of>>;
  s.definition = "The least-squares line through the last `period` values, evaluated at the newest bar: with x = 0 for the oldest value, `m = (p·ΣxY − Σx·ΣY) / (p·Σx² − (Σx)²)`, `b = (ΣY − m·Σx) / p` and the output is `b + m·(p−1)`. Sums slide in O(1) and are recomputed exactly every `max(period,16)` bars.";
  s.source = "Least-squares regression (Gauss); TA-Lib TA_LINEARREG conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
