// HT_SINE: Ehlers' sine wave indicator (sine of the dominant cycle phase and
// the sine 45° ahead), as TA-Lib computes it. TA-Lib evaluates sin/cos for
// every term of its DFT; we read them from a table computed once with the
// very same expressions, so the numbers are unchanged.
#include <cmath>

#include "indicators/cycle/hilbert.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct SineTail {
  static constexpr size_t kOutputs = 2;
  static constexpr int kFirst = 37, kLookback = 63;
  static constexpr bool kHistory = true;
  static double rad2deg() { return hilbert::rad2deg_ht(); }
  double phase = 0.0;
  double deg2rad = hilbert::deg2rad_ht();
  template <int Even>
  inline void bar(const hilbert::Engine<kHistory>& e, const double*, long long t, double* out) {
    double re, im;
    hilbert::dft(e.smooth.newest(), hilbert::dc_period_int(e.smooth_period), &re, &im);
    phase = hilbert::dc_phase(phase, re, im, e.smooth_period, hilbert::rad2deg_ht());
    if (t >= kLookback) {  // the sines carry no state
      out[0] = std::sin(phase * deg2rad);
      out[1] = std::sin((phase + 45) * deg2rad);
    }
  }
};

int lookback(const Params&) { return SineTail::kLookback; }
void batch(const double* const* in, size_t n, const Params&, double* const* out) {
  hilbert::ht_batch<SineTail>(in[0], n, out);
}

}  // namespace

Status register_ht_sine(Registry& r) {
  IndicatorSpec s;
  s.name = "ht_sine";
  s.talib_name = "HT_SINE";
  s.group = "cycle";
  s.title = "Hilbert Transform - SineWave";
  s.inputs = {InputKind::kReal};
  s.outputs = {"sine", "leadsine"};
  s.lookback = lookback;
  s.batch = batch;
  s.stream = make_state_stream<hilbert::HtState<SineTail>>;
  s.definition =
      "sin(DCPhase) and sin(DCPhase + 45°), where DCPhase is the dominant cycle phase of "
      "HT_DCPHASE (a one-cycle DFT of the 4-bar-WMA-smoothed price). TA-Lib's operation order and "
      "63-bar lookback; the DFT's sines and cosines come from a precomputed table of the same "
      "values. Chaotic on perfectly flat data.";
  s.source = "John Ehlers, Rocket Science for Traders (2001); TA-Lib TA_HT_SINE conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
