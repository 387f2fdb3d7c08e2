// Comparison conditions: L against R bar by bar, and L's change / statistic
// against R (value-input or `value`).
#include <algorithm>
#include <cmath>
#include <functional>

#include "engine/conditions/groups.h"
#include "engine/conditions/series_ops.h"

namespace nocode::engine {
namespace {

using ops::ok;

bool nearly_equal(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

template <typename Op>
void compare(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  for (size_t t = 0; t < in.n; ++t) {
    const double a = l[t], b = ops::right_at(in, p, t);
    out[t] = ok(a, b) && Op{}(a, b);
  }
}

struct Equal {
  bool operator()(double a, double b) const { return nearly_equal(a, b); }
};
struct NotEqual {
  bool operator()(double a, double b) const { return !nearly_equal(a, b); }
};

void in_range(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  for (size_t t = 0; t < in.n; ++t) out[t] = ok(l[t]) && p.value <= l[t] && l[t] <= p.value2;
}

void outside_range(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  for (size_t t = 0; t < in.n; ++t) out[t] = ok(l[t]) && (l[t] < p.value || l[t] > p.value2);
}

// Calls f(t, now, then) for bars with both L[t] and L[t-lookback] present.
template <typename F>
void over_lookback(const ConditionInputs& in, const ConditionParams& p, uint8_t* out, F f) {
  const double* l = ops::left_series(in);
  for (size_t t = p.lookback; t < in.n; ++t)
    if (ok(l[t], l[t - p.lookback])) out[t] = f(t, l[t], l[t - p.lookback]);
}

void percentage_change(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  over_lookback(in, p, out, [&](size_t, double now, double then) {
    if (then == 0) return false;
    const double pct = 100.0 * (now - then) / std::fabs(then);
    return ops::direction(p) > 0 ? pct >= p.percentage_threshold : pct <= -p.percentage_threshold;
  });
}

void rate_of_change(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  over_lookback(in, p, out, [&](size_t t, double now, double then) {
    const double r = ops::right_at(in, p, t);
    return then != 0 && ok(r) && 100.0 * (now - then) / std::fabs(then) > r;
  });
}

void absolute_change(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  over_lookback(in, p, out, [&](size_t t, double now, double then) {
    const double r = ops::right_at(in, p, t);
    return ok(r) && std::fabs(now - then) > r;
  });
}

// Calls f(t, l, mean, sd) over an N-bar window (N = lookback if >= 2, else 20).
template <typename F>
void over_window(const ConditionInputs& in, const ConditionParams& p, uint8_t* out, F f) {
  const double* l = ops::left_series(in);
  const int w = ops::window(p, 20);
  const auto mean = ops::sma(l, in.n, w);
  const auto sd = ops::rolling_sd(l, in.n, w);
  for (size_t t = 0; t < in.n; ++t) {
    const double r = ops::right_at(in, p, t);
    if (ok(l[t], r) && ok(mean[t], sd[t])) out[t] = f(t, l[t], mean[t], sd[t], r);
  }
}

void z_score(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  over_window(in, p, out, [](size_t, double x, double m, double sd, double r) {
    return sd > 0 && (x - m) / sd > r;
  });
}

void ma_deviation(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  over_window(in, p, out, [](size_t, double x, double m, double, double r) {
    return m != 0 && 100.0 * (x - m) / std::fabs(m) > r;
  });
}

void bollinger_position(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  over_window(in, p, out, [](size_t, double x, double m, double sd, double r) {
    return sd > 0 && (x - (m - 2 * sd)) / (4 * sd) > r;
  });
}

void percentile_rank(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  const size_t w = ops::window(p, 20);
  for (size_t t = w - 1; t < in.n; ++t) {
    const double r = ops::right_at(in, p, t);
    if (!ok(l[t], r)) continue;
    size_t below = 0;
    bool bad = false;
    for (size_t i = t + 1 - w; i <= t; ++i) {
      bad = bad || !ok(l[i]);
      below += l[i] <= l[t];
    }
    out[t] = !bad && 100.0 * below / w > r;
  }
}

void sd_multiple(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  const size_t w = ops::window(p, 20);
  std::vector<double> d(in.n, ops::kNaN);
  for (size_t t = 1; t < in.n; ++t) d[t] = l[t] - l[t - 1];
  const auto sd = ops::rolling_sd(d.data(), in.n, static_cast<int>(w));
  for (size_t t = w + 1; t < in.n; ++t)
    out[t] = ok(d[t], sd[t - 1]) && sd[t - 1] > 0 &&
             std::fabs(d[t]) >= p.volatility_multiplier * sd[t - 1];
}

void keltner_position(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const double* l = ops::left_series(in);
  const int w = ops::window(p, 20);
  const auto mid = ops::ema(l, in.n, w);
  const auto atr = ops::indicator(in, "atr", {{"period", w}});
  if (atr.size() != in.n) return;
  for (size_t t = 0; t < in.n; ++t) {
    const double r = ops::right_at(in, p, t);
    if (ok(l[t], r) && ok(mid[t], atr[t]) && atr[t] > 0)
      out[t] = (l[t] - (mid[t] - 2 * atr[t])) / (4 * atr[t]) > r;
  }
}

const char* kLR = "L on data-input (else close); R on value-input, else `value`";
const char* kLV = "L on data-input (else close); `value`, `value2`";

}  // namespace

std::vector<ConditionSpec> comparison_specs() {
  const std::string g = "comparison";
  const unsigned L = kNeedsLeft;
  const std::vector<std::string> vr = {"value"};
  const std::vector<std::string> lb = {"value", "lookback"};
  return {
      make_spec("greater_than", g, L, vr, compare<std::greater<double>>, kLR, "L[t] > R[t].", {},
                {"gt", ">"}),
      make_spec("less_than", g, L, vr, compare<std::less<double>>, kLR, "L[t] < R[t].", {},
                {"lt", "<"}),
      make_spec("equal_to", g, L, vr, compare<Equal>, kLR,
                "|L[t] - R[t]| <= 1e-9 * max(1, |L[t]|, |R[t]|) (equal up to rounding).", {},
                {"==", "equal", "equals"}),
      make_spec("not_equal", g, L, vr, compare<NotEqual>, kLR,
                "Not equal_to, on bars where both L[t] and R[t] are numbers.", {}, {"!="}),
      make_spec("greater_equal", g, L, vr, compare<std::greater_equal<double>>, kLR,
                "L[t] >= R[t].", {}, {"greater_than_equal", "greater_or_equal", ">="}),
      make_spec("less_equal", g, L, vr, compare<std::less_equal<double>>, kLR, "L[t] <= R[t].", {},
                {"less_than_equal", "less_or_equal", "<="}),
      make_spec("range", g, L, {"value", "value2"}, in_range, kLV,
                "value <= L[t] <= value2 (both bounds inclusive; value-input is not read).", {},
                {"between"}),
      make_spec("outside_range", g, L, {"value", "value2"}, outside_range, kLV,
                "L[t] < value or L[t] > value2."),
      make_spec("percentage_change", g, L, {"value", "lookback", "percentageThreshold"},
                percentage_change, "L on data-input (else close); sign of `value` = direction",
                "pct = 100 * (L[t] - L[t-lookback]) / |L[t-lookback]|; value >= 0: pct >= "
                "percentageThreshold; value < 0: pct <= -percentageThreshold."),
      make_spec("rate_of_change", g, L, lb, rate_of_change, kLR,
                "100 * (L[t] - L[t-lookback]) / |L[t-lookback]| > R[t]."),
      make_spec("absolute_change", g, L, lb, absolute_change, kLR,
                "|L[t] - L[t-lookback]| > R[t]."),
      make_spec("z_score", g, L, lb, z_score, kLR,
                "N = lookback if >= 2 else 20; (L[t] - SMA_N(L)[t]) / SD_N(L)[t] > R[t] "
                "(population SD over the N bars ending at t; SD 0 -> false)."),
      make_spec("percentile_rank", g, L, lb, percentile_rank, kLR,
                "N = lookback if >= 2 else 20; 100 * #{i in [t-N+1, t] : L[i] <= L[t]} / N > "
                "R[t]."),
      make_spec("moving_average_deviation", g, L, lb, ma_deviation, kLR,
                "N = lookback if >= 2 else 20; 100 * (L[t] - SMA_N(L)[t]) / |SMA_N(L)[t]| > R[t] "
                "(percent above the moving average)."),
      make_spec("standard_deviation_multiple", g, L, {"lookback", "volatilityMultiplier"},
                sd_multiple, "L on data-input (else close)",
                "N = lookback if >= 2 else 20; d[t] = L[t] - L[t-1]; |d[t]| >= "
                "volatilityMultiplier * SD_N(d)[t-1] (a move larger than k standard deviations "
                "of the previous N one-bar changes)."),
      make_spec("bollinger_position", g, L, lb, bollinger_position, kLR,
                "N = lookback if >= 2 else 20; bands SMA_N(L) +/- 2 SD_N(L) computed from L; "
                "%B = (L[t] - lower) / (upper - lower) > R[t] (0 = lower band, 1 = upper band)."),
      make_spec("keltner_position", g, L | kNeedsBars, lb, keltner_position,
                "L on data-input (else close); R on value-input, else `value`; bars for ATR",
                "N = lookback if >= 2 else 20; channel EMA_N(L) +/- 2 ATR_N(bars); "
                "(L[t] - lower) / (upper - lower) > R[t].",
                {"atr"}),
  };
}

}  // namespace nocode::engine
