// MFI: Money Flow Index, TA-Lib's way: typical price (h+l+c)/3 times volume
// is positive flow when the typical price rose, negative when it fell,
// neither on a tie; MFI = 100·pos/(pos+neg) over the last p flows, 0 when
// pos+neg < 1 (an absolute threshold).
#include <vector>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

inline double mfi_value(double pos, double neg) {
  const double sum = pos + neg;
  const double v = 100.0 * (pos / sum);
  return sum < 1.0 ? 0.0 : v;
}

// The window sums run exactly as TA-Lib's: subtract the leaving flows, then
// add the new ones (adding 0.0 instead of skipping is exact here).
struct MfiCore {
  explicit MfiCore(size_t period) : pos_ring(period, 0.0), neg_ring(period, 0.0) {}

  inline void add(double tp, double volume, bool remove_oldest) {
    if (remove_oldest) {
      pos_sum -= pos_ring[pos];
      neg_sum -= neg_ring[pos];
    }
    const double d = tp - prev_tp;
    prev_tp = tp;
    const double flow = tp * volume;
    const double p = d > 0 ? flow : 0.0;
    const double n = d < 0 ? flow : 0.0;
    pos_ring[pos] = p;
    neg_ring[pos] = n;
    pos_sum += p;
    neg_sum += n;
    if (++pos == pos_ring.size()) pos = 0;
  }

  std::vector<double> pos_ring, neg_ring;
  size_t pos = 0;
  double prev_tp = 0, pos_sum = 0, neg_sum = 0;
};

inline double typical(double h, double l, double c) { return (h + l + c) / 3.0; }

struct MfiState {
  static constexpr size_t kInputs = 4, kOutputs = 1;  // high, low, close, volume
  explicit MfiState(const Params& p) : period(size_t(p.integer(0))), core(period) {}

  bool step(const double* bar, double* out) {
    const double tp = typical(bar[0], bar[1], bar[2]);
    if (count == 0) {
      core.prev_tp = tp;
      ++count;
      return false;
    }
    core.add(tp, bar[3], count > period);
    if (count++ < period) return false;
    out[0] = mfi_value(core.pos_sum, core.neg_sum);
    return true;
  }

  size_t period;
  MfiCore core;
  size_t count = 0;
};

int mfi_lookback(const Params& p) { return p.integer(0); }

void mfi_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double* h = in[0];
  const double* l = in[1];
  const double* c = in[2];
  const double* v = in[3];
  double* y = out[0];
  const size_t period = size_t(p.integer(0));
  fill_warmup(out, 1, n, period);
  if (n <= period) return;
  MfiCore core(period);
  core.prev_tp = typical(h[0], l[0], c[0]);
  for (size_t i = 1; i <= period; ++i) core.add(typical(h[i], l[i], c[i]), v[i], false);
  y[period] = mfi_value(core.pos_sum, core.neg_sum);
  for (size_t i = period + 1; i < n; ++i) {
    core.add(typical(h[i], l[i], c[i]), v[i], true);
    y[i] = mfi_value(core.pos_sum, core.neg_sum);
  }
}

}  // namespace

Status register_mfi(Registry& r) {
  IndicatorSpec s;
  s.name = "mfi";
  s.talib_name = "MFI";
  s.group = "momentum";
  s.title = "Money Flow Index";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose, InputKind::kVolume};
  s.params = {period_param(14, 2)};
  s.outputs = {"mfi"};
  s.lookback = mfi_lookback;
  s.batch = mfi_batch;
  s.stream = make_state_stream<MfiState>;
  s.definition =
      "Raw money flow = typical price (h+l+c)/3 × volume; it counts as positive when the "
      "typical price rose from the previous bar, negative when it fell, and as neither on a "
      "tie. MFI = 100·Σpos/(Σpos+Σneg) over the last `period` flows, and 0 when Σpos+Σneg < 1 "
      "(TA-Lib's absolute threshold).";
  s.source =
      "Gene Quong & Avrum Soudack, \"Volume-Weighted RSI: Money Flow\", Technical "
      "Analysis of Stocks & Commodities (1989); TA-Lib TA_MFI conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
