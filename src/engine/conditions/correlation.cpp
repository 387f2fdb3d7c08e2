// Correlation conditions: L against a reference series on aux-input (a
// benchmark, sector or second symbol) — rolling return correlation and
// relative strength. Price bars of one symbol cannot provide the reference,
// so every kind here needs aux-input.
#include <cmath>

#include "engine/conditions/groups.h"
#include "engine/conditions/series_ops.h"

namespace nocode::engine {
namespace {

using ops::ok;

std::vector<double> returns(const double* x, size_t n) {
  std::vector<double> r(n, ops::kNaN);
  for (size_t t = 1; t < n; ++t)
    if (ok(x[t], x[t - 1]) && x[t - 1] != 0) r[t] = x[t] / x[t - 1] - 1;
  return r;
}

// Pearson correlation of the one-bar returns of L and aux over the P bars
// ending at t; NaN when incomplete or a series is flat.
std::vector<double> rolling_corr(const ConditionInputs& in, size_t period) {
  const auto a = returns(ops::left_series(in), in.n), b = returns(in.aux, in.n);
  std::vector<double> out(in.n, ops::kNaN);
  for (size_t t = period; t < in.n; ++t) {
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    bool bad = false;
    for (size_t i = t + 1 - period; i <= t; ++i) {
      bad = bad || !ok(a[i], b[i]);
      sa += a[i], sb += b[i], saa += a[i] * a[i], sbb += b[i] * b[i], sab += a[i] * b[i];
    }
    const double va = period * saa - sa * sa, vb = period * sbb - sb * sb;
    if (!bad && va > 0 && vb > 0) out[t] = (period * sab - sa * sb) / std::sqrt(va * vb);
  }
  return out;
}

void strength(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const auto rho = rolling_corr(in, p.correlation_period);
  const double thr = p.correlation_threshold;
  for (size_t t = 0; t < in.n; ++t)
    out[t] = ok(rho[t]) && (thr >= 0 ? rho[t] >= thr : rho[t] <= thr);
}

void divergence(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const auto rho = rolling_corr(in, p.correlation_period);
  const double* l = ops::left_series(in);
  const size_t s = ops::window(p, 5);
  for (size_t t = s; t < in.n; ++t) {
    const double dl = l[t] - l[t - s], da = in.aux[t] - in.aux[t - s];
    out[t] = ok(rho[t - s]) && ok(dl, da) && rho[t - s] >= std::fabs(p.correlation_threshold) &&
             dl * da < 0;
  }
}

void sector_rotation(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  std::vector<double> ratio(in.n, ops::kNaN);
  for (size_t t = 0; t < in.n; ++t)
    if (ok(l[t], in.aux[t]) && in.aux[t] != 0) ratio[t] = l[t] / in.aux[t];
  const auto avg = ops::sma(ratio.data(), in.n, p.correlation_period);
  for (size_t t = 1; t < in.n; ++t)
    out[t] = ops::direction(p) > 0 ? ops::crosses_above(ratio[t - 1], ratio[t], avg[t - 1], avg[t])
                                   : ops::crosses_below(ratio[t - 1], ratio[t], avg[t - 1], avg[t]);
}

void regime_change(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const auto rho = rolling_corr(in, p.correlation_period);
  const double thr = p.correlation_threshold;
  for (size_t t = 1; t < in.n; ++t)
    out[t] = ok(rho[t], rho[t - 1]) && ((rho[t - 1] <= thr) != (rho[t] <= thr));
}

}  // namespace

std::vector<ConditionSpec> correlation_specs() {
  const std::string g = "correlation";
  const unsigned LA = kNeedsLeft | kNeedsAux;
  const std::string la = "L on data-input (else close); reference series on aux-input";
  const std::string rho =
      "rho[t] = Pearson correlation of the one-bar returns of L and aux over the "
      "correlationPeriod bars ending at t; ";
  return {
      make_spec("correlation_strength", g, LA, {"correlationPeriod", "correlationThreshold"},
                strength, la,
                rho + "rho[t] >= correlationThreshold (a negative threshold asks rho[t] <= it)."),
      make_spec("correlation_divergence", g, LA,
                {"lookback", "correlationPeriod", "correlationThreshold"}, divergence, la,
                rho + "S = lookback if >= 2 else 5; rho[t-S] >= |correlationThreshold| (normally "
                      "correlated) and L[t] - L[t-S] and aux[t] - aux[t-S] have opposite signs."),
      make_spec("sector_rotation", g, LA, {"value", "correlationPeriod"}, sector_rotation,
                "L on data-input (else close); the benchmark or sector series on aux-input",
                "Relative strength RS = L / aux; bullish (money rotating into L): RS crosses "
                "above SMA_P(RS), P = correlationPeriod; bearish: crosses below. Sign of `value` "
                "= direction."),
      make_spec("market_regime_change", g, LA, {"correlationPeriod", "correlationThreshold"},
                regime_change, la,
                rho + "rho crosses correlationThreshold in either direction between bars t-1 and "
                      "t ((rho[t-1] <= threshold) != (rho[t] <= threshold))."),
  };
}

}  // namespace nocode::engine
