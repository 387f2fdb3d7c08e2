// IMI: Intraday Momentum Index, an RSI of the open-to-close moves. TA-Lib
// recomputes both window sums from scratch on every bar (oldest bar first);
// we do the same, which keeps exact zeros (and 0/0 = NaN on windows where
// close == open throughout) identical to TA-Lib's.
#include <vector>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

// 100·up/(up+down) over n (open, close) pairs, oldest first.
inline double imi_window(const double* o, const double* c, size_t n) {
  double up = 0.0, down = 0.0;
  for (size_t i = 0; i < n; ++i) {
    if (c[i] > o[i])
      up += c[i] - o[i];
    else
      down += o[i] - c[i];
  }
  return 100.0 * (up / (up + down));
}

struct ImiState {
  static constexpr size_t kInputs = 2, kOutputs = 1;  // open, close
  explicit ImiState(const Params& p)
      : period(size_t(p.integer(0))), o(2 * period, 0.0), c(2 * period, 0.0) {}

  // The last `period` bars are kept contiguous in a buffer of 2·period
  // (shifted down when it fills), so the sum runs oldest first.
  bool step(const double* bar, double* out) {
    if (len == o.size()) {
      for (size_t i = 0; i + 1 < period; ++i) {
        o[i] = o[len - period + 1 + i];
        c[i] = c[len - period + 1 + i];
      }
      len = period - 1;
    }
    o[len] = bar[0];
    c[len] = bar[1];
    ++len;
    if (++count < period) return false;
    out[0] = imi_window(o.data() + len - period, c.data() + len - period, period);
    return true;
  }

  size_t period;
  std::vector<double> o, c;
  size_t len = 0, count = 0;
};

int imi_lookback(const Params& p) { return p.integer(0) - 1; }

void imi_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double* o = in[0];
  const double* c = in[1];
  double* y = out[0];
  const size_t period = size_t(p.integer(0));
  fill_warmup(out, 1, n, period - 1);
  for (size_t i = period - 1; i < n; ++i)
    y[i] = imi_window(o + i + 1 - period, c + i + 1 - period, period);
}

}  // namespace

Status register_imi(Registry& r) {
  IndicatorSpec s;
  s.name = "imi";
  s.talib_name = "IMI";
  s.group = "momentum";
  s.title = "Intraday Momentum Index";
  s.inputs = {InputKind::kOpen, InputKind::kClose};
  s.params = {period_param(14, 2)};
  s.outputs = {"imi"};
  s.lookback = imi_lookback;
  s.batch = imi_batch;
  s.stream = make_state_stream<ImiState>;
  s.definition =
      "100·U/(U + D) over the last `period` bars, where U sums close − open on bars that "
      "closed above their open and D sums open − close on the others. As in TA-Lib the sums "
      "are recomputed for every window, and a window with U + D = 0 gives NaN.";
  s.source = "Tushar Chande (intraday RSI variant); TA-Lib TA_IMI conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
