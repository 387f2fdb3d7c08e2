// SQUEEZE: John Carter's TTM Squeeze (Bollinger bands inside Keltner channels)
// with its linear-regression momentum histogram.
#include "indicators/registry.h"
#include "indicators/state_stream.h"
#include "indicators/volatility/channels_common.h"

namespace nocode::indicators {
namespace {

struct SqueezeState {
  static constexpr size_t kInputs = 3, kOutputs = 2;
  explicit SqueezeState(const Params& p)
      : n(p.integer(0)),
        bb(n, p.real(1)),
        kc(n, n, p.real(2)),
        hi(n, true),
        lo(n, false),
        sma(n),
        linreg(n) {}
  bool step(const double* bar, double* out) {
    const double h = bar[0], l = bar[1], c = bar[2];
    const bool bb_ready = bb.push(c);
    const bool kc_ready = kc.push(h, l, c);
    hi.push(h);
    lo.push(l);
    const bool sma_ready = sma.push(c);
    bool mom_ready = false;
    if (sma_ready) {
      const double mid = ((hi.value() + lo.value()) / 2.0 + sma.sum() / double(n)) / 2.0;
      mom_ready = linreg.push(c - mid);
    }
    if (!(bb_ready && kc_ready && mom_ready)) return false;
    if (std::isnan(bb.upper) || std::isnan(bb.lower) || std::isnan(kc.upper) ||
        std::isnan(kc.lower))
      out[0] = kNaN;
    else
      out[0] = (bb.upper < kc.upper && bb.lower > kc.lower) ? 1.0 : 0.0;
    out[1] = linreg.value();
    return true;
  }
  int n;
  chan::Bollinger bb;
  chan::Keltner kc;
  ext::RollingExtreme hi, lo;
  ext::WindowSum sma;
  ext::WindowLinReg linreg;
};

int squeeze_lookback(const Params& p) {
  const int n = p.integer(0);
  return 2 * n - 2 > n ? 2 * n - 2 : n;
}

}  // namespace

Status register_squeeze(Registry& r) {
  IndicatorSpec s;
  s.name = "squeeze";
  s.aliases = {"ttm_squeeze", "ttmsqueeze", "squeeze_momentum"};
  s.group = "volatility";
  s.title = "TTM Squeeze";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {ext::ext_int("period", {"timeperiod", "length"}, 20, 2,
                           "bars of the Bollinger bands, Keltner channels and momentum regression"),
              ext::ext_param("multiplier", {"bb_multiplier", "bb_mult", "nbdev"}, ParamType::kReal,
                             2.0, 0, 100, "Bollinger band width in standard deviations"),
              ext::ext_param("kc_multiplier", {"kc_mult", "atr_multiplier"}, ParamType::kReal, 1.5,
                             0, 100, "Keltner channel width in ATRs")};
  s.outputs = {"squeeze_on", "momentum"};
  s.lookback = squeeze_lookback;
  s.batch = batch_by_state<SqueezeState>;
  s.stream = make_state_stream<SqueezeState>;
  s.definition =
      "`squeeze_on = 1` when the Bollinger bands (`SMA(close,n) ± multiplier·σ`, population σ) "
      "lie strictly inside the Keltner channels (`EMA(close,n) ± kc_multiplier·ATR(n)`, TA-Lib "
      "EMA/ATR), else 0. `momentum` = least-squares line over the last n bars of "
      "`close − ((highest high + lowest low)/2 + SMA(close,n))/2`, evaluated at the current bar "
      "(the usual TTM histogram). Both outputs start at row `max(2n − 2, n)`.";
  s.source =
      "John F. Carter, *Mastering the Trade* (2005), ch. \"The Squeeze\" (BB 20/2 inside "
      "KC 20/1.5); momentum histogram as in the widely used LazyBear \"Squeeze Momentum\" "
      "formulation.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
