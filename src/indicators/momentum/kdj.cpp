// KDJ: stochastic %K/%D with the J line (the form common on Asian platforms).
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct KdjState {
  static constexpr size_t kInputs = 3, kOutputs = 3;
  explicit KdjState(const Params& p)
      : hi(p.integer(0), true), lo(p.integer(0), false), m1(p.integer(1)), m2(p.integer(2)) {}

  bool step(const double* bar, double* out) {
    hi.push(bar[0]);
    lo.push(bar[1]);
    if (!hi.full()) return false;
    const double hh = hi.value(), ll = lo.value();
    const double rsv = hh == ll ? 50.0 : 100.0 * ((bar[2] - ll) / (hh - ll));
    k = (rsv + double(m1 - 1) * k) / double(m1);
    d = (k + double(m2 - 1) * d) / double(m2);
    out[0] = k;
    out[1] = d;
    out[2] = 3.0 * k - 2.0 * d;
    return true;
  }

  ext::RollingExtreme hi, lo;
  int m1, m2;
  double k = 50, d = 50;
};

int kdj_lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace

Status register_kdj(Registry& r) {
  IndicatorSpec s;
  s.name = "kdj";
  s.aliases = {"kdj_stochastic"};
  s.group = "momentum";
  s.title = "KDJ Stochastic";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {ParamSpec{"period", {"kPeriod", "k_period", "fastk_period", "timeperiod", "length"},
                        "", ParamType::kInteger, 9, 1, 100000, "bars of the high/low window (RSV)"},
              ext::ext_int("k_smoothing", {"slowing", "m1", "kSmoothing"}, 3, 1,
                           "smoothing of RSV into K: K = (RSV + (m1−1)·K[1])/m1"),
              ext::ext_int("d_smoothing", {"dPeriod", "d_period", "m2", "dSmoothing"}, 3, 1,
                           "smoothing of K into D: D = (K + (m2−1)·D[1])/m2")};
  s.outputs = {"k", "d", "j"};
  s.lookback = kdj_lookback;
  s.batch = batch_by_state<KdjState>;
  s.stream = make_state_stream<KdjState>;
  s.definition =
      "`RSV = 100·(C − LL_n)/(HH_n − LL_n)` (50 when HH = LL); `K = (RSV + (m1−1)·K[1])/m1`, "
      "`D = (K + (m2−1)·D[1])/m2`, both starting from 50 before the first full window; "
      "`J = 3K − 2D`. First value at row `n − 1`. Defaults 9/3/3.";
  s.source = "KDJ as used on Chinese/Asian trading platforms (e.g. Tongdaxin `KDJ(9,3,3)`), "
             "derived from George Lane's stochastic oscillator (1950s).";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
