// EMV: Richard Arms' ease of movement, SMA-smoothed.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct EmvState {
  static constexpr size_t kInputs = 3, kOutputs = 1;
  explicit EmvState(const Params& p) : n(p.integer(0)), divisor(p.real(1)), sum(n) {}
  bool step(const double* bar, double* out) {
    const double h = bar[0], l = bar[1], v = bar[2];
    const double mid = (h + l) / 2.0, prev = prev_mid;
    prev_mid = mid;
    if (count++ == 0) return false;
    const double distance = mid - prev;
    const double raw = v == 0 ? 0.0 : distance * (h - l) / (v / divisor);
    if (!sum.push(raw)) return false;
    out[0] = sum.sum() / double(n);
    return true;
  }
  int n;
  double divisor;
  ext::WindowSum sum;
  long count = 0;
  double prev_mid = 0;
};

int emv_lookback(const Params& p) { return p.integer(0); }

}  // namespace

Status register_emv(Registry& r) {
  IndicatorSpec s;
  s.name = "emv";
  s.aliases = {"eom", "ease_of_movement", "easeofmovement"};
  s.group = "volume";
  s.title = "Ease of Movement";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kVolume};
  s.params = {ext::ext_int("period", {"timeperiod", "length", "window"}, 14, 1, "bars of the SMA"),
              ext::ext_param("divisor", {"volume_divisor", "scale"}, ParamType::kReal, 100000000.0,
                             1e-9, 1e18, "volume scale of the box ratio")};
  s.outputs = {"emv"};
  s.lookback = emv_lookback;
  s.batch = batch_by_state<EmvState>;
  s.stream = make_state_stream<EmvState>;
  s.definition =
      "Distance moved `d = (high + low)/2 − (prev high + prev low)/2`, box ratio "
      "`(volume/divisor)/(high − low)`, one-bar `EMV = d·(high − low)/(volume/divisor)` (0 on a "
      "zero-volume bar) from bar 1; output = SMA of it over `period`. First value at row "
      "`period`.";
  s.source =
      "Richard W. Arms Jr., *Volume Cycles in the Stock Market* (1994), Ease of Movement; "
      "divisor 100,000,000 and 14-bar SMA as in StockCharts ChartSchool \"Ease of Movement "
      "(EMV)\".";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
