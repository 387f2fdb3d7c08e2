// Price-pattern conditions on L: support / resistance, breakouts, oscillator
// extremes and chart patterns built from confirmed zig-zag pivots.
#include <cmath>

#include "engine/conditions/groups.h"
#include "engine/conditions/series_ops.h"

namespace nocode::engine {
namespace {

using ops::ok;
using ops::Pivot;

// Calls f(t, level) with the level from value-input, else the max (sign > 0)
// or min (sign < 0) of L over the previous N bars.
template <typename F>
void with_level(const ConditionInputs& in, const ConditionParams& p, int sign, F f) {
  const double* l = ops::left_series(in);
  const long w = ops::window(p, 20);
  for (long t = w; t < static_cast<long>(in.n); ++t) {
    const double level = in.right   ? in.right[t]
                         : sign > 0 ? ops::range_max(l, t - w, t - 1)
                                    : ops::range_min(l, t - w, t - 1);
    if (ok(level, l[t])) f(t, l[t], level);
  }
}

void support_level(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  with_level(in, p, -1, [&](long t, double x, double s) {
    out[t] = x >= s && x - s <= p.sensitivity / 100.0 * std::fabs(s);
  });
}
void resistance_level(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  with_level(in, p, 1, [&](long t, double x, double r) {
    out[t] = x <= r && r - x <= p.sensitivity / 100.0 * std::fabs(r);
  });
}
void breakout_up(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  with_level(in, p, 1, [&](long t, double x, double r) {
    out[t] = x > r + p.percentage_threshold / 100.0 * std::fabs(r);
  });
}
void breakout_down(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  with_level(in, p, -1, [&](long t, double x, double s) {
    out[t] = x < s - p.percentage_threshold / 100.0 * std::fabs(s);
  });
}

void extreme(const ConditionInputs& in, const ConditionParams& p, int sign, uint8_t* out) {
  std::vector<double> rsi;
  const double* osc = in.left;
  if (!osc) {
    rsi = ops::indicator(in, "rsi", {{"period", 14}});
    if (rsi.size() != in.n) return;
    osc = rsi.data();
  }
  const double level = p.value != 0 ? p.value : (sign > 0 ? 70 : 30);
  for (size_t t = 0; t < in.n; ++t) out[t] = ok(osc[t]) && sign * (osc[t] - level) > 0;
}
void oversold(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  extreme(in, p, -1, out);
}
void overbought(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  extreme(in, p, 1, out);
}

double tolerance(const ConditionParams& p) {
  static const double kTol[] = {0.03, 0.02, 0.01, 0.005};
  return kTol[std::max(0, ops::strength_index(p.pattern_strength))];
}

// Calls f(t, last) for bars t >= 1, where last(i) is the i-th most recent
// pivot confirmed by t (i = 0 newest) and `count` how many there are.
template <typename F>
void with_pivots(const ConditionInputs& in, const ConditionParams& p, F f) {
  const double* l = ops::left_series(in);
  const auto piv = ops::zigzag(l, in.n, p.percentage_threshold);
  const auto known = ops::known_counts(piv, in.n);
  for (size_t t = 1; t < in.n; ++t) {
    if (!ok(l[t], l[t - 1])) continue;
    auto last = [&](size_t i) -> const Pivot& { return piv[known[t] - 1 - i]; };
    f(t, known[t], last, l);
  }
}

// sign > 0: double top (H L H, break below the low); < 0: double bottom.
void double_extreme(const ConditionInputs& in, const ConditionParams& p, int sign, uint8_t* out) {
  const double tol = tolerance(p);
  with_pivots(in, p, [&](size_t t, size_t k, auto last, const double* l) {
    if (k < 3 || last(0).high != (sign > 0)) return;
    const Pivot &a = last(2), &b = last(1), &c = last(0);
    const bool equal =
        std::fabs(c.value - a.value) <= tol * std::max(std::fabs(a.value), std::fabs(c.value));
    const bool wide = c.index - a.index >= static_cast<size_t>(p.pattern_min_bars);
    out[t] = equal && wide && sign * (l[t - 1] - b.value) >= 0 && sign * (l[t] - b.value) < 0;
  });
}
void double_top(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  double_extreme(in, p, 1, out);
}
void double_bottom(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  double_extreme(in, p, -1, out);
}

// sign > 0: head and shoulders (H L H L H); < 0: inverse.
void head_shoulders_impl(const ConditionInputs& in, const ConditionParams& p, int sign,
                         uint8_t* out) {
  const double tol = 2 * tolerance(p);
  with_pivots(in, p, [&](size_t t, size_t k, auto last, const double* l) {
    if (k < 5 || last(0).high != (sign > 0)) return;
    const Pivot &s1 = last(4), &n1 = last(3), &h = last(2), &n2 = last(1), &s2 = last(0);
    if (!(sign * (h.value - s1.value) > 0 && sign * (h.value - s2.value) > 0)) return;
    if (std::fabs(s1.value - s2.value) > tol * std::fabs(h.value)) return;
    if (s2.index - s1.index < static_cast<size_t>(p.pattern_min_bars)) return;
    auto neck = [&](double x) {
      return n1.value + (n2.value - n1.value) * (x - n1.index) / double(n2.index - n1.index);
    };
    out[t] = sign * (l[t - 1] - neck(t - 1.0)) >= 0 && sign * (l[t] - neck(double(t))) < 0;
  });
}
void head_shoulders(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  head_shoulders_impl(in, p, 1, out);
}
void inverse_head_shoulders(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  head_shoulders_impl(in, p, -1, out);
}

// The last two highs (h1 older, h2) and lows (l1, l2) among the last four pivots.
struct Four {
  double h1, h2, l1, l2;
  size_t span;
};
template <typename Last>
Four four(Last last) {
  Four f{};
  const Pivot &a = last(3), &b = last(2), &c = last(1), &d = last(0);
  const Pivot& hi1 = a.high ? a : b;
  const Pivot& hi2 = c.high ? c : d;
  const Pivot& lo1 = a.high ? b : a;
  const Pivot& lo2 = c.high ? d : c;
  f = {hi1.value, hi2.value, lo1.value, lo2.value, d.index - a.index};
  return f;
}

void triangle(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const int d = ops::direction(p);
  with_pivots(in, p, [&](size_t t, size_t k, auto last, const double* l) {
    if (k < 4) return;
    const Four f = four(last);
    const bool converging = f.h2 <= f.h1 && f.l2 >= f.l1 && (f.h2 < f.h1 || f.l2 > f.l1);
    if (!converging || f.span < static_cast<size_t>(p.pattern_min_bars)) return;
    out[t] = d > 0 ? ops::crosses_above(l[t - 1], l[t], f.h2, f.h2)
                   : ops::crosses_below(l[t - 1], l[t], f.l2, f.l2);
  });
}

void wedge(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const int d = ops::direction(p);
  with_pivots(in, p, [&](size_t t, size_t k, auto last, const double* l) {
    if (k < 4) return;
    const Four f = four(last);
    if (f.span < static_cast<size_t>(p.pattern_min_bars)) return;
    if (d > 0) {  // falling wedge: lower highs and lows, highs falling faster; break up
      out[t] = f.h2 < f.h1 && f.l2 < f.l1 && f.h1 - f.h2 > f.l1 - f.l2 &&
               ops::crosses_above(l[t - 1], l[t], f.h2, f.h2);
    } else {  // rising wedge: higher highs and lows, lows rising faster; break down
      out[t] = f.h2 > f.h1 && f.l2 > f.l1 && f.l2 - f.l1 > f.h2 - f.h1 &&
               ops::crosses_below(l[t - 1], l[t], f.l2, f.l2);
    }
  });
}

// Flag (pennant = false) or pennant: pole of M bars ending at t-C, then C
// consolidation bars [t-C, t-1], then a breakout on bar t.
void pole_pattern(const ConditionInputs& in, const ConditionParams& p, bool pennant, uint8_t* out) {
  const double* l = ops::left_series(in);
  const long m = p.pattern_min_bars, c = std::max<long>(4, m / 2);
  const double d = ops::direction(p);
  for (long t = m + c; t < static_cast<long>(in.n); ++t) {
    const double base = l[t - c - m], top = l[t - c];
    if (!ok(base, top) || !ok(l[t]) || base == 0) continue;
    const double pole = top - base;
    if (d * pole / std::fabs(base) * 100 < p.percentage_threshold) continue;
    const double hi = ops::range_max(l, t - c, t - 1), lo = ops::range_min(l, t - c, t - 1);
    if (!ok(hi, lo)) continue;
    const double worst = d > 0 ? lo : hi;
    if (d * (top - worst) >= 0.5 * d * pole) continue;  // retraced half the pole or more
    bool shape;
    if (pennant) {
      const long h = c / 2;
      const double r1 =
          ops::range_max(l, t - c, t - c + h - 1) - ops::range_min(l, t - c, t - c + h - 1);
      const double r2 = ops::range_max(l, t - h, t - 1) - ops::range_min(l, t - h, t - 1);
      shape = r2 < r1;
    } else {
      shape = d * ops::ls_slope(l, t - 1, static_cast<int>(c)) <= 0;
    }
    out[t] = shape && (d > 0 ? l[t] > hi : l[t] < lo);
  }
}
void flag_pattern(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  pole_pattern(in, p, false, out);
}
void pennant_pattern(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  pole_pattern(in, p, true, out);
}

}  // namespace

std::vector<ConditionSpec> pattern_specs() {
  const std::string g = "pattern", dir = " Sign of `value` = direction.";
  const unsigned L = kNeedsLeft;
  const std::string lv = "L on data-input (else close); level on value-input, else from L";
  const std::string l = "L on data-input (else close)";
  const std::string zz = "Zig-zag of L with percentageThreshold% reversals; ";
  const std::string tol = "tolerance 3% / 2% / 1% / 0.5% by patternStrength weak..very_strong";
  const std::vector<std::string> zp = {"percentageThreshold", "patternStrength", "patternMinBars"};
  return {
      make_spec("support_level", g, L, {"lookback", "sensitivity"}, support_level, lv,
                "N = lookback if >= 2 else 20; S = value-input, else min(L[t-N..t-1]); S <= L[t] "
                "<= S + sensitivity% of |S| (price sits on support; sensitivity 1.0 = 1%)."),
      make_spec("resistance_level", g, L, {"lookback", "sensitivity"}, resistance_level, lv,
                "N = lookback if >= 2 else 20; R = value-input, else max(L[t-N..t-1]); R - "
                "sensitivity% of |R| <= L[t] <= R."),
      make_spec("breakout_up", g, L, {"lookback", "percentageThreshold"}, breakout_up, lv,
                "N = lookback if >= 2 else 20; level = value-input, else max(L[t-N..t-1]); L[t] > "
                "level * (1 + percentageThreshold/100) (for a positive level)."),
      make_spec("breakout_down", g, L, {"lookback", "percentageThreshold"}, breakout_down, lv,
                "N = lookback if >= 2 else 20; level = value-input, else min(L[t-N..t-1]); L[t] < "
                "level * (1 - percentageThreshold/100) (for a positive level)."),
      make_spec("oversold", g, L, {"value"}, oversold,
                "oscillator on data-input (else RSI(14) of close)",
                "L[t] < value; value 0 (the form default) means 30.", {"rsi"}),
      make_spec("overbought", g, L, {"value"}, overbought,
                "oscillator on data-input (else RSI(14) of close)",
                "L[t] > value; value 0 (the form default) means 70.", {"rsi"}),
      make_spec("double_top", g, L, zp, double_top, l,
                zz + "last three confirmed pivots high A, low B, high C with |C - A| <= " + tol +
                    " of max(A, C) and C - A >= patternMinBars bars apart; true when L crosses "
                    "below B (L[t-1] >= B > L[t])."),
      make_spec("double_bottom", g, L, zp, double_bottom, l,
                zz + "mirror of double_top: lows A, C within tolerance around high B; true when L "
                     "crosses above B."),
      make_spec("head_shoulders", g, L, zp, head_shoulders, l,
                zz +
                    "last five confirmed pivots S1 high, N1 low, H high, N2 low, S2 high with H > "
                    "S1, H > S2, |S1 - S2| <= twice the " +
                    tol +
                    " of H, S2 - S1 >= "
                    "patternMinBars bars; true when L crosses below the neckline through N1 "
                    "and N2."),
      make_spec("inverse_head_shoulders", g, L, zp, inverse_head_shoulders, l,
                zz + "mirror of head_shoulders on lows; true when L crosses above the neckline."),
      make_spec("triangle_pattern", g, L, {"value", "percentageThreshold", "patternMinBars"},
                triangle, l,
                zz +
                    "last four confirmed pivots give highs h1, h2 and lows l1, l2 (older first) "
                    "with h2 <= h1, l2 >= l1, not both flat, spanning >= patternMinBars bars; "
                    "bullish: L crosses above h2; bearish: L crosses below l2." +
                    dir),
      make_spec("flag_pattern", g, L, {"value", "percentageThreshold", "patternMinBars"},
                flag_pattern, l,
                "M = patternMinBars, C = max(4, M/2). Pole: L[t-C] / L[t-C-M] - 1 >= "
                "percentageThreshold%; flag: bars t-C..t-1 retrace less than half the pole and "
                "their least-squares slope is <= 0; breakout: L[t] > max(L[t-C..t-1]) (bearish "
                "mirrored)." +
                    dir),
      make_spec("pennant_pattern", g, L, {"value", "percentageThreshold", "patternMinBars"},
                pennant_pattern, l,
                "As flag_pattern, but the consolidation narrows instead of sloping: the range of "
                "its last C/2 bars is smaller than the range of its first C/2 bars." +
                    dir),
      make_spec("wedge_pattern", g, L, {"value", "percentageThreshold", "patternMinBars"}, wedge, l,
                zz +
                    "last four confirmed pivots (highs h1, h2, lows l1, l2) spanning >= "
                    "patternMinBars bars. Bullish (falling wedge): h2 < h1, l2 < l1, h1 - h2 > "
                    "l1 - l2 and L crosses above h2. Bearish (rising wedge): h2 > h1, l2 > l1, "
                    "l2 - l1 > h2 - h1 and L crosses below l2." +
                    dir),
  };
}

}  // namespace nocode::engine
