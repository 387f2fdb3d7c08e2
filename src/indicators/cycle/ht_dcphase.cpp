// HT_DCPHASE: Ehlers' dominant cycle phase (a DFT of the smoothed price over
// one dominant cycle), as TA-Lib computes it.
#include "indicators/cycle/hilbert.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct DcPhaseTail {
  static constexpr size_t kOutputs = 1;
  static constexpr int kFirst = 37, kLookback = 63;
  static constexpr bool kHistory = true;
  static constexpr bool kDft = true;
  static double rad2deg() { return hilbert::rad2deg_ht(); }
  double phase = 0.0;
  inline void bar(const hilbert::BarView& v, const double*, long long, double* out) {
    phase = hilbert::dc_phase(phase, v.dft_re, v.dft_im, v.smooth_period, hilbert::rad2deg_ht());
    out[0] = phase;
  }
};

int lookback(const Params&) { return DcPhaseTail::kLookback; }
void batch(const double* const* in, size_t n, const Params&, double* const* out) {
  hilbert::ht_batch<DcPhaseTail>(in[0], n, out);
}

}  // namespace

Status register_ht_dcphase(Registry& r) {
  IndicatorSpec s;
  s.name = "ht_dcphase";
  s.talib_name = "HT_DCPHASE";
  s.group = "cycle";
  s.title = "Hilbert Transform - Dominant Cycle Phase";
  s.inputs = {InputKind::kReal};
  s.outputs = {"ht_dcphase"};
  s.lookback = lookback;
  s.batch = batch;
  s.stream = make_state_stream<hilbert::HtState<DcPhaseTail>>;
  s.definition =
      "The phase, in degrees, of a one-cycle DFT of the 4-bar-WMA-smoothed price over the last "
      "round(DCPeriod) bars: atan(Σ sin·p / Σ cos·p), shifted by 90°, by 360°/DCPeriod (the "
      "WMA's lag) and by 180° when the cosine sum is negative, wrapped to (−45°, 315°]. TA-Lib's "
      "operation order and 63-bar lookback; chaotic on perfectly flat data.";
  s.source = "John Ehlers, Rocket Science for Traders (2001); TA-Lib TA_HT_DCPHASE conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
