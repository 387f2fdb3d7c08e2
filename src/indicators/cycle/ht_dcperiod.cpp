// HT_DCPERIOD: Ehlers' dominant cycle period from the Hilbert transform's
// homodyne discriminator, as TA-Lib computes it.
#include "indicators/cycle/hilbert.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct DcPeriodTail {
  static constexpr size_t kOutputs = 1;
  static constexpr int kFirst = 12, kLookback = 32;
  static constexpr bool kHistory = false;
  static constexpr bool kDft = false;
  static double rad2deg() { return hilbert::rad2deg_mama(); }
  inline void bar(const hilbert::BarView& v, const double*, long long, double* out) {
    out[0] = v.smooth_period;
  }
};

int lookback(const Params&) { return DcPeriodTail::kLookback; }
void batch(const double* const* in, size_t n, const Params&, double* const* out) {
  hilbert::ht_batch<DcPeriodTail>(in[0], n, out);
}

}  // namespace

Status register_ht_dcperiod(Registry& r) {
  IndicatorSpec s;
  s.name = "ht_dcperiod";
  s.talib_name = "HT_DCPERIOD";
  s.group = "cycle";
  s.title = "Hilbert Transform - Dominant Cycle Period";
  s.inputs = {InputKind::kReal};
  s.outputs = {"ht_dcperiod"};
  s.lookback = lookback;
  s.batch = batch;
  s.stream = make_state_stream<hilbert::HtState<DcPeriodTail>>;
  s.definition =
      "Price is smoothed by a 4-bar WMA, passed through Ehlers' Hilbert transform (detrender, "
      "in-phase and quadrature components) and a homodyne discriminator; the period "
      "360°/atan(Im/Re) is clamped to [0.67, 1.5]× the previous period and to [6, 50], smoothed "
      "0.2/0.8, and the output is that period smoothed again 0.33/0.67. TA-Lib's operation order "
      "and 32-bar lookback (values keep settling long after it).";
  s.source = "John Ehlers, Rocket Science for Traders (2001); TA-Lib TA_HT_DCPERIOD conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
