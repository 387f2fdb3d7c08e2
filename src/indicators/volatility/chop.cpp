// CHOP: Choppiness index (E. W. Dreiss).
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"
#include "indicators/volatility/true_range.h"

namespace nocode::indicators {
namespace {

struct ChopState {
  static constexpr size_t kInputs = 3, kOutputs = 1;
  explicit ChopState(const Params& p)
      : n(p.integer(0)), tr(n), hi(n, true), lo(n, false), scale(100.0 / std::log10(double(n))) {}
  bool step(const double* bar, double* out) {
    const double h = bar[0], l = bar[1], c = bar[2];
    const double pc = prev_close;
    prev_close = c;
    hi.push(h);
    lo.push(l);
    if (count++ == 0) return false;
    if (!tr.push(true_range(h, l, pc))) return false;
    const double range = hi.value() - lo.value();
    out[0] = range > 0 ? std::log10(tr.sum() / range) * scale : kNaN;
    return true;
  }
  int n;
  ext::WindowSum tr;
  ext::RollingExtreme hi, lo;
  double scale;
  long count = 0;
  double prev_close = 0;
};

int chop_lookback(const Params& p) { return p.integer(0); }

}  // namespace

Status register_chop(Registry& r) {
  IndicatorSpec s;
  s.name = "chop";
  s.aliases = {"choppiness", "choppiness_index", "ci"};
  s.group = "volatility";
  s.title = "Choppiness Index";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {
      ext::ext_int("period", {"timeperiod", "length", "window"}, 14, 2, "bars in the window")};
  s.outputs = {"chop"};
  s.lookback = chop_lookback;
  s.batch = batch_by_state<ChopState>;
  s.stream = make_state_stream<ChopState>;
  s.definition =
      "`100 · log10(Σ TR(n) / (max high(n) − min low(n))) / log10(n)`: the sum of the last n true "
      "ranges (ATR(1), TA-Lib TRANGE, from bar 1) over the range of the same n bars. 100 = "
      "choppy, near 0 = trending. NaN when the n-bar range is 0. First value at row n. The "
      "first TR may reach the close before the window, so with very short periods (2–3) a gap "
      "can push it slightly above 100; it is never below 0.";
  s.source =
      "E. W. (Bill) Dreiss, Choppiness Index (1990s, *Chaos Theory* applied to markets); "
      "formula as in TradingView's built-in \"Choppiness Index\".";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
