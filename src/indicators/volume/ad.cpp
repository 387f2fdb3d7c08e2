// AD: Chaikin Accumulation/Distribution line (see ad_line.h).
#include "indicators/registry.h"
#include "indicators/state_stream.h"
#include "indicators/volume/ad_line.h"

namespace nocode::indicators {
namespace {

struct AdState {
  static constexpr size_t kInputs = 4, kOutputs = 1;  // high, low, close, volume
  explicit AdState(const Params&) {}
  bool step(const double* bar, double* out) {
    ad += ad_term(bar[0], bar[1], bar[2], bar[3]);
    out[0] = ad;
    return true;
  }
  double ad = 0.0;
};

int ad_lookback(const Params&) { return 0; }

void ad_batch(const double* const* in, size_t n, const Params&, double* const* out) {
  const double* __restrict h = in[0];
  const double* __restrict l = in[1];
  const double* __restrict c = in[2];
  const double* __restrict v = in[3];
  double* __restrict y = out[0];
  double ad = 0.0;
  // One fused loop: the running sum's add chain and the (independent)
  // division per bar overlap.
  for (size_t i = 0; i < n; ++i) y[i] = ad += ad_term(h[i], l[i], c[i], v[i]);
}

}  // namespace

Status register_ad(Registry& r) {
  IndicatorSpec s;
  s.name = "ad";
  s.talib_name = "AD";
  s.aliases = {"chaikin_ad", "accumulation_distribution"};
  s.group = "volume";
  s.title = "Chaikin Accumulation/Distribution Line";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose, InputKind::kVolume};
  s.outputs = {"ad"};
  s.lookback = ad_lookback;
  s.batch = ad_batch;
  s.stream = make_state_stream<AdState>;
  s.definition =
      "Running total of the close location value ((close − low) − (high − close))/(high − low) "
      "times volume, starting at 0 before the first bar. As in TA-Lib a bar whose high − low "
      "is not positive adds nothing.";
  s.source = "Marc Chaikin; TA-Lib TA_AD conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
