// HT_TRENDMODE: Ehlers' trend vs cycle mode (1 = trend, 0 = cycle), as
// TA-Lib computes it.
#include <cmath>

#include "indicators/cycle/hilbert.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct TrendModeTail {
  static constexpr size_t kOutputs = 1;
  static constexpr int kFirst = 37, kLookback = 63;
  static constexpr bool kHistory = true;
  static constexpr bool kDft = true;
  static double rad2deg() { return hilbert::rad2deg_ht(); }
  double deg2rad = hilbert::deg2rad_ht();
  double phase = 0.0, sine = 0.0, lead_sine = 0.0;
  int days_in_trend = 0;
  hilbert::TrendlineCalc line;

  inline void bar(const hilbert::BarView& v, const double* newest_input, long long t, double* out) {
    const double sp = v.smooth_period;
    const int p = hilbert::dc_period_int(sp);
    const double prev_phase = phase;
    phase = hilbert::dc_phase(phase, v.dft_re, v.dft_im, sp, hilbert::rad2deg_ht());
    const double prev_sine = sine, prev_lead_sine = lead_sine;
    sine = std::sin(phase * deg2rad);
    lead_sine = std::sin((phase + 45) * deg2rad);
    const double trendline = line.step(newest_input, p, t);

    int trend = 1;
    if (((sine > lead_sine) && (prev_sine <= prev_lead_sine)) ||
        ((sine < lead_sine) && (prev_sine >= prev_lead_sine))) {
      days_in_trend = 0;
      trend = 0;
    }
    days_in_trend++;
    if (days_in_trend < (0.5 * sp)) trend = 0;
    const double dphase = phase - prev_phase;
    if ((sp != 0.0) && ((dphase > (0.67 * 360.0 / sp)) && (dphase < (1.5 * 360.0 / sp)))) trend = 0;
    if ((trendline != 0.0) && (std::fabs((v.smoothed - trendline) / trendline) >= 0.015)) trend = 1;
    out[0] = double(trend);
  }
};

int lookback(const Params&) { return TrendModeTail::kLookback; }
void batch(const double* const* in, size_t n, const Params&, double* const* out) {
  hilbert::ht_batch<TrendModeTail>(in[0], n, out);
}

}  // namespace

Status register_ht_trendmode(Registry& r) {
  IndicatorSpec s;
  s.name = "ht_trendmode";
  s.talib_name = "HT_TRENDMODE";
  s.group = "cycle";
  s.title = "Hilbert Transform - Trend vs Cycle Mode";
  s.inputs = {InputKind::kReal};
  s.outputs = {"ht_trendmode"};
  s.lookback = lookback;
  s.batch = batch;
  s.stream = make_state_stream<hilbert::HtState<TrendModeTail>>;
  s.definition =
      "1 (trend) or 0 (cycle). Cycle mode when the sine and lead sine of HT_SINE crossed less "
      "than half a dominant cycle ago, or the phase advanced by between 0.67 and 1.5 times "
      "360°/DCPeriod; trend mode regardless when the smoothed price is at least 1.5 % away from "
      "HT_TRENDLINE. TA-Lib's operation order and 63-bar lookback.";
  s.source = "John Ehlers, Rocket Science for Traders (2001); TA-Lib TA_HT_TRENDMODE conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
