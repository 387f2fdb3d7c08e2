// Volatility conditions: realised volatility of L, true range against ATR,
// Bollinger / Keltner squeezes, and a VIX-like series on aux-input.
#include <cmath>

#include "engine/conditions/groups.h"
#include "engine/conditions/series_ops.h"

namespace nocode::engine {
namespace {

using ops::ok;

// Population SD of one-bar returns L[t]/L[t-1] - 1 over P bars ending at t.
std::vector<double> realised_vol(const ConditionInputs& in, int period) {
  const double* l = ops::left_series(in);
  std::vector<double> r(in.n, ops::kNaN);
  for (size_t t = 1; t < in.n; ++t)
    if (ok(l[t], l[t - 1]) && l[t - 1] != 0) r[t] = l[t] / l[t - 1] - 1;
  return ops::rolling_sd(r.data(), in.n, period);
}

void vol_change(const ConditionInputs& in, const ConditionParams& p, int sign, uint8_t* out) {
  const auto v = realised_vol(in, p.volatility_period);
  const size_t k = p.volatility_period;
  const double f = 1 + sign * p.percentage_threshold / 100.0;
  for (size_t t = k; t < in.n; ++t)
    out[t] = ok(v[t], v[t - k]) && (sign > 0 ? v[t] >= f * v[t - k] : v[t] <= f * v[t - k]);
}
void expansion(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  vol_change(in, p, 1, out);
}
void contraction(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  vol_change(in, p, -1, out);
}

void atr_multiple(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const auto tr = ops::indicator(in, "trange", {});
  const auto atr = ops::indicator(in, "atr", {{"period", p.volatility_period}});
  if (tr.size() != in.n || atr.size() != in.n) return;
  for (size_t t = 1; t < in.n; ++t)
    out[t] =
        ok(tr[t], atr[t - 1]) && atr[t - 1] > 0 && tr[t] >= p.volatility_multiplier * atr[t - 1];
}

void vix_level(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  for (size_t t = 0; t < in.n; ++t) {
    const double r = ops::right_at(in, p, t);
    out[t] = ok(in.aux[t], r) && in.aux[t] > r;
  }
}

void bollinger_squeeze(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  const int per = p.volatility_period;
  const auto mid = ops::sma(l, in.n, per);
  const auto sd = ops::rolling_sd(l, in.n, per);
  std::vector<double> bbw(in.n, ops::kNaN);
  for (size_t t = 0; t < in.n; ++t)
    if (ok(mid[t], sd[t]) && mid[t] != 0) bbw[t] = 4 * sd[t] / std::fabs(mid[t]);
  const long w = 6L * per;
  for (long t = w; t < static_cast<long>(in.n); ++t) {
    const double lo = ops::range_min(bbw.data(), t - w, t - 1);
    out[t] = ok(bbw[t], lo) && bbw[t] <= lo;
  }
}

void keltner_squeeze(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  const int per = p.volatility_period;
  const auto mid = ops::sma(l, in.n, per);
  const auto sd = ops::rolling_sd(l, in.n, per);
  const auto kmid = ops::ema(l, in.n, per);
  const auto atr = ops::indicator(in, "atr", {{"period", per}});
  if (atr.size() != in.n) return;
  for (size_t t = 0; t < in.n; ++t) {
    if (!ok(mid[t], sd[t]) || !ok(kmid[t], atr[t])) continue;
    const double k = p.volatility_multiplier * atr[t];
    out[t] = mid[t] + 2 * sd[t] < kmid[t] + k && mid[t] - 2 * sd[t] > kmid[t] - k;
  }
}

}  // namespace

std::vector<ConditionSpec> volatility_specs() {
  const std::string g = "volatility";
  const std::string l = "L on data-input (else close)";
  const std::string vol =
      "P = volatilityPeriod; sigma[t] = population SD of the one-bar returns L[i]/L[i-1] - 1 "
      "over the P bars ending at t; ";
  return {
      make_spec("volatility_expansion", g, kNeedsLeft, {"volatilityPeriod", "percentageThreshold"},
                expansion, l, vol + "sigma[t] >= sigma[t-P] * (1 + percentageThreshold/100)."),
      make_spec("volatility_contraction", g, kNeedsLeft,
                {"volatilityPeriod", "percentageThreshold"}, contraction, l,
                vol + "sigma[t] <= sigma[t-P] * (1 - percentageThreshold/100)."),
      make_spec("atr_multiple", g, kNeedsBars, {"volatilityPeriod", "volatilityMultiplier"},
                atr_multiple, "the bars' high, low, close",
                "TRANGE[t] >= volatilityMultiplier * ATR(volatilityPeriod)[t-1] (a bar wider "
                "than k average true ranges).",
                {"trange", "atr"}),
      make_spec("vix_level", g, kNeedsAux, {"value"}, vix_level,
                "a VIX (or other volatility index) series on aux-input; R on value-input, else "
                "`value`",
                "aux[t] > R[t]. Price bars cannot provide VIX, so aux-input must be wired."),
      make_spec("bollinger_squeeze", g, kNeedsLeft, {"volatilityPeriod"}, bollinger_squeeze, l,
                "P = volatilityPeriod; bandwidth BBW[t] = 4 SD_P(L) / |SMA_P(L)| (Bollinger "
                "bands at 2 SD); BBW[t] <= min(BBW[t-6P..t-1]) (narrowest bands of the last 6P "
                "bars)."),
      make_spec("keltner_squeeze", g, kNeedsLeft | kNeedsBars,
                {"volatilityPeriod", "volatilityMultiplier"}, keltner_squeeze,
                "L on data-input (else close); the bars for ATR",
                "P = volatilityPeriod; Bollinger bands SMA_P(L) +/- 2 SD_P(L) lie strictly inside "
                "the Keltner channel EMA_P(L) +/- volatilityMultiplier * ATR_P(bars) (the TTM "
                "squeeze).",
                {"atr"}),
  };
}

}  // namespace nocode::engine
