// QQE: quantitative qualitative estimation (smoothed RSI + volatility trailing level).
#include <cmath>

#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct QqeState {
  static constexpr size_t kInputs = 1, kOutputs = 2;
  explicit QqeState(const Params& p)
      : rsi(p.integer(0), 1), rsi_ma(p.integer(1)), atr1(2 * p.integer(0) - 1),
        atr2(2 * p.integer(0) - 1), factor(p.real(2)) {}

  bool step(const double* bar, double* out) {
    double r, rm;
    if (!rsi.step(bar[0], &r)) return false;
    if (!rsi_ma.step(r, &rm)) return false;
    if (!has_prev) {
      has_prev = true;
      prev = rm;
      return false;
    }
    const double rsi1 = prev;
    prev = rm;
    double ma, dar;
    if (!atr1.step(std::fabs(rsi1 - rm), &ma)) return false;
    if (!atr2.step(ma, &dar)) return false;
    dar *= factor;
    const double dv = trail;
    if (rm < trail) {
      trail = rm + dar;
      if (rsi1 < dv && trail > dv) trail = dv;
    } else if (rm > trail) {
      trail = rm - dar;
      if (rsi1 > dv && trail < dv) trail = dv;
    }
    out[0] = rm;
    out[1] = trail;
    return true;
  }

  ext::MomentumRsi rsi;
  ext::SeededEma rsi_ma, atr1, atr2;
  double factor;
  bool has_prev = false;
  double prev = 0, trail = 0;
};

int qqe_lookback(const Params& p) {
  const int wilders = 2 * p.integer(0) - 1;
  return p.integer(0) + p.integer(1) + 2 * wilders - 2;
}

}  // namespace

Status register_qqe(Registry& r) {
  IndicatorSpec s;
  s.name = "qqe";
  s.aliases = {"quantitative_qualitative_estimation"};
  s.group = "momentum";
  s.title = "Quantitative Qualitative Estimation";
  s.inputs = {InputKind::kReal};
  s.params = {ParamSpec{"period", {"timeperiod", "rsi_period", "length"}, "",
                        ParamType::kInteger, 14, 2, 100000, "RSI period"},
              ext::ext_int("smoothing_period", {"sf", "smoothing_factor", "rsi_smoothing"}, 5, 1,
                           "EMA period applied to the RSI (the QQE line)"),
              ext::ext_param("factor", {"multiplier", "qqe_factor"}, ParamType::kReal, 4.236,
                             0.001, 100, "multiplier of the smoothed RSI volatility")};
  s.outputs = {"qqe", "signal"};
  s.lookback = qqe_lookback;
  s.batch = batch_by_state<QqeState>;
  s.stream = make_state_stream<QqeState>;
  s.definition =
      "`qqe = EMA(RSI(x, n), SF)` (Wilder RSI with TA-Lib's conventions). With `W = 2n − 1`, "
      "`dar = factor · EMA(EMA(|qqe − qqe[1]|, W), W)`. `signal` is the slow trailing level of "
      "the MetaTrader 4 original, starting from 0: if `qqe < tr[1]`, `tr = qqe + dar`, capped at "
      "`tr[1]` when `qqe[1] < tr[1]` too; if `qqe > tr[1]`, `tr = qqe − dar`, floored at `tr[1]` "
      "when `qqe[1] > tr[1]`; else unchanged. EMAs are SMA-seeded; first value at row "
      "`n + SF + 2W − 2` (71).";
  s.source = "QQE indicator for MetaTrader 4 (QQE.mq4, c. 2006; RSI 14, SF 5, factor 4.236, "
             "Wilders period 2n−1); see e.g. the NinjaTrader and Optuma QQE descriptions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
