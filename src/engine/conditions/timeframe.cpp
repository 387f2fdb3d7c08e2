// Timeframe conditions: L resampled by the bars' UTC timestamps to higher
// timeframes, using only completed higher-timeframe buckets (no look-ahead),
// plus seasonality and cycle timing.
#include <algorithm>
#include <cmath>

#include "data/frame.h"
#include "engine/conditions/groups.h"
#include "engine/conditions/series_ops.h"
#include "engine/conditions/timeframe_buckets.h"

namespace nocode::engine {
namespace {

using ops::ok;

Resampled resample_left(const ConditionInputs& in, Timeframe tf) {
  return resample(in.bars->timestamps().data(), ops::left_series(in), in.n, tf);
}

Timeframe htf(const ConditionParams& p) {
  auto tf = parse_timeframe(p.higher_timeframe);
  return tf.is_ok() ? tf.value() : Timeframe::k1h;  // checked by check_condition
}

// Direction d of the last completed bucket vs the one `back` buckets earlier.
bool htf_moves(const Resampled& r, size_t t, size_t back, double d, double min_pct = 0) {
  const size_t k = r.known[t];
  if (k <= back) return false;
  const double now = r.close[k - 1], then = r.close[k - 1 - back];
  if (!ok(now, then) || then == 0) return false;
  return d * 100.0 * (now - then) / std::fabs(then) > min_pct;
}

bool base_moves(const ConditionInputs& in, const ConditionParams& p, size_t t, double d) {
  const double* l = ops::left_series(in);
  return t >= static_cast<size_t>(p.lookback) && ok(l[t], l[t - p.lookback]) &&
         d * (l[t] - l[t - p.lookback]) > 0;
}

void htf_trend(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  static const double kPct[] = {0, 0.5, 1, 2};
  const double min_pct = kPct[std::max(0, ops::strength_index(p.trend_strength))];
  const Resampled r = resample_left(in, htf(p));
  for (size_t t = 0; t < in.n; ++t)
    out[t] = htf_moves(r, t, p.lookback, ops::direction(p), min_pct);
}

void multi_tf_alignment(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const Resampled r = resample_left(in, htf(p));
  const double d = ops::direction(p);
  for (size_t t = 0; t < in.n; ++t) out[t] = base_moves(in, p, t, d) && htf_moves(r, t, 1, d);
}

void weekly_monthly_bias(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const Resampled w = resample_left(in, Timeframe::k1w), m = resample_left(in, Timeframe::k1M);
  const double d = ops::direction(p);
  for (size_t t = 0; t < in.n; ++t) out[t] = htf_moves(w, t, 1, d) && htf_moves(m, t, 1, d);
}

void fractal_alignment(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const Resampled a = resample_left(in, htf(p)), b = resample_left(in, next_timeframe(htf(p)));
  const double d = ops::direction(p);
  for (size_t t = 0; t < in.n; ++t)
    out[t] = base_moves(in, p, t, d) && htf_moves(a, t, 1, d) && htf_moves(b, t, 1, d);
}

void seasonal_pattern(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const Resampled m = resample_left(in, Timeframe::k1M);
  const int64_t* time = in.bars->timestamps().data();
  double sum[12] = {0};
  int count[12] = {0};
  size_t used = 0;  // completed months already folded into sum/count
  for (size_t t = 0; t < in.n; ++t) {
    for (; used < m.known[t]; ++used) {
      if (used == 0 || m.bucket[used] != m.bucket[used - 1] + 1) continue;
      const double now = m.close[used], prev = m.close[used - 1];
      if (!ok(now, prev) || prev == 0) continue;
      const int moy = static_cast<int>(((m.bucket[used] % 12) + 12) % 12);
      sum[moy] += 100.0 * (now - prev) / std::fabs(prev);
      ++count[moy];
    }
    const int moy = month_of_year(time[t]) - 1;
    out[t] = count[moy] >= 2 && sum[moy] / count[moy] > p.value;
  }
}

void time_cycle_confluence(const ConditionInputs& in, const ConditionParams& p, uint8_t* out) {
  const auto piv = ops::zigzag(ops::left_series(in), in.n, p.percentage_threshold);
  const bool lows = ops::direction(p) > 0;  // bullish: a cycle low is due
  const double tol = std::max(1, p.lookback);
  std::vector<size_t> same, other;  // indices of pivots of the due kind / the other kind
  size_t k = 0;
  for (size_t t = 0; t < in.n; ++t) {
    for (; k < piv.size() && piv[k].confirmed <= t; ++k)
      (piv[k].high != lows ? same : other).push_back(piv[k].index);
    if (same.size() < 3 || other.size() < 2) continue;
    const size_t s = same.size(), o = other.size();
    const double cycle = (same[s - 1] - same[s - 3]) / 2.0;
    const double cycle2 = double(other[o - 1] - other[o - 2]);
    const double elapsed = double(t - same[s - 1]);
    out[t] = std::fabs(elapsed - cycle) <= tol && std::fabs(elapsed - cycle2) <= tol;
  }
}

}  // namespace

std::vector<ConditionSpec> timeframe_specs() {
  const std::string g = "timeframe", dir = " Sign of `value` = direction.";
  const unsigned LB = kNeedsLeft | kNeedsBars;
  const std::string lt = "L on data-input (else close); the bars' UTC timestamps";
  const std::string rule =
      "Higher-timeframe values are the last L of each completed UTC bucket (15m, 1h, 4h, 1d, "
      "1w from Monday 00:00, 1M calendar month); at bar t only buckets before the bucket of "
      "bar t count. ";
  return {
      make_spec(
          "higher_timeframe_trend", g, LB,
          {"value", "lookback", "higherTimeframe", "trendStrength"}, htf_trend, lt,
          rule +
              "The last completed higherTimeframe close is above the close `lookback` "
              "completed buckets earlier by more than 0% / 0.5% / 1% / 2% (trendStrength weak "
              ".. very_strong); bearish: below by more than that." +
              dir),
      make_spec("multi_tf_alignment", g, LB, {"value", "lookback", "higherTimeframe"},
                multi_tf_alignment, lt,
                rule +
                    "L[t] > L[t-lookback] and the last completed higherTimeframe close > the "
                    "one before it (bearish: both falling)." +
                    dir),
      make_spec("weekly_monthly_bias", g, LB, {"value"}, weekly_monthly_bias, lt,
                rule +
                    "The last completed weekly close > the previous weekly close and the last "
                    "completed monthly close > the previous monthly close (bearish: both lower)." +
                    dir),
      make_spec("fractal_alignment", g, LB, {"value", "lookback", "higherTimeframe"},
                fractal_alignment, lt,
                rule +
                    "Three timeframes agree: L[t] > L[t-lookback], and on higherTimeframe "
                    "and the next larger one (15m->1h->4h->1d->1w->1M) the last completed close > "
                    "the one before (bearish: all falling)." +
                    dir),
      make_spec("seasonal_pattern", g, LB, {"value"}, seasonal_pattern, lt,
                rule +
                    "Among completed calendar months with the same month of year as bar t, "
                    "the mean month-over-month change of L in percent is > `value`; needs at least "
                    "two such months of history."),
      make_spec("time_cycle_confluence", g, kNeedsLeft,
                {"value", "lookback", "percentageThreshold"}, time_cycle_confluence,
                "L on data-input (else close)",
                "Zig-zag of L with percentageThreshold% reversals. Bullish: bars since the last "
                "confirmed low are within max(1, lookback) bars of both the mean spacing of the "
                "last three confirmed lows and the spacing of the last two confirmed highs (two "
                "cycle estimates agree that a low is due); bearish: the same for highs." +
                    dir),
  };
}

}  // namespace nocode::engine
