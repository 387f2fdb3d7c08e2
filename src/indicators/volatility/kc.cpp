// KC: Keltner channels, modern (Linda Bradford Raschke) form.
#include "indicators/registry.h"
#include "indicators/state_stream.h"
#include "indicators/volatility/channels_common.h"

namespace nocode::indicators {
namespace {

struct KcState {
  static constexpr size_t kInputs = 3, kOutputs = 3;
  explicit KcState(const Params& p) : kc(p.integer(0), p.integer(2), p.real(1)) {}
  bool step(const double* bar, double* out) {
    if (!kc.push(bar[0], bar[1], bar[2])) return false;
    out[0] = kc.upper;
    out[1] = kc.middle;
    out[2] = kc.lower;
    return true;
  }
  chan::Keltner kc;
};

int kc_lookback(const Params& p) { return chan::keltner_lookback(p.integer(0), p.integer(2)); }

}  // namespace

Status register_kc(Registry& r) {
  IndicatorSpec s;
  s.name = "kc";
  s.aliases = {"keltner", "keltner_channels", "keltner_channel"};
  s.group = "volatility";
  s.title = "Keltner Channels";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {
      ext::ext_int("period", {"timeperiod", "length", "ema_period"}, 20, 1,
                   "bars of the EMA of close (middle line)"),
      ext::ext_param("multiplier", {"mult", "atr_multiplier", "kc_multiplier"}, ParamType::kReal,
                     2.0, 0, 100, "ATR multiple between the middle line and each band"),
      ext::ext_int("atr_period", {"atrperiod", "atr_length", "atrPeriod"}, 10, 1,
                   "bars of the Wilder ATR giving the band width")};
  s.outputs = {"upper", "middle", "lower"};
  s.lookback = kc_lookback;
  s.batch = batch_by_state<KcState>;
  s.stream = make_state_stream<KcState>;
  s.definition =
      "`middle = EMA(close, period)` (TA-Lib EMA: seeded with the SMA of the first `period` "
      "closes, factor 2/(period+1)); `upper/lower = middle ± multiplier · ATR(atr_period)` with "
      "TA-Lib's ATR (Wilder smoothing of the true range from bar 1). Both lines start at row "
      "`max(period − 1, atr_period)`.";
  s.source =
      "Chester Keltner, *How to Make Money in Commodities* (1960); modern EMA/ATR form by "
      "Linda Bradford Raschke (20-period EMA, 2 × ATR(10), as in StockCharts ChartSchool "
      "\"Keltner Channels\").";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
