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

// sin(deg · π/180) for the sine outputs, to within ~1e-16 absolute of
// std::sin(deg · deg2rad) (the difference is below the rounding of TA-Lib's
// own argument). Reduces by quarter turns in degrees, then Taylor
// polynomials on [−π/4, π/4]; inline and branch-free, so the two sines of a
// bar cost a few ns instead of two libm calls. The sines are outputs only:
// nothing feeds back, so parity is unaffected.
inline double sin_degrees(double deg, double deg2rad) {
  if (!(std::fabs(deg) < 1e12)) return std::sin(deg * deg2rad);  // NaN, inf, absurd
  const double q = std::nearbyint(deg * (1.0 / 90.0));
  const double x = (deg - 90.0 * q) * deg2rad;  // [−π/4, π/4] (+ rounding)
  const double x2 = x * x;
  // sin x = x(1 − x²/3! + ... − x¹⁴/15!), cos x = 1 − x²/2! + ... + x¹⁶/16!
  double sp = -7.6471637318198164759e-13;  // -1/15!
  sp = std::fma(sp, x2, 1.6059043836821614599e-10);
  sp = std::fma(sp, x2, -2.5052108385441718775e-08);
  sp = std::fma(sp, x2, 2.7557319223985890653e-06);
  sp = std::fma(sp, x2, -1.9841269841269841270e-04);
  sp = std::fma(sp, x2, 8.3333333333333333333e-03);
  sp = std::fma(sp, x2, -1.6666666666666666667e-01);
  const double sin_x = std::fma(sp * x2, x, x);
  double cp = 4.7794773323873852974e-14;  // 1/16!
  cp = std::fma(cp, x2, -1.1470745597729724714e-11);
  cp = std::fma(cp, x2, 2.0876756987868098979e-09);
  cp = std::fma(cp, x2, -2.7557319223985890653e-07);
  cp = std::fma(cp, x2, 2.4801587301587301587e-05);
  cp = std::fma(cp, x2, -1.3888888888888888889e-03);
  cp = std::fma(cp, x2, 4.1666666666666666667e-02);
  cp = std::fma(cp, x2, -0.5);
  const double cos_x = std::fma(cp, x2, 1.0);
  const long long quadrant = static_cast<long long>(q) & 3;
  const double v = (quadrant & 1) ? cos_x : sin_x;
  return (quadrant & 2) ? -v : v;
}

struct SineTail {
  static constexpr size_t kOutputs = 2;
  static constexpr int kFirst = 37, kLookback = 63;
  static constexpr bool kHistory = true;
  static constexpr bool kDft = true;
  static double rad2deg() { return hilbert::rad2deg_ht(); }
  double phase = 0.0;
  double deg2rad = hilbert::deg2rad_ht();
  inline void bar(const hilbert::BarView& v, const double*, long long t, double* out) {
    phase = hilbert::dc_phase(phase, v.dft_re, v.dft_im, v.smooth_period, hilbert::rad2deg_ht());
    if (t >= kLookback) {  // the sines carry no state
      out[0] = sin_degrees(phase, deg2rad);
      out[1] = sin_degrees(phase + 45, deg2rad);
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
