// BBWIDTH: Bollinger BandWidth, in percent of the middle band.
#include <cmath>

#include "indicators/registry.h"
#include "indicators/state_stream.h"
#include "indicators/volatility/channels_common.h"

namespace nocode::indicators {
namespace {

struct BbwidthState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit BbwidthState(const Params& p) : bb(p.integer(0), p.real(1)) {}
  bool step(const double* bar, double* out) {
    if (!bb.push(bar[0])) return false;
    out[0] = (bb.upper - bb.lower) / bb.middle * 100.0;
    return true;
  }
  chan::Bollinger bb;
};

int bbwidth_lookback(const Params& p) { return p.integer(0) - 1; }

// L consecutive bars t .. t+L-1 at once. Lane j runs exactly the operations
// of chan::Bollinger::push + BbwidthState::step for bar t+j, in the same
// order, on its own accumulators, so every number is bit-identical to the
// streaming state's; the lanes only remove the per-bar latency chain (the
// compiler may vectorise across j, never reassociate within a lane).
template <size_t L>
void bbwidth_lanes(const double* x, size_t t, size_t m, double dn, double k, double* o) {
  const double* w = x + (t + 1 - m);  // lane j's window is w[j .. j+m-1], oldest first
  double s[L], d[L], q[L], a[L], md[L];
  for (size_t j = 0; j < L; ++j) {
    a[j] = w[j];
    s[j] = d[j] = q[j] = 0;
  }
  for (size_t i = 0; i < m; ++i)
    for (size_t j = 0; j < L; ++j) {
      s[j] += w[i + j];
      d[j] += w[i + j] - a[j];
    }
  for (size_t j = 0; j < L; ++j) md[j] = d[j] / dn;
  for (size_t i = 0; i < m; ++i)
    for (size_t j = 0; j < L; ++j) {
      const double e = (w[i + j] - a[j]) - md[j];
      q[j] += e * e;
    }
  for (size_t j = 0; j < L; ++j) {
    const double middle = s[j] / dn;
    const double sd = std::sqrt(q[j] / dn);
    const double upper = middle + k * sd, lower = middle - k * sd;
    o[t + j] = (upper - lower) / middle * 100.0;
  }
}

void bbwidth_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const size_t m = size_t(p.integer(0));
  const double dn = double(p.integer(0)), k = p.real(1);
  fill_warmup(out, 1, n, m - 1);
  if (n < m) return;
  size_t t = m - 1;
  for (; t + 4 <= n; t += 4) bbwidth_lanes<4>(in[0], t, m, dn, k, out[0]);
  for (; t < n; ++t) bbwidth_lanes<1>(in[0], t, m, dn, k, out[0]);
}

}  // namespace

Status register_bbwidth(Registry& r) {
  IndicatorSpec s;
  s.name = "bbwidth";
  s.aliases = {"bb_width", "bandwidth", "bollinger_bandwidth", "bollinger_band_width"};
  s.group = "volatility";
  s.title = "Bollinger BandWidth";
  s.inputs = {InputKind::kReal};
  s.params = {
      ext::ext_int("period", {"timeperiod", "length", "window"}, 20, 1,
                   "bars of the SMA and standard deviation"),
      ext::ext_param("multiplier", {"nbdev", "nbdevup", "mult", "bb_multiplier"}, ParamType::kReal,
                     2.0, 0, 100, "standard deviations between the middle band and each band")};
  s.outputs = {"bbwidth"};
  s.lookback = bbwidth_lookback;
  s.batch = bbwidth_batch;
  s.stream = make_state_stream<BbwidthState>;
  s.definition =
      "`(upper − lower) / middle × 100` with Bollinger bands `middle = SMA(x, period)`, "
      "`upper/lower = middle ± multiplier·σ` (σ: population standard deviation of the last "
      "`period` values, as TA-Lib BBANDS, computed two-pass each bar: O(period) per bar, exactly 0 "
      "on a flat window). In percent (×100), the same scale as the editor's BB "
      "\"Width\" output; NaN/±inf when the middle band is 0. First value at row `period − 1`.";
  s.source =
      "John Bollinger, *Bollinger on Bollinger Bands* (2001), BandWidth; ×100 scaling as "
      "in StockCharts ChartSchool \"Bollinger BandWidth\" and the Alphintra client engine.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
