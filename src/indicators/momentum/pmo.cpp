// PMO: DecisionPoint price momentum oscillator (Carl Swenlin).
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct PmoState {
  static constexpr size_t kInputs = 1, kOutputs = 2;
  explicit PmoState(const Params& p)
      : smooth1(p.integer(0), 2.0 / double(p.integer(0))),
        smooth2(p.integer(1), 2.0 / double(p.integer(1))), signal(p.integer(2)) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    if (first) {
      first = false;
      prev = x;
      return false;
    }
    const double roc = prev == 0 ? 0.0 : (x / prev) * 100.0 - 100.0;
    prev = x;
    double s1, pmo;
    if (!smooth1.step(roc, &s1)) return false;
    if (!smooth2.step(10.0 * s1, &pmo)) return false;
    if (!signal.step(pmo, &out[1])) return false;
    out[0] = pmo;
    return true;
  }

  ext::SeededEma smooth1, smooth2, signal;
  bool first = true;
  double prev = 0;
};

int pmo_lookback(const Params& p) { return p.integer(0) + p.integer(1) + p.integer(2) - 2; }

}  // namespace

Status register_pmo(Registry& r) {
  IndicatorSpec s;
  s.name = "pmo";
  s.aliases = {"price_momentum_oscillator", "decisionpoint_pmo"};
  s.group = "momentum";
  s.title = "DecisionPoint Price Momentum Oscillator";
  s.inputs = {InputKind::kReal};
  s.params = {ext::ext_int("first_period", {"period1", "smoothing1"},
                           35, 2, "first custom smoothing (factor 2/period) of the 1-bar ROC"),
              ext::ext_int("second_period", {"period2", "smoothing2"},
                           20, 2, "second custom smoothing (factor 2/period)"),
              ext::ext_int("signal_period", {"signalPeriod", "signalperiod"}, 10, 1,
                           "EMA period of the signal line")};
  s.outputs = {"pmo", "signal"};
  s.lookback = pmo_lookback;
  s.batch = batch_by_state<PmoState>;
  s.stream = make_state_stream<PmoState>;
  s.definition =
      "`ROC = (x/x[1])·100 − 100` (0 if x[1] = 0); `PMO = CS(10·CS(ROC, 35), 20)` where the custom "
      "smoothing `CS(v, p)` is an EMA with factor `2/p` (not 2/(p+1)); `signal = EMA(PMO, 10)` with "
      "`2/(p+1)`. Every stage is seeded with the mean of its first p inputs; first value at row "
      "`35 + 20 + 10 − 2 = 63`.";
  s.source = "Carl Swenlin, DecisionPoint Price Momentum Oscillator; formula as in StockCharts "
             "ChartSchool \"DecisionPoint Price Momentum Oscillator (PMO)\".";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
