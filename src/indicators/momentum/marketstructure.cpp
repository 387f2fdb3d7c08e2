// MARKETSTRUCTURE: causal swing-pivot market structure (higher highs, lower
// lows, support and resistance).
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct MarketStructureState {
  static constexpr size_t kInputs = 2, kOutputs = 4;
  explicit MarketStructureState(const Params& p) : s(p.integer(0)), h(2 * s + 1), l(2 * s + 1) {}
  bool step(const double* bar, double* out) {
    h.push(bar[0]);
    l.push(bar[1]);
    if (!h.full()) return false;
    // candidate pivot: s bars ago (ring index s); left side = older (index > s)
    const size_t c = size_t(s);
    const double ch = h.back(c), cl = l.back(c);
    bool is_high = true, is_low = true;
    for (size_t k = 0; k < c; ++k) {  // right side (newer): >= / <=
      is_high = is_high && ch >= h.back(k);
      is_low = is_low && cl <= l.back(k);
    }
    for (size_t k = c + 1; k <= 2 * c; ++k) {  // left side (older): strict
      is_high = is_high && ch > h.back(k);
      is_low = is_low && cl < l.back(k);
    }
    if (is_high) {
      prev_high = last_high;
      last_high = ch;
      ++highs;
    }
    if (is_low) {
      prev_low = last_low;
      last_low = cl;
      ++lows;
    }
    out[0] = (highs >= 2 && last_high > prev_high) ? 1.0 : 0.0;
    out[1] = (lows >= 2 && last_low < prev_low) ? 1.0 : 0.0;
    out[2] = last_low;
    out[3] = last_high;
    return true;
  }
  int s;
  ext::Ring h, l;
  long highs = 0, lows = 0;
  double last_high = kNaN, prev_high = kNaN, last_low = kNaN, prev_low = kNaN;
};

int marketstructure_lookback(const Params& p) { return 2 * p.integer(0); }

}  // namespace

Status register_marketstructure(Registry& r) {
  IndicatorSpec s;
  s.name = "marketstructure";
  s.aliases = {"market_structure", "swing_structure"};
  s.group = "momentum";
  s.title = "Market Structure (swing pivots)";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {ext::ext_int(
      "strength", {"period", "pivot_strength", "swing_strength", "bars"}, 5, 1,
      "bars on each side of a swing pivot (the editor's `period`); a pivot is confirmed this many "
      "bars after it")};
  s.outputs = {"higher_high", "lower_low", "support", "resistance"};
  s.lookback = marketstructure_lookback;
  s.batch = batch_by_state<MarketStructureState>;
  s.stream = make_state_stream<MarketStructureState>;
  s.definition =
      "Bar p is a swing high when `high[p]` is > each of the `strength` highs before it and ≥ "
      "each of the `strength` highs after it (swing low: `low[p]` < before, ≤ after); it is "
      "confirmed at row p + strength, so nothing reads the future. At each row: `resistance` / "
      "`support` = price of the latest confirmed swing high / low (NaN until one exists); "
      "`higher_high` = 1 when the latest confirmed swing high is above the previous one, else 0; "
      "`lower_low` = 1 when the latest confirmed swing low is below the previous one, else 0. "
      "First row `2·strength`.";
  s.source =
      "Swing (fractal) pivots as in Bill Williams, *Trading Chaos* (1995) (strength 2) "
      "and Dow-theory higher-high/lower-low structure; causal confirmation convention: ours.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
