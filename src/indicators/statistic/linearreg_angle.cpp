// LINEARREG_ANGLE: Linear Regression Angle (TA-Lib TA_LINEARREG_ANGLE conventions, O(1) sliding sums).
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/statistic/linear_regression.h"

namespace nocode::indicators {
namespace {

// Arc tangent without branches (so the batch loop over a block vectorises),
// within 1 ulp of the C library's atan: the classic three-interval reduction
// (|m| > tan(3π/8): π/2 − atan(1/|m|); |m| > 0.66: π/4 + atan((|m|−1)/(|m|+1)))
// and a degree-4/5 rational approximation on the reduced argument (Cephes'
// coefficients, Moshier 1984). The stream uses the same function.
inline double atan_rational(double m) {
  const double ax = std::fabs(m);
  const bool big = ax > 2.41421356237309504880;
  const bool mid = !big && ax > 0.66;
  const double xr = big ? -1.0 / ax : (mid ? (ax - 1.0) / (ax + 1.0) : ax);
  const double y0 = big ? 1.57079632679489661923 : (mid ? 0.78539816339744830962 : 0.0);
  // Low-order bits of π/2 and π/4.
  const double tail = big ? 6.123233995736765886130e-17 : (mid ? 3.061616997868382943065e-17 : 0.0);
  const double z = xr * xr;
  const double p = (((-8.750608600031904122785e-1 * z - 1.615753718733365076637e1) * z -
                     7.500855792314704667340e1) * z - 1.228866684490136173410e2) * z -
                   6.485021904942025371773e1;
  const double q = ((((z + 2.485846490142306297962e1) * z + 1.650270098316988542046e2) * z +
                     4.328810604912902668951e2) * z + 4.853903996359136964868e2) * z +
                   1.945506571482613964425e2;
  const double r = y0 + ((xr * (z * p / q) + xr) + tail);
  return std::copysign(r, m);
}

inline double linearreg_angle_of(const linreg::Consts& c, double sy, double sxy) {
  return atan_rational(c.slope(sy, sxy)) * (180.0 / 3.14159265358979323846);
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
  s.definition = "`atan(m)·180/π`: the slope of the least-squares line through the last `period` values as an angle in degrees. It is not scale-free: `m` is in price units per bar. The arc tangent is a rational approximation within 1 ulp of the C library's.";
  s.source = "Least-squares regression (Gauss); TA-Lib TA_LINEARREG_ANGLE conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
