// Crossover conditions: L crossing R (or a level / a computed line) on this
// bar, having been on the other side on the previous bar; divergences.
#include <cmath>

#include "engine/conditions/groups.h"
#include "engine/conditions/series_ops.h"

namespace nocode::engine {
namespace {

using ops::ok;

// out[t] = line a crosses line b (up when dir > 0, down otherwise).
void cross(const double* a, const double* b, size_t n, int dir, uint8_t* out) {
  for (size_t t = 1; t < n; ++t)
    out[t] = dir > 0 ? ops::crosses_above(a[t - 1], a[t], b[t - 1], b[t])
                     : ops::crosses_below(a[t - 1], a[t], b[t - 1], b[t]);
}

std::vector<double> right_line(const ConditionInputs& in, const ConditionParams& p) {
  std::vector<double> r(in.n);
  for (size_t t = 0; t < in.n; ++t) r[t] = ops::right_at(in, p, t);
  return r;
}

void crossover(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  cross(ops::left_series(in), right_line(in, p).data(), in.n, 1, out);
}

void crossunder(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  cross(ops::left_series(in), right_line(in, p).data(), in.n, -1, out);
}

void ma_cross(const ConditionInputs& in, int dir, uint8_t* out) {
  if (in.right) return cross(ops::left_series(in), in.right, in.n, dir, out);
  const double* l = ops::left_series(in);
  cross(ops::sma(l, in.n, 50).data(), ops::sma(l, in.n, 200).data(), in.n, dir, out);
}
void golden_cross(const ConditionInputs& in, const ConditionParams&, uint8_t* out) {
  ma_cross(in, 1, out);
}
void death_cross(const ConditionInputs& in, const ConditionParams&, uint8_t* out) {
  ma_cross(in, -1, out);
}

// Divergence between price (aux-input, else close) and the oscillator L
// (data-input, else RSI(14) of close); sign = +1 bullish (lows), -1 bearish.
void divergence(const ConditionInputs& in, const ConditionParams& p, int sign, uint8_t* out) {
  const double* price = in.aux ? in.aux : ops::bars_of(in).close;
  std::vector<double> rsi;
  const double* osc = in.left;
  if (!osc) rsi = ops::indicator(in, "rsi", {{"period", 14}}), osc = rsi.data();
  if (!price || !osc || (!in.left && rsi.size() != in.n)) return;
  const size_t w = ops::window(p, 14);
  // s*x turns "lower" into "higher" for the bearish mirror.
  const double s = sign > 0 ? 1.0 : -1.0;
  for (size_t t = w; t < in.n; ++t) {
    size_t jp = t - w, jo = t - w;  // extreme of price / oscillator in [t-w, t-1]
    bool bad = !ok(price[t], osc[t]);
    for (size_t i = t - w; i < t; ++i) {
      bad = bad || !ok(price[i], osc[i]);
      if (s * price[i] < s * price[jp]) jp = i;
      if (s * osc[i] < s * osc[jo]) jo = i;
    }
    if (bad) continue;
    if (p.divergence_type == "hidden") {
      out[t] = s * osc[t] < s * osc[jo] && s * price[t] > s * price[jo];
    } else if (p.divergence_type == "exaggerated") {
      out[t] = std::fabs(price[t] - price[jp]) <= 0.005 * std::fabs(price[jp]) &&
               s * osc[t] > s * osc[jp];
    } else {
      out[t] = s * price[t] < s * price[jp] && s * osc[t] > s * osc[jp];
    }
  }
}
void bullish_divergence(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  divergence(in, p, 1, out);
}
void bearish_divergence(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  divergence(in, p, -1, out);
}

void macd_signal_cross(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  if (in.right) return cross(ops::left_series(in), in.right, in.n, ops::direction(p), out);
  const double* l = ops::left_series(in);
  const auto macd = ops::indicator(in, "macd", {}, 0, l);
  const auto signal = ops::indicator(in, "macd", {}, 1, l);
  if (macd.size() == in.n && signal.size() == in.n)
    cross(macd.data(), signal.data(), in.n, ops::direction(p), out);
}

// Oscillator L (else `name` computed on the bars) crosses the level `value`:
// upwards when value < midpoint, downwards otherwise.
void level_cross(const ConditionInputs& in, const ConditionParams& p, const char* name,
                 double midpoint, uint8_t* out) {
  std::vector<double> computed;
  const double* osc = in.left;
  if (!osc) {
    if (std::string(name) == "stoch")
      computed = ops::indicator(in, name,
                                {{"fastk_period", 14}, {"slowk_period", 3}, {"slowd_period", 3}});
    else
      computed = ops::indicator(in, name, {{"period", 14}});
    if (computed.size() != in.n) return;
    osc = computed.data();
  }
  const std::vector<double> level(in.n, p.value);
  cross(osc, level.data(), in.n, p.value < midpoint ? 1 : -1, out);
}
void rsi_cross(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  level_cross(in, p, "rsi", 50, out);
}
void stoch_cross(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  level_cross(in, p, "stoch", 50, out);
}
void cci_cross(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  level_cross(in, p, "cci", 0, out);
}
void willr_cross(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  level_cross(in, p, "willr", -50, out);
}

void triple_ma_cross(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  std::vector<double> f5, m10, s20;
  const double *f = l, *m = in.right, *s = in.aux;
  if (!in.right || !in.aux) {
    f5 = ops::sma(l, in.n, 5), m10 = ops::sma(l, in.n, 10), s20 = ops::sma(l, in.n, 20);
    f = f5.data(), m = m10.data(), s = s20.data();
  }
  const double d = ops::direction(p);
  auto aligned = [&](size_t t) {
    return ok(f[t], m[t]) && ok(s[t]) && d * f[t] > d * m[t] && d * m[t] > d * s[t];
  };
  for (size_t t = 1; t < in.n; ++t)
    out[t] = aligned(t) && !aligned(t - 1) && ok(f[t - 1], m[t - 1]) && ok(s[t - 1]);
}

// Donchian midline (HH_w + LL_w) / 2 of the bars.
std::vector<double> midline(const ops::Bars& b, size_t n, int w) {
  std::vector<double> out(n, ops::kNaN);
  for (size_t t = w - 1; t < n; ++t)
    out[t] = (ops::range_max(b.high, t + 1 - w, t) + ops::range_min(b.low, t + 1 - w, t)) / 2;
  return out;
}

void ichimoku_cross(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  if (in.right) return cross(ops::left_series(in), in.right, in.n, ops::direction(p), out);
  const ops::Bars b = ops::bars_of(in);
  if (!b.high || !b.low) return;
  cross(midline(b, in.n, 9).data(), midline(b, in.n, 26).data(), in.n, ops::direction(p), out);
}

void envelope_cross(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  auto band = ops::sma(l, in.n, ops::window(p, 20));
  const int d = ops::direction(p);
  for (double& x : band) x *= 1 + d * p.percentage_threshold / 100.0;
  cross(l, band.data(), in.n, d, out);
}

const char* kDir = " Sign of `value` = direction (>= 0 bullish, < 0 bearish).";

}  // namespace

std::vector<ConditionSpec> crossover_specs() {
  const std::string g = "crossover";
  const unsigned L = kNeedsLeft;
  const std::string lr = "L on data-input (else close); R on value-input, else `value`";
  return {
      make_spec("crossover", g, L, {"value"}, crossover, lr, "L[t] > R[t] and L[t-1] <= R[t-1].",
                {}, {"cross_above", "crosses_above", "cross_over"}),
      make_spec("crossunder", g, L, {"value"}, crossunder, lr, "L[t] < R[t] and L[t-1] >= R[t-1].",
                {}, {"cross_below", "crosses_below"}),
      make_spec("golden_cross", g, L, {}, golden_cross,
                "fast MA on data-input and slow MA on value-input; or price on data-input "
                "(else close) alone",
                "crossover of the fast MA over the slow MA; with value-input not wired, "
                "SMA50(L) crossing over SMA200(L)."),
      make_spec("death_cross", g, L, {}, death_cross,
                "fast MA on data-input and slow MA on value-input; or price on data-input "
                "(else close) alone",
                "crossunder of the fast MA under the slow MA; with value-input not wired, "
                "SMA50(L) crossing under SMA200(L)."),
      make_spec("bullish_divergence", g, L | kNeedsBars, {"lookback", "divergenceType"},
                bullish_divergence,
                "oscillator on data-input (else RSI(14) of close); price on aux-input, else close",
                "N = lookback if >= 2 else 14; j = bar of the lowest price (or, hidden: lowest "
                "oscillator) in [t-N, t-1]. regular: price[t] < price[j] and osc[t] > osc[j]; "
                "hidden: osc[t] < osc[j] and price[t] > price[j]; exaggerated: |price[t] - "
                "price[j]| <= 0.5% of price[j] and osc[t] > osc[j].",
                {"rsi"}),
      make_spec("bearish_divergence", g, L | kNeedsBars, {"lookback", "divergenceType"},
                bearish_divergence,
                "oscillator on data-input (else RSI(14) of close); price on aux-input, else close",
                "Mirror of bullish_divergence on highs: regular: price[t] > highest price[j] of "
                "[t-N, t-1] and osc[t] < osc[j]; hidden: osc[t] > osc[j] (j = highest "
                "oscillator) and price[t] < price[j]; exaggerated: price within 0.5% of price[j] "
                "and osc[t] < osc[j].",
                {"rsi"}),
      make_spec("macd_signal_cross", g, L, {"value"}, macd_signal_cross,
                "MACD line on data-input and signal line on value-input; or price on data-input "
                "(else close) alone",
                std::string("MACD crosses its signal line (crossover up, crossunder down); with "
                            "value-input not wired, MACD(12, 26, 9) of L is computed.") +
                    kDir,
                {"macd"}),
      make_spec("rsi_level_cross", g, L, {"value"}, rsi_cross,
                "RSI on data-input (else RSI(14) of close); level `value`",
                "L crosses the level `value`: upwards (crossover) when value < 50, downwards "
                "(crossunder) when value >= 50 (e.g. 30 = leaves oversold, 70 = leaves "
                "overbought).",
                {"rsi"}),
      make_spec("stoch_level_cross", g, L, {"value"}, stoch_cross,
                "Stochastic %K on data-input (else STOCH(14, 3, 3) %K); level `value`",
                "As rsi_level_cross with midpoint 50.", {"stoch"}),
      make_spec("cci_level_cross", g, L, {"value"}, cci_cross,
                "CCI on data-input (else CCI(14) of the bars); level `value`",
                "As rsi_level_cross with midpoint 0: upwards when value < 0, else downwards.",
                {"cci"}),
      make_spec("williams_r_cross", g, L, {"value"}, willr_cross,
                "Williams %R on data-input (else WILLR(14) of the bars); level `value`",
                "As rsi_level_cross with midpoint -50: upwards when value < -50 (e.g. -80), "
                "else downwards (e.g. -20).",
                {"willr"}),
      make_spec("triple_ma_cross", g, L, {"value"}, triple_ma_cross,
                "fast MA on data-input, medium on value-input, slow on aux-input; or price on "
                "data-input (else close) alone (SMA 5/10/20)",
                std::string("fast > medium > slow holds on bar t but not on bar t-1 (bearish: "
                            "fast < medium < slow).") +
                    kDir),
      make_spec("ichimoku_cross", g, L | kNeedsBars, {"value"}, ichimoku_cross,
                "Tenkan on data-input and Kijun on value-input; or the bars alone",
                std::string("Tenkan crosses Kijun; with value-input not wired Tenkan = (HH9 + "
                            "LL9) / 2 and Kijun = (HH26 + LL26) / 2 of the bars.") +
                    kDir),
      make_spec("price_envelope_cross", g, L, {"value", "lookback", "percentageThreshold"},
                envelope_cross, "L on data-input (else close)",
                std::string("N = lookback if >= 2 else 20; bullish: L crosses above SMA_N(L) * "
                            "(1 + percentageThreshold/100); bearish: L crosses below SMA_N(L) * "
                            "(1 - percentageThreshold/100).") +
                    kDir),
  };
}

}  // namespace nocode::engine
