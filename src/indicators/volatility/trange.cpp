// TRANGE: true range, max(high − low, |prev close − high|, |prev close − low|),
// from the second bar on (TA-Lib's lookback 1).
#include "indicators/registry.h"
#include "indicators/state_stream.h"
#include "indicators/volatility/true_range.h"

namespace nocode::indicators {
namespace {

struct TrangeState {
  static constexpr size_t kInputs = 3, kOutputs = 1;  // high, low, close
  explicit TrangeState(const Params&) {}
  bool step(const double* bar, double* out) {
    const bool ready = started;
    if (ready) out[0] = true_range(bar[0], bar[1], prev_close);
    prev_close = bar[2];
    started = true;
    return ready;
  }
  double prev_close = 0;
  bool started = false;
};

int trange_lookback(const Params&) { return 1; }

void trange_batch(const double* const* in, size_t n, const Params&, double* const* out) {
  const double* __restrict h = in[0];
  const double* __restrict l = in[1];
  const double* __restrict c = in[2];
  double* __restrict y = out[0];
  fill_warmup(out, 1, n, 1);
  for (size_t i = 1; i < n; ++i) y[i] = true_range(h[i], l[i], c[i - 1]);
}

}  // namespace

Status register_trange(Registry& r) {
  IndicatorSpec s;
  s.name = "trange";
  s.talib_name = "TRANGE";
  s.group = "volatility";
  s.title = "True Range";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.outputs = {"trange"};
  s.lookback = trange_lookback;
  s.batch = trange_batch;
  s.stream = make_state_stream<TrangeState>;
  s.definition =
      "max(high − low, |previous close − high|, |previous close − low|), from the second bar "
      "on. As in TA-Lib a NaN previous close leaves high − low.";
  s.source =
      "J. Welles Wilder, New Concepts in Technical Trading Systems (1978); TA-Lib "
      "TA_TRANGE conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
