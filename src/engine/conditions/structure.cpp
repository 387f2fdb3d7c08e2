// Market-structure conditions on the bars' highs and lows: fractal swing
// points (confirmed k bars after the extreme), breaks, sweeps, gaps, order
// blocks and displacement candles.
#include <algorithm>
#include <cmath>

#include "engine/conditions/groups.h"
#include "engine/conditions/series_ops.h"

namespace nocode::engine {
namespace {

using ops::ok;
using ops::Pivot;

// Latest confirmed swing highs/lows as of each bar, walked forward.
struct SwingWalk {
  std::vector<Pivot> piv;
  size_t next = 0;
  const Pivot *hi = nullptr, *hi_prev = nullptr, *lo = nullptr, *lo_prev = nullptr;
  SwingWalk(const ConditionInputs& in, const ConditionParams& p) {
    const ops::Bars b = ops::bars_of(in);
    piv = ops::swings(b.high, b.low, in.n, std::max(2, p.lookback));
  }
  void advance(size_t t) {
    for (; next < piv.size() && piv[next].confirmed <= t; ++next) {
      const Pivot* q = &piv[next];
      if (q->high)
        hi_prev = hi, hi = q;
      else
        lo_prev = lo, lo = q;
    }
  }
};

bool recent(const Pivot* q, size_t t, int w) { return q && t - q->index <= static_cast<size_t>(w); }

void higher_high(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  SwingWalk s(in, p);
  for (size_t t = 0; t < in.n; ++t) {
    s.advance(t);
    out[t] = s.hi_prev && recent(s.hi, t, p.structure_lookback) && s.hi->value > s.hi_prev->value;
  }
}

void lower_low(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  SwingWalk s(in, p);
  for (size_t t = 0; t < in.n; ++t) {
    s.advance(t);
    out[t] = s.lo_prev && recent(s.lo, t, p.structure_lookback) && s.lo->value < s.lo_prev->value;
  }
}

// +1 bullish break of the swing high, -1 bearish break of the swing low, 0 none.
int break_at(const SwingWalk& s, const double* c, size_t t, int w) {
  if (t == 0 || !ok(c[t], c[t - 1])) return 0;
  if (recent(s.hi, t, w) && c[t - 1] <= s.hi->value && c[t] > s.hi->value) return 1;
  if (recent(s.lo, t, w) && c[t - 1] >= s.lo->value && c[t] < s.lo->value) return -1;
  return 0;
}

void structure_break(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  SwingWalk s(in, p);
  const double* c = ops::bars_of(in).close;
  for (size_t t = 0; t < in.n; ++t) {
    s.advance(t);
    out[t] = break_at(s, c, t, p.structure_lookback) == ops::direction(p);
  }
}

void liquidity_sweep(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  SwingWalk s(in, p);
  const ops::Bars b = ops::bars_of(in);
  const bool bull = ops::direction(p) > 0;
  for (size_t t = 0; t < in.n; ++t) {
    s.advance(t);
    const Pivot* q = bull ? s.lo : s.hi;
    if (!recent(q, t, p.structure_lookback) || !ok(b.low[t], b.high[t]) || !ok(b.close[t]))
      continue;
    out[t] = bull ? b.low[t] < q->value && b.close[t] > q->value
                  : b.high[t] > q->value && b.close[t] < q->value;
  }
}

void fair_value_gap(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const ops::Bars b = ops::bars_of(in);
  for (size_t t = 2; t < in.n; ++t) {
    const double min_gap = p.level_spacing / 10000.0 * std::fabs(b.close[t - 1]);
    const double gap = ops::direction(p) > 0 ? b.low[t] - b.high[t - 2] : b.low[t - 2] - b.high[t];
    out[t] = ok(gap, min_gap) && gap > 0 && gap >= min_gap;
  }
}

void order_block(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  SwingWalk s(in, p);
  const ops::Bars b = ops::bars_of(in);
  const int d = ops::direction(p);
  long brk = -1;
  double zone_hi = 0, zone_lo = 0;
  for (size_t t = 0; t < in.n; ++t) {
    s.advance(t);
    if (brk >= 0 && t - brk <= static_cast<size_t>(p.structure_lookback) &&
        ok(b.low[t], b.high[t]) && ok(b.close[t]))
      out[t] = d > 0 ? b.low[t] <= zone_hi && b.close[t] >= zone_lo
                     : b.high[t] >= zone_lo && b.close[t] <= zone_hi;
    if (break_at(s, b.close, t, p.structure_lookback) != d) continue;
    for (long j = static_cast<long>(t) - 1; j >= 0 && j >= static_cast<long>(t) - 10; --j) {
      if (d * (b.close[j] - b.open[j]) < 0) {  // last opposite candle before the break
        brk = static_cast<long>(t), zone_hi = b.high[j], zone_lo = b.low[j];
        break;
      }
    }
  }
}

void market_maker_move(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const ops::Bars b = ops::bars_of(in);
  const auto atr = ops::indicator(in, "atr", {{"period", 14}});
  if (atr.size() != in.n) return;
  for (size_t t = 1; t < in.n; ++t) {
    const double range = b.high[t] - b.low[t];
    if (!ok(range, atr[t - 1]) || !ok(b.close[t]) || range <= 0) continue;
    const double pos = ops::direction(p) > 0 ? b.close[t] - b.low[t] : b.high[t] - b.close[t];
    out[t] = range >= p.volatility_multiplier * atr[t - 1] && pos >= 0.75 * range;
  }
}

}  // namespace

std::vector<ConditionSpec> structure_specs() {
  const std::string g = "structure", dir = " Sign of `value` = direction.";
  const unsigned B = kNeedsBars;
  const std::string bars = "the bars' OHLC (data-input is not read)";
  const std::string sw =
      "Swings: k = max(2, lookback); a swing high is a high above the k highs before (>=) and "
      "after (>) it, known from k bars later; lows mirrored. ";
  const std::vector<std::string> sp = {"value", "lookback", "structureLookback"};
  return {
      make_spec("higher_high", g, B, {"lookback", "structureLookback"}, higher_high, bars,
                sw + "The latest confirmed swing high is above the one before it and lies within "
                     "structureLookback bars of t."),
      make_spec("lower_low", g, B, {"lookback", "structureLookback"}, lower_low, bars,
                sw + "The latest confirmed swing low is below the one before it and lies within "
                     "structureLookback bars of t."),
      make_spec("structure_break", g, B, sp, structure_break, bars,
                sw +
                    "Bullish: close crosses above the latest confirmed swing high (close[t-1] <= "
                    "it < close[t]); bearish: close crosses below the latest swing low; the swing "
                    "lies within structureLookback bars." +
                    dir),
      make_spec(
          "liquidity_sweep", g, B, sp, liquidity_sweep, bars,
          sw +
              "Bullish: low[t] < latest swing low < close[t] (stops below the low taken, "
              "price reclaimed); bearish: high[t] > latest swing high > close[t]; swing within "
              "structureLookback bars." +
              dir),
      make_spec("fair_value_gap", g, B, {"value", "levelSpacing"}, fair_value_gap, bars,
                "Bullish: low[t] - high[t-2] > 0 and >= levelSpacing basis points of close[t-1] "
                "(levelSpacing 20 = 0.2%); bearish: low[t-2] - high[t] likewise." +
                    dir),
      make_spec(
          "order_block", g, B, sp, order_block, bars,
          sw +
              "At each bullish structure_break on bar b, the order block is the last "
              "bearish candle (close < open) among bars b-10..b-1; at bars t with b < t <= b + "
              "structureLookback, true when low[t] <= its high and close[t] >= its low (a "
              "retest that holds). Bearish mirrored (last bullish candle, high[t] >= its low, "
              "close[t] <= its high)." +
              dir,
          {}),
      make_spec("market_maker_move", g, B, {"value", "volatilityMultiplier"}, market_maker_move,
                bars,
                "Displacement candle: high[t] - low[t] >= volatilityMultiplier * ATR(14)[t-1] and "
                "the close in the top quarter of the bar's range (bearish: bottom quarter)." +
                    dir,
                {"atr"}),
  };
}

}  // namespace nocode::engine
