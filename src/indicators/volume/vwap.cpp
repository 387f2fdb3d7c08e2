// VWAP: volume-weighted average price, cumulative or rolling.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct VwapState {
  static constexpr size_t kInputs = 4, kOutputs = 1;
  explicit VwapState(const Params& p)
      : period(p.integer(0)), pv(period > 0 ? period : 1), vol(period > 0 ? period : 1) {}
  bool step(const double* bar, double* out) {
    const double tp = (bar[0] + bar[1] + bar[2]) / 3.0, v = bar[3];
    if (period == 0) {
      cum_pv += tp * v;
      cum_v += v;
      out[0] = cum_pv / cum_v;
      return true;
    }
    pv.push(tp * v);
    if (!vol.push(v)) return false;
    out[0] = pv.sum() / vol.sum();
    return true;
  }
  int period;
  ext::WindowSum pv, vol;
  double cum_pv = 0, cum_v = 0;
};

int vwap_lookback(const Params& p) { return p.integer(0) > 0 ? p.integer(0) - 1 : 0; }

}  // namespace

Status register_vwap(Registry& r) {
  IndicatorSpec s;
  s.name = "vwap";
  s.aliases = {"volume_weighted_average_price"};
  s.group = "volume";
  s.title = "Volume-Weighted Average Price";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose, InputKind::kVolume};
  s.params = {ext::ext_param("period", {"timeperiod", "length", "window"}, ParamType::kInteger, 0,
                             0, 100000,
                             "0 = cumulative from the first bar; n > 0 = rolling over the last n "
                             "bars")};
  s.outputs = {"vwap"};
  s.lookback = vwap_lookback;
  s.batch = batch_by_state<VwapState>;
  s.stream = make_state_stream<VwapState>;
  s.definition =
      "`Σ(typical · volume) / Σ volume` with `typical = (high + low + close)/3`, summed from the "
      "first bar (`period = 0`, first value at row 0) or over the last `period` bars (first value "
      "at row `period − 1`). NaN while the summed volume is 0; a NaN input poisons the cumulative "
      "form from then on (the rolling form recovers once it leaves the window). No session/day "
      "anchoring: "
      "indicators receive no timestamps, so a daily VWAP needs the data split by session first.";
  s.source =
      "Berkowitz, Logue & Noser, \"The Total Cost of Transactions on the NYSE\", *Journal "
      "of Finance* 43(1), 1988 (VWAP benchmark); typical-price form as in StockCharts "
      "ChartSchool \"VWAP\".";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
