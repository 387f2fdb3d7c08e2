// Volume conditions on the bars: volume against its average, and volume
// indicators (OBV, A/D, MFI, PVT, ADOSC, EMV) from the indicator registry.
#include <cmath>

#include "engine/conditions/groups.h"
#include "engine/conditions/series_ops.h"

namespace nocode::engine {
namespace {

using ops::ok;

// Mean of v over the P bars before t (NaN if incomplete).
double prior_mean(const double* v, size_t t, size_t period) {
  if (t < period) return ops::kNaN;
  double s = 0;
  for (size_t i = t - period; i < t; ++i) s += v[i];
  return s / period;
}

void volume_spike(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* v = ops::bars_of(in).volume;
  for (size_t t = 0; t < in.n; ++t) {
    const double m = prior_mean(v, t, p.volume_period);
    out[t] = ok(v[t], m) && m > 0 && v[t] >= p.volume_threshold * m;
  }
}

void volume_dry_up(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* v = ops::bars_of(in).volume;
  for (size_t t = 0; t < in.n; ++t) {
    const double m = prior_mean(v, t, p.volume_period);
    out[t] = ok(v[t], m) && m > 0 && p.volume_threshold > 0 && v[t] <= m / p.volume_threshold;
  }
}

// Indicator line vs its SMA over volumePeriod: above (bullish) / below.
void line_vs_average(const ConditionInputs& in, const ConditionParams& p, const char* name,
                     uint8_t* out) {
  const auto x = ops::indicator(in, name, {});
  if (x.size() != in.n) return;
  const auto avg = ops::sma(x.data(), in.n, p.volume_period);
  const int d = ops::direction(p);
  for (size_t t = 0; t < in.n; ++t) out[t] = ok(x[t], avg[t]) && d * (x[t] - avg[t]) > 0;
}
void obv(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  line_vs_average(in, p, "obv", out);
}
void ad(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  line_vs_average(in, p, "ad", out);
}
void pvt(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  line_vs_average(in, p, "pvt", out);
}

void mfi(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const auto x = ops::indicator(in, "mfi", {{"period", 14}});
  if (x.size() != in.n) return;
  const double level = p.value != 0 ? p.value : 20;
  for (size_t t = 0; t < in.n; ++t) out[t] = ok(x[t]) && (level < 50 ? x[t] < level : x[t] > level);
}

// Indicator `name` > R[t].
void above_r(const ConditionInputs& in, const ConditionParams& p, const char* name,
             const std::vector<std::pair<std::string, double>>& params, uint8_t* out) {
  const auto x = ops::indicator(in, name, params);
  if (x.size() != in.n) return;
  for (size_t t = 0; t < in.n; ++t) {
    const double r = ops::right_at(in, p, t);
    out[t] = ok(x[t], r) && x[t] > r;
  }
}
void adosc(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  above_r(in, p, "adosc", {{"fast_period", 3}, {"slow_period", 10}}, out);
}
void emv(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  above_r(in, p, "emv", {{"period", 14}}, out);
}

}  // namespace

std::vector<ConditionSpec> volume_specs() {
  const std::string g = "volume", dir = " Sign of `value` = direction.";
  const unsigned B = kNeedsBars;
  const std::string bars = "the bars' OHLCV (data-input is not read)";
  const std::string br = "the bars' OHLCV; R on value-input, else `value`";
  const std::vector<std::string> vp = {"value", "volumePeriod"};
  return {
      make_spec("volume_spike", g, B, {"volumeThreshold", "volumePeriod"}, volume_spike, bars,
                "V[t] >= volumeThreshold * mean(V[t-P..t-1]), P = volumePeriod."),
      make_spec("volume_dry_up", g, B, {"volumeThreshold", "volumePeriod"}, volume_dry_up, bars,
                "V[t] <= mean(V[t-P..t-1]) / volumeThreshold, P = volumePeriod."),
      make_spec("on_balance_volume", g, B, vp, obv, bars,
                "OBV[t] > SMA_P(OBV)[t], P = volumePeriod (bearish: below)." + dir, {"obv"}),
      make_spec("accumulation_distribution", g, B, vp, ad, bars,
                "Chaikin A/D line[t] > SMA_P(A/D)[t], P = volumePeriod (bearish: below)." + dir,
                {"ad"}),
      make_spec("money_flow_index", g, B, {"value"}, mfi, bars,
                "MFI(14) compared with the level `value` (0, the form default, means 20): MFI < "
                "value when value < 50 (oversold), MFI > value otherwise (overbought).",
                {"mfi"}),
      make_spec("volume_price_trend", g, B, vp, pvt, bars,
                "PVT[t] > SMA_P(PVT)[t], P = volumePeriod (bearish: below)." + dir, {"pvt"}),
      make_spec("chaikin_oscillator", g, B, {"value"}, adosc, br, "ADOSC(3, 10)[t] > R[t].",
                {"adosc"}),
      make_spec("ease_of_movement", g, B, {"value"}, emv, br,
                "EMV(14) (ease of movement, volume divisor 1e8, 14-bar SMA)[t] > R[t].", {"emv"}),
  };
}

}  // namespace nocode::engine
