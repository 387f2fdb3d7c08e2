// HT_PHASOR: the in-phase and quadrature components of the Hilbert
// transform, as TA-Lib computes them.
#include "indicators/cycle/hilbert.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct PhasorTail {
  static constexpr size_t kOutputs = 2;
  static constexpr int kFirst = 12, kLookback = 32;
  static constexpr bool kHistory = false;
  static constexpr bool kDft = false;
  static double rad2deg() { return hilbert::rad2deg_mama(); }
  inline void bar(const hilbert::BarView& v, const double*, long long, double* out) {
    out[0] = v.i1;
    out[1] = v.q1;
  }
};

int lookback(const Params&) { return PhasorTail::kLookback; }
void batch(const double* const* in, size_t n, const Params&, double* const* out) {
  hilbert::ht_batch<PhasorTail>(in[0], n, out);
}

}  // namespace

Status register_ht_phasor(Registry& r) {
  IndicatorSpec s;
  s.name = "ht_phasor";
  s.talib_name = "HT_PHASOR";
  s.group = "cycle";
  s.title = "Hilbert Transform - Phasor Components";
  s.inputs = {InputKind::kReal};
  s.outputs = {"inphase", "quadrature"};
  s.lookback = lookback;
  s.batch = batch;
  s.stream = make_state_stream<hilbert::HtState<PhasorTail>>;
  s.definition =
      "The in-phase component I1 (the detrended, 4-bar-WMA-smoothed price delayed 3 bars) and "
      "the quadrature component Q1 (Hilbert transform of the detrender) of Ehlers' Hilbert "
      "transform, with the filter gain adapted to the previous bar's dominant-cycle period. "
      "TA-Lib's operation order and 32-bar lookback.";
  s.source = "John Ehlers, Rocket Science for Traders (2001); TA-Lib TA_HT_PHASOR conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
