// Inertia: Donald Dorsey's linear-regression-smoothed relative volatility index.
#include <cmath>

#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

// Dorsey's RVI of one series: Wilder-smoothed standard deviation on up bars
// versus down bars.
struct RviPart {
  RviPart(int rvi_n, int sd_n) : sd(sd_n), up(rvi_n), down(rvi_n) {}
  bool step(double x, double* out) {
    const bool have_prev = !first;
    const double change = x - prev;
    first = false;
    prev = x;
    if (!sd.push(x) || !have_prev) return false;
    const double s = std::sqrt(sd.variance());
    double u = 0, d = 0;
    const bool ok = up.step(change > 0 ? s : 0.0, &u);
    down.step(change < 0 ? s : 0.0, &d);
    if (!ok) return false;
    const double total = u + d;
    *out = total == 0 ? 50.0 : 100.0 * (u / total);
    return true;
  }
  ext::WindowVar sd;
  ext::WilderAverage up, down;
  bool first = true;
  double prev = 0;
};

struct InertiaState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit InertiaState(const Params& p)
      : high(p.integer(1), p.integer(2)), low(p.integer(1), p.integer(2)), reg(p.integer(0)) {}
  bool step(const double* bar, double* out) {
    double rh = 0, rl = 0;
    const bool ok = high.step(bar[0], &rh);
    low.step(bar[1], &rl);
    if (!ok) return false;
    if (!reg.push((rh + rl) / 2.0)) return false;
    out[0] = reg.value();
    return true;
  }
  RviPart high, low;
  ext::WindowLinReg reg;
};

int inertia_lookback(const Params& p) { return p.integer(2) + p.integer(1) + p.integer(0) - 3; }

}  // namespace

Status register_inertia(Registry& r) {
  IndicatorSpec s;
  s.name = "inertia";
  s.aliases = {"dorsey_inertia"};
  s.group = "momentum";
  s.title = "Inertia";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {ParamSpec{"period", {"timeperiod", "linreg_period", "length"}, "",
                        ParamType::kInteger, 20, 2, 100000, "bars of the linear regression"},
              ext::ext_int("rvi_period", {"rviPeriod"}, 14, 1,
                           "Wilder smoothing period of the RVI"),
              ext::ext_int("stddev_period", {"stddevPeriod", "sd_period"}, 10, 2,
                           "bars of the standard deviation inside the RVI")};
  s.outputs = {"inertia"};
  s.lookback = inertia_lookback;
  s.batch = batch_by_state<InertiaState>;
  s.stream = make_state_stream<InertiaState>;
  s.definition =
      "Linear-regression value (least-squares line at the newest bar, as TA-Lib LINEARREG) over "
      "`period` bars of Dorsey's refined RVI = (RVI(high) + RVI(low))/2, where for a series s: "
      "`sd` = population standard deviation of s over 10 bars, `U = Wilder(s > s[1] ? sd : 0, "
      "14)`, `D = Wilder(s < s[1] ? sd : 0, 14)` (seeded with the mean of the first 14), "
      "`RVI = 100·U/(U+D)` (50 when U+D = 0). First value at row `10 + 14 + 20 − 3 = 41`.";
  s.source = "Donald Dorsey, \"Refining the Relative Volatility Index\", Technical Analysis of "
             "Stocks & Commodities V.13:9, Sep 1995 (Inertia(14, 10, 20)).";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
