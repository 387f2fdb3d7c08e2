// IFT_RSI: Ehlers' inverse Fisher transform of a smoothed, rescaled RSI.
#include <cmath>

#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct IftRsiState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit IftRsiState(const Params& p) : rsi(p.integer(0), 1), wma(p.integer(1)) {}
  bool step(const double* bar, double* out) {
    double r;
    if (!rsi.step(bar[0], &r)) return false;
    if (!wma.push(0.1 * (r - 50.0))) return false;
    const double e = std::exp(2.0 * wma.value());
    out[0] = (e - 1.0) / (e + 1.0);
    return true;
  }
  ext::MomentumRsi rsi;
  ext::WindowWma wma;
};

int ift_rsi_lookback(const Params& p) { return p.integer(0) + p.integer(1) - 1; }

}  // namespace

Status register_ift_rsi(Registry& r) {
  IndicatorSpec s;
  s.name = "ift_rsi";
  s.aliases = {"inverse_fisher_rsi", "inverse_fisher_transform_rsi", "iftrsi"};
  s.group = "momentum";
  s.title = "Inverse Fisher Transform of RSI";
  s.inputs = {InputKind::kReal};
  s.params = {ParamSpec{"period", {"timeperiod", "rsi_period", "length"}, "",
                        ParamType::kInteger, 5, 2, 100000, "RSI period"},
              ext::ext_int("wma_period", {"smoothing_period", "smoothingPeriod"}, 9, 1,
                           "WMA period smoothing the rescaled RSI")};
  s.outputs = {"ift_rsi"};
  s.lookback = ift_rsi_lookback;
  s.batch = batch_by_state<IftRsiState>;
  s.stream = make_state_stream<IftRsiState>;
  s.definition =
      "`v = WMA(0.1·(RSI(x, 5) − 50), 9)`, `IFT = (e^{2v} − 1)/(e^{2v} + 1)` (= tanh v), in "
      "(−1, 1). RSI is Wilder's with TA-Lib's conventions; WMA weights 1..p, newest heaviest. "
      "First value at row `period + wma_period − 1`.";
  s.source = "John F. Ehlers, \"The Inverse Fisher Transform\", Technical Analysis of Stocks & "
             "Commodities, May 2004.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
