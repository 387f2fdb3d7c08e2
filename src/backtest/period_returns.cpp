// Calendar resampling of the equity curve and the annualization factor.
#include <algorithm>
#include <cmath>
#include <vector>

#include "backtest/statistics.h"
#include "backtest/time_format.h"
#include "data/timestamp.h"

namespace nocode::backtest {
namespace {

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// pandas: Series(index[-100:]).diff().dropna().median().
int64_t median_spacing(const int64_t* ts, size_t n) {
  const size_t from = n > 100 ? n - 100 : 0;
  std::vector<int64_t> d;
  for (size_t i = from + 1; i < n; ++i) d.push_back(ts[i] - ts[i - 1]);
  if (d.empty()) return 0;
  std::sort(d.begin(), d.end());
  const size_t m = d.size() / 2;
  if (d.size() % 2) return d[m];
  return static_cast<int64_t>((static_cast<double>(d[m - 1]) + static_cast<double>(d[m])) / 2);
}

int64_t day_of(int64_t ns) { return floor_div(ns, kNsPerDay); }

// Calendar bucket [begin, end) in days since 1970-01-01 holding `day`, for
// pandas' resample rule 'D', 'W' (weeks ending Sunday), 'ME' or 'YE'.
struct Bucket {
  int64_t begin, end;
  bool contains(int64_t day) const { return day >= begin && day < end; }
};

Bucket bucket_of(int64_t day, int freq_days) {
  int64_t first = day, last = day + 1;  // in days
  if (freq_days == 7) {  // 1970-01-05 was a Monday
    first = floor_div(day + 3, 7) * 7 - 3;
    last = first + 7;
  } else if (freq_days == 31 || freq_days == 365) {
    const CivilDate c = civil_from_days(day);
    const bool month = freq_days == 31;
    first = days_from_civil(c.year, month ? c.month : 1, 1);
    last = month ? (c.month == 12 ? days_from_civil(c.year + 1, 1, 1)
                                  : days_from_civil(c.year, c.month + 1, 1))
                 : days_from_civil(c.year + 1, 1, 1);
  }
  return {first, last};
}

// First ns of day `day + 1`, saturating (timestamps near int64's end).
int64_t day_end_ns(int64_t day) {
  constexpr int64_t kLastDay = INT64_MAX / kNsPerDay - 1;
  return day >= kLastDay ? INT64_MAX : (day + 1) * kNsPerDay;
}

// The first bar at or after `i + 1` whose timestamp is >= `end` (n if none).
// Timestamps increase, so an exponential then a binary search finds it in
// O(log(bars per day)) reads instead of one compare per bar.
size_t first_at_or_after(const int64_t* ts, size_t i, size_t n, int64_t end) {
  size_t lo = i + 1, step = 1, hi = n;  // bars in [i, lo) are before `end`
  while (lo + step - 1 < n) {
    const size_t probe = lo + step - 1;
    if (ts[probe] >= end) {
      hi = probe;
      break;
    }
    lo = probe + 1;
    step *= 2;
  }
  return static_cast<size_t>(
      std::partition_point(ts + lo, ts + hi, [end](int64_t t) { return t < end; }) - ts);
}

// Bars on Saturdays or Sundays, and the last equity of every non-empty
// calendar bucket of `rule`: one step per calendar day holding bars (the
// calendar is consulted once per day).
size_t scan_calendar(std::span<const double> equity, const int64_t* ts, int rule,
                     std::vector<double>& last) {
  const size_t n = equity.size();
  size_t weekend = 0;
  Bucket current{0, 0};
  for (size_t i = 0; i < n;) {
    const int64_t d = day_of(ts[i]);
    if (i == 0 || !current.contains(d)) {
      if (i > 0) last.push_back(equity[i - 1]);
      current = bucket_of(d, rule);
    }
    const size_t next = first_at_or_after(ts, i, n, day_end_ns(d));
    if (((d + 3) % 7 + 7) % 7 >= 5) weekend += next - i;  // Monday = 0
    i = next;
  }
  if (n > 0) last.push_back(equity[n - 1]);
  return weekend;
}

}  // namespace

PeriodReturns period_returns(std::span<const double> equity, const int64_t* ts) {
  PeriodReturns out;
  const size_t n = equity.size();
  out.data_period_ns = median_spacing(ts, n);
  const int freq_days = static_cast<int>(floor_div(out.data_period_ns, kNsPerDay));
  const int rule = (freq_days == 7 || freq_days == 31 || freq_days == 365) ? freq_days : 1;
  std::vector<double> last;  // last equity of each non-empty bucket
  const size_t weekend = scan_calendar(equity, ts, rule, last);
  const bool have_weekends = static_cast<double>(weekend) / static_cast<double>(n) > 2.0 / 7 * .6;
  out.periods_per_year = freq_days == 7     ? 52
                         : freq_days == 31  ? 12
                         : freq_days == 365 ? 1
                         : have_weekends    ? 365
                                            : 252;
  for (size_t k = 1; k < last.size(); ++k) {
    const double r = last[k] / last[k - 1] - 1;
    if (!std::isnan(r)) out.returns.push_back(r);
  }
  return out;
}

}  // namespace nocode::backtest
