// RMI: Roger Altman's relative momentum index.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct RmiState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit RmiState(const Params& p) : rmi(p.integer(0), p.integer(1)) {}
  bool step(const double* bar, double* out) { return rmi.step(bar[0], out); }
  ext::MomentumRsi rmi;
};

int rmi_lookback(const Params& p) { return p.integer(1) + p.integer(0) - 1; }

}  // namespace

Status register_rmi(Registry& r) {
  IndicatorSpec s;
  s.name = "rmi";
  s.aliases = {"relative_momentum_index"};
  s.group = "momentum";
  s.title = "Relative Momentum Index";
  s.inputs = {InputKind::kReal};
  s.params = {ParamSpec{"period", {"timeperiod", "length"}, "", ParamType::kInteger, 14, 2,
                        100000, "Wilder smoothing period"},
              ext::ext_int("momentum", {"momentum_period", "momentumPeriod"}, 5, 1,
                           "bars of the momentum x[t] − x[t−m]")};
  s.outputs = {"rmi"};
  s.lookback = rmi_lookback;
  s.batch = batch_by_state<RmiState>;
  s.stream = make_state_stream<RmiState>;
  s.definition =
      "RSI computed on m-bar momentum: gains/losses of `x[t] − x[t−m]` are averaged over the first "
      "`period` values, then Wilder-smoothed `(avg·(n−1) + v)/n`; `RMI = 100·gain/(gain+loss)` "
      "(0 when the sum is within 1e-14 of 0, as TA-Lib's RSI). With `momentum = 1` it equals "
      "TA-Lib's RSI. First value at row `m + n − 1`.";
  s.source = "Roger Altman, \"Sailing the Relative Momentum Index\", Technical Analysis of Stocks "
             "& Commodities, Feb 1993; smoothing and seeding as TA-Lib TA_RSI.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
