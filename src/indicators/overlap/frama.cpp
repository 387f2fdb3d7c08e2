// FRAMA: Ehlers' fractal adaptive moving average.
#include <algorithm>
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct FramaState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit FramaState(const Params& p)
      : half(p.integer(0) / 2), n(2 * half), delayed_hi(half + 1), delayed_lo(half + 1),
        hi_new(half, true),
        lo_new(half, false), hi_old(half, true), lo_old(half, false) {}

  bool step(const double* bar, double* out) {
    const double h = bar[0], l = bar[1];
    const double price = (h + l) / 2.0;
    ++t;
    hi_new.push(h);
    lo_new.push(l);
    delayed_hi.push(h);
    delayed_lo.push(l);
    if (t >= half) {  // the older half: bars t-n+1 .. t-half
      hi_old.push(delayed_hi.back(size_t(half)));
      lo_old.push(delayed_lo.back(size_t(half)));
    }
    if (t < n - 1) return false;
    const double hh1 = hi_new.value(), ll1 = lo_new.value();
    const double hh2 = hi_old.value(), ll2 = lo_old.value();
    const double n1 = (hh1 - ll1) / double(half);
    const double n2 = (hh2 - ll2) / double(half);
    const double n3 = (std::max(hh1, hh2) - std::min(ll1, ll2)) / double(n);
    if (n1 > 0 && n2 > 0 && n3 > 0) dimen = (std::log(n1 + n2) - std::log(n3)) / std::log(2.0);
    if (t == n - 1) {
      filt = price;
      return false;
    }
    double alpha = std::exp(-4.6 * (dimen - 1.0));
    if (alpha < 0.01) alpha = 0.01;
    if (alpha > 1.0) alpha = 1.0;
    filt = alpha * price + (1.0 - alpha) * filt;
    out[0] = filt;
    return true;
  }

  int half, n;
  ext::Ring delayed_hi, delayed_lo;
  ext::RollingExtreme hi_new, lo_new, hi_old, lo_old;
  long t = -1;
  double dimen = 0, filt = 0;
};

int frama_lookback(const Params& p) { return 2 * (p.integer(0) / 2); }

}  // namespace

Status register_frama(Registry& r) {
  IndicatorSpec s;
  s.name = "frama";
  s.aliases = {"fractal_adaptive_ma", "fractal_adaptive_moving_average"};
  s.group = "overlap";
  s.title = "Fractal Adaptive Moving Average";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {period_param(16, 2, "bars in the window (an odd value is rounded down to even)")};
  s.outputs = {"frama"};
  s.lookback = frama_lookback;
  s.batch = batch_by_state<FramaState>;
  s.stream = make_state_stream<FramaState>;
  s.definition =
      "Ehlers' original: over the last `N` bars (N even), `N1 = (HH−LL)/(N/2)` of the newest "
      "half, `N2` likewise of the older half, `N3 = (HH−LL)/N` of the whole window (highs and "
      "lows); when all are > 0, `D = (ln(N1+N2) − ln(N3))/ln 2` (else D keeps its previous value, "
      "initially 0). `α = exp(−4.6·(D−1))` clamped to [0.01, 1]; `FRAMA = α·p + (1−α)·FRAMA[1]` "
      "on the median price `p = (H+L)/2`, seeded with `p` at row N−1; first value at row N.";
  s.source = "John F. Ehlers, \"FRAMA – Fractal Adaptive Moving Average\", Technical Analysis of "
             "Stocks & Commodities, Oct 2005.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
