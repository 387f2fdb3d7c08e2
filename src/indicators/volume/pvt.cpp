// PVT: price-volume trend.
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct PvtState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit PvtState(const Params&) {}
  bool step(const double* bar, double* out) {
    const double c = bar[0], v = bar[1];
    if (count++ > 0) pvt = pvt + (c - prev_c) / prev_c * v;
    prev_c = c;
    out[0] = pvt;
    return true;
  }
  long count = 0;
  double prev_c = 0, pvt = 0;
};

int pvt_lookback(const Params&) { return 0; }

}  // namespace

Status register_pvt(Registry& r) {
  IndicatorSpec s;
  s.name = "pvt";
  s.aliases = {"price_volume_trend", "vpt", "volume_price_trend"};
  s.group = "volume";
  s.title = "Price Volume Trend";
  s.inputs = {InputKind::kClose, InputKind::kVolume};
  s.outputs = {"pvt"};
  s.lookback = pvt_lookback;
  s.batch = batch_by_state<PvtState>;
  s.stream = make_state_stream<PvtState>;
  s.definition =
      "Cumulative `Σ volume · (close − prev close)/prev close`, 0 on row 0 (first value at row "
      "0). A NaN input makes it NaN from then on.";
  s.source =
      "Price-Volume Trend (a.k.a. Volume-Price Trend); StockCharts ChartSchool "
      "\"Price Volume Trend (PVT)\".";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
