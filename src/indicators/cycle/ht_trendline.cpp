// HT_TRENDLINE: Ehlers' instantaneous trendline (a WMA of the simple average
// over the dominant cycle period), as TA-Lib computes it.
#include "indicators/cycle/hilbert.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct TrendlineTail {
  static constexpr size_t kOutputs = 1;
  static constexpr int kFirst = 37, kLookback = 63;
  static constexpr bool kHistory = false;
  static constexpr bool kDft = false;
  static double rad2deg() { return hilbert::rad2deg_ht(); }
  hilbert::TrendlineCalc line;
  inline void bar(const hilbert::BarView& v, const double* newest_input, long long t, double* out) {
    out[0] = line.step(newest_input, hilbert::dc_period_int(v.smooth_period), t);
  }
};

int lookback(const Params&) { return TrendlineTail::kLookback; }
void batch(const double* const* in, size_t n, const Params&, double* const* out) {
  hilbert::ht_batch<TrendlineTail>(in[0], n, out);
}

}  // namespace

Status register_ht_trendline(Registry& r) {
  IndicatorSpec s;
  s.name = "ht_trendline";
  s.talib_name = "HT_TRENDLINE";
  s.group = "overlap";
  s.title = "Hilbert Transform - Instantaneous Trendline";
  s.inputs = {InputKind::kReal};
  s.outputs = {"ht_trendline"};
  s.lookback = lookback;
  s.batch = batch;
  s.stream = make_state_stream<hilbert::HtState<TrendlineTail>>;
  s.definition =
      "The simple average of the last round(DCPeriod) prices (DCPeriod as in HT_DCPERIOD), "
      "smoothed by a 4-bar WMA: (4·a + 3·a₋₁ + 2·a₋₂ + a₋₃)/10. TA-Lib's operation order and "
      "63-bar lookback.";
  s.source = "John Ehlers, Rocket Science for Traders (2001); TA-Lib TA_HT_TRENDLINE conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
