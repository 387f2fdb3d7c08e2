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

// Calendar bucket of a timestamp for pandas' resample rule 'D', 'W' (weeks
// ending Sunday), 'ME' or 'YE'.
int64_t bucket(int64_t ns, int freq_days) {
  const int64_t day = floor_div(ns, kNsPerDay);
  if (freq_days == 7) return floor_div(day + 3, 7);  // 1970-01-05 was a Monday
  if (freq_days == 31 || freq_days == 365) {
    const CivilDate c = civil_from_days(day);
    return freq_days == 31 ? c.year * 12 + c.month : c.year;
  }
  return day;
}

}  // namespace

PeriodReturns period_returns(std::span<const double> equity, const int64_t* ts) {
  PeriodReturns out;
  const size_t n = equity.size();
  out.data_period_ns = median_spacing(ts, n);
  const int freq_days = static_cast<int>(floor_div(out.data_period_ns, kNsPerDay));
  size_t weekend = 0;
  for (size_t i = 0; i < n; ++i) {
    const int64_t dow = ((floor_div(ts[i], kNsPerDay) + 3) % 7 + 7) % 7;  // Monday = 0
    weekend += dow >= 5;
  }
  const bool have_weekends = static_cast<double>(weekend) / static_cast<double>(n) > 2.0 / 7 * .6;
  out.periods_per_year = freq_days == 7     ? 52
                         : freq_days == 31  ? 12
                         : freq_days == 365 ? 1
                         : have_weekends    ? 365
                                            : 252;
  const int rule = (freq_days == 7 || freq_days == 31 || freq_days == 365) ? freq_days : 1;
  std::vector<double> last;  // last equity of each non-empty bucket
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && bucket(ts[i], rule) == bucket(ts[i - 1], rule))
      last.back() = equity[i];
    else
      last.push_back(equity[i]);
  }
  for (size_t k = 1; k < last.size(); ++k) {
    const double r = last[k] / last[k - 1] - 1;
    if (!std::isnan(r)) out.returns.push_back(r);
  }
  return out;
}

}  // namespace nocode::backtest
