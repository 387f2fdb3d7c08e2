// BBWIDTH: Bollinger BandWidth, in percent of the middle band.
#include "indicators/registry.h"
#include "indicators/state_stream.h"
#include "indicators/volatility/channels_common.h"

namespace nocode::indicators {
namespace {

struct BbwidthState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit BbwidthState(const Params& p) : bb(p.integer(0), p.real(1)) {}
  bool step(const double* bar, double* out) {
    if (!bb.push(bar[0])) return false;
    out[0] = (bb.upper - bb.lower) / bb.middle * 100.0;
    return true;
  }
  chan::Bollinger bb;
};

int bbwidth_lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace

Status register_bbwidth(Registry& r) {
  IndicatorSpec s;
  s.name = "bbwidth";
  s.aliases = {"bb_width", "bandwidth", "bollinger_bandwidth", "bollinger_band_width"};
  s.group = "volatility";
  s.title = "Bollinger BandWidth";
  s.inputs = {InputKind::kReal};
  s.params = {
      ext::ext_int("period", {"timeperiod", "length", "window"}, 20, 1,
                   "bars of the SMA and standard deviation"),
      ext::ext_param("multiplier", {"nbdev", "nbdevup", "mult", "bb_multiplier"}, ParamType::kReal,
                     2.0, 0, 100, "standard deviations between the middle band and each band")};
  s.outputs = {"bbwidth"};
  s.lookback = bbwidth_lookback;
  s.batch = batch_by_state<BbwidthState>;
  s.stream = make_state_stream<BbwidthState>;
  s.definition =
      "`(upper − lower) / middle × 100` with Bollinger bands `middle = SMA(x, period)`, "
      "`upper/lower = middle ± multiplier·σ` (σ: population standard deviation of the last "
      "`period` values, as TA-Lib BBANDS, computed two-pass each bar: O(period) per bar, exactly 0 "
      "on a flat window). In percent (×100), the same scale as the editor's BB "
      "\"Width\" output; NaN/±inf when the middle band is 0. First value at row `period − 1`.";
  s.source =
      "John Bollinger, *Bollinger on Bollinger Bands* (2001), BandWidth; ×100 scaling as "
      "in StockCharts ChartSchool \"Bollinger BandWidth\" and the Alphintra client engine.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
