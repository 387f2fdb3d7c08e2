// Trend conditions: direction, strength and shape of L (or of the bars via
// ADX, Parabolic SAR, Aroon) over a look-back.
#include <algorithm>
#include <cmath>

#include "engine/conditions/groups.h"
#include "engine/conditions/series_ops.h"

namespace nocode::engine {
namespace {

using ops::ok;

void rising(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  for (size_t t = p.lookback; t < in.n; ++t)
    out[t] = ok(l[t], l[t - p.lookback]) && l[t] > l[t - p.lookback];
}

void falling(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  for (size_t t = p.lookback; t < in.n; ++t)
    out[t] = ok(l[t], l[t - p.lookback]) && l[t] < l[t - p.lookback];
}

void sideways(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  const size_t w = ops::window(p, 20);
  const auto mean = ops::sma(l, in.n, static_cast<int>(w));
  for (size_t t = w - 1; t < in.n; ++t) {
    const double hi = ops::range_max(l, t + 1 - w, t), lo = ops::range_min(l, t + 1 - w, t);
    out[t] = ok(hi, lo) && ok(mean[t]) && mean[t] != 0 &&
             100.0 * (hi - lo) / std::fabs(mean[t]) <= p.percentage_threshold;
  }
}

// Least-squares line over x[t-w+1..t]: slope and r^2 (NaN if undefined).
void line_fit(const double* x, size_t t, size_t w, double& slope, double& r2) {
  double sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
  slope = r2 = ops::kNaN;
  for (size_t j = 0; j < w; ++j) {
    const double y = x[t + 1 - w + j];
    if (!ok(y)) return;
    sx += j, sy += y, sxy += j * y, sxx += double(j) * j, syy += y * y;
  }
  const double dx = w * sxx - sx * sx, dy = w * syy - sy * sy, c = w * sxy - sx * sy;
  slope = c / dx;
  r2 = dy > 0 ? c * c / (dx * dy) : 0;
}

void trend_strength(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  static const double kR2[] = {0.3, 0.5, 0.7, 0.85};
  const double* l = ops::left_series(in);
  const size_t w = ops::window(p, 20);
  const double need = kR2[std::max(0, ops::strength_index(p.trend_strength))];
  for (size_t t = w - 1; t < in.n; ++t) {
    double slope, r2;
    line_fit(l, t, w, slope, r2);
    out[t] = ok(slope, r2) && r2 >= need && ops::direction(p) * slope > 0;
  }
}

// 100 * (x[t] / x[t-k] - 1), NaN where undefined.
std::vector<double> roc(const double* x, size_t n, size_t k) {
  std::vector<double> r(n, ops::kNaN);
  for (size_t t = k; t < n; ++t)
    if (ok(x[t], x[t - k]) && x[t - k] != 0) r[t] = 100.0 * (x[t] - x[t - k]) / std::fabs(x[t - k]);
  return r;
}

void momentum_change(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const size_t k = ops::window(p, 10);
  const auto r = roc(ops::left_series(in), in.n, k);
  const int d = ops::direction(p);
  for (size_t t = 1; t < in.n; ++t)
    out[t] = ok(r[t], r[t - 1]) && d * (r[t] - r[t - 1]) >= p.percentage_threshold;
}

void trend_acceleration(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const size_t k = ops::window(p, 10);
  const auto r = roc(ops::left_series(in), in.n, k);
  const int d = ops::direction(p);
  for (size_t t = k; t < in.n; ++t)
    out[t] = ok(r[t], r[t - k]) && d * r[t] > 0 && d * (r[t] - r[t - k]) >= p.percentage_threshold;
}

void adx_trend(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const auto adx = ops::indicator(in, "adx", {{"period", 14}});
  const auto pdi = ops::indicator(in, "plus_di", {{"period", 14}});
  const auto mdi = ops::indicator(in, "minus_di", {{"period", 14}});
  if (adx.size() != in.n || pdi.size() != in.n || mdi.size() != in.n) return;
  const double need = ops::adx_threshold(p);
  const int d = ops::direction(p);
  for (size_t t = 0; t < in.n; ++t)
    out[t] = ok(adx[t]) && ok(pdi[t], mdi[t]) && adx[t] >= need && d * (pdi[t] - mdi[t]) > 0;
}

void trend_exhaustion(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const auto adx = ops::indicator(in, "adx", {{"period", 14}});
  if (adx.size() != in.n) return;
  const double need = ops::adx_threshold(p);
  for (size_t t = 2; t < in.n; ++t)
    out[t] = ok(adx[t], adx[t - 1]) && ok(adx[t - 2]) && adx[t - 1] >= need &&
             adx[t] < adx[t - 1] && adx[t - 1] >= adx[t - 2];
}

void parabolic_sar(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const auto sar = ops::indicator(in, "sar", {});
  const double* c = ops::bars_of(in).close;
  if (sar.size() != in.n || !c) return;
  for (size_t t = 0; t < in.n; ++t)
    out[t] = ok(sar[t], c[t]) && ops::direction(p) * (c[t] - sar[t]) > 0;
}

void aroon_trend(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const auto down = ops::indicator(in, "aroon", {{"period", 25}}, 0);
  const auto up = ops::indicator(in, "aroon", {{"period", 25}}, 1);
  if (down.size() != in.n || up.size() != in.n) return;
  const bool bull = ops::direction(p) > 0;
  for (size_t t = 0; t < in.n; ++t)
    out[t] =
        ok(up[t], down[t]) && (bull ? up[t] >= 70 && down[t] <= 30 : down[t] >= 70 && up[t] <= 30);
}

void linreg_slope(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  const auto s = ops::indicator(in, "linearreg_slope", {{"period", ops::window(p, 14)}}, 0, l);
  if (s.size() != in.n) return;
  for (size_t t = 0; t < in.n; ++t) {
    const double r = ops::right_at(in, p, t);
    out[t] = ok(s[t], r) && s[t] > r;
  }
}

// Slope at bar t of the least-squares parabola through x[t-w+1..t].
double parabola_slope(const double* x, size_t t, size_t w) {
  const double c0 = (w - 1) / 2.0;  // centred abscissa: sums of odd powers vanish
  double sxx = 0, sx4 = 0, sy = 0, sxy = 0, sx2y = 0;
  for (size_t j = 0; j < w; ++j) {
    const double u = j - c0, y = x[t + 1 - w + j];
    if (!ok(y)) return ops::kNaN;
    sxx += u * u, sx4 += u * u * u * u, sy += y, sxy += u * y, sx2y += u * u * y;
  }
  const double b = sxy / sxx, c = (w * sx2y - sxx * sy) / (w * sx4 - sxx * sxx);
  return b + 2 * c * c0;
}

void polynomial_trend(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  const size_t w = std::max(3, ops::window(p, 20));
  for (size_t t = w - 1; t < in.n; ++t) {
    const double s = parabola_slope(l, t, w), r = ops::right_at(in, p, t);
    out[t] = ok(s, r) && s > r;
  }
}

}  // namespace

std::vector<ConditionSpec> trend_specs() {
  const std::string g = "trend", dir = " Sign of `value` = direction.";
  const unsigned L = kNeedsLeft, B = kNeedsBars;
  const std::string l = "L on data-input (else close)";
  const std::string lr = "L on data-input (else close); R on value-input, else `value`";
  const std::string bars = "the bars (data-input is not read)";
  return {
      make_spec("rising", g, L, {"lookback"}, rising, l, "L[t] > L[t-lookback]."),
      make_spec("falling", g, L, {"lookback"}, falling, l, "L[t] < L[t-lookback]."),
      make_spec("sideways", g, L, {"lookback", "percentageThreshold"}, sideways, l,
                "N = lookback if >= 2 else 20; 100 * (max - min) / |mean| of L over the N bars "
                "ending at t <= percentageThreshold."),
      make_spec("trend_strength", g, L, {"value", "lookback", "trendStrength"}, trend_strength, l,
                "N = lookback if >= 2 else 20; least-squares line through the last N values of "
                "L: r^2 >= 0.3 / 0.5 / 0.7 / 0.85 (weak / moderate / strong / very_strong) and "
                "slope > 0 (bearish: < 0)." +
                    dir),
      make_spec("momentum_change", g, L, {"value", "lookback", "percentageThreshold"},
                momentum_change, l,
                "K = lookback if >= 2 else 10; ROC[t] = 100 * (L[t] / L[t-K] - 1); ROC[t] - "
                "ROC[t-1] >= percentageThreshold (bearish: <= -percentageThreshold)." +
                    dir),
      make_spec("adx_trend", g, B, {"value", "trendStrength"}, adx_trend, bars,
                "ADX(14) >= 20 / 25 / 35 / 50 (weak / moderate / strong / very_strong) and "
                "+DI(14) > -DI(14) (bearish: -DI > +DI)." +
                    dir,
                {"adx", "plus_di", "minus_di"}),
      make_spec("parabolic_sar", g, B, {"value"}, parabolic_sar, bars,
                "close > SAR(0.02, 0.2) (bearish: close < SAR)." + dir, {"sar"}),
      make_spec("aroon_trend", g, B, {"value"}, aroon_trend, bars,
                "Aroon(25): Up >= 70 and Down <= 30 (bearish: Down >= 70 and Up <= 30)." + dir,
                {"aroon"}),
      make_spec("linear_regression_slope", g, L, {"value", "lookback"}, linreg_slope, lr,
                "N = lookback if >= 2 else 14; LINEARREG_SLOPE(L, N)[t] > R[t].",
                {"linearreg_slope"}),
      make_spec("polynomial_trend", g, L, {"value", "lookback"}, polynomial_trend, lr,
                "N = max(3, lookback if >= 2 else 20); least-squares parabola through the last N "
                "values of L; its slope at bar t (per bar) > R[t]."),
      make_spec("trend_acceleration", g, L,
                {"value", "lookback", "percentageThreshold", "trendStrength"}, trend_acceleration,
                l,
                "K = lookback if >= 2 else 10; ROC_K[t] = 100 * (L[t] / L[t-K] - 1); ROC_K[t] > 0 "
                "and ROC_K[t] - ROC_K[t-K] >= percentageThreshold (bearish: ROC_K[t] < 0 and the "
                "difference <= -percentageThreshold)." +
                    dir),
      make_spec("trend_exhaustion", g, B, {"trendStrength"}, trend_exhaustion, bars,
                "ADX(14) turns down from at or above the trendStrength threshold (20 / 25 / 35 / "
                "50): ADX[t-1] >= threshold, ADX[t] < ADX[t-1] and ADX[t-1] >= ADX[t-2] "
                "(either trend direction).",
                {"adx"}),
      make_spec("elliott_wave_count", g, L, {"value", "percentageThreshold"}, elliott_wave, l,
                "Proxy: zig-zag of L with percentageThreshold% reversals; true while the last six "
                "confirmed pivots p0..p5 form a 5-wave impulse: p0 low, p1 high, ... p5 high, "
                "p2 > p0, p3 > p1, p4 > p1 (wave 4 does not overlap wave 1), p5 > p3, and wave 3 "
                "(p3 - p2) is not the shortest of waves 1, 3, 5 (bearish: mirrored)." +
                    dir),
      make_spec("wyckoff_phase", g, L, {"value", "structureLookback", "percentageThreshold"},
                wyckoff_phase, l,
                "Proxy: W = structureLookback, H = W / 2; accumulation: L fell by >= "
                "percentageThreshold% from bar t-W+1 to bar t-H (markdown) and 100 * (max - min) "
                "/ min of L over the last H bars <= percentageThreshold (trading range); "
                "distribution (bearish): a rise of >= percentageThreshold% then the same "
                "range." +
                    dir),
  };
}

}  // namespace nocode::engine
