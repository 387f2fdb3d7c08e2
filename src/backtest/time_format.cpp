// pandas-style timestamp / timedelta text.
#include "backtest/time_format.h"

#include <cstdio>

#include "data/timestamp.h"

namespace nocode::backtest {
namespace {

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// "HH:MM:SS[.ffffff[fff]]" of ns within a day.
std::string clock_text(int64_t ns_of_day) {
  const int64_t secs = ns_of_day / 1'000'000'000, frac = ns_of_day % 1'000'000'000;
  char buf[48];
  int len = std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(secs / 3600),
                          static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  if (frac % 1000 != 0)
    std::snprintf(buf + len, sizeof buf - len, ".%09lld", static_cast<long long>(frac));
  else if (frac != 0)
    std::snprintf(buf + len, sizeof buf - len, ".%06lld", static_cast<long long>(frac / 1000));
  return buf;
}

}  // namespace

std::string format_pandas_timestamp(int64_t ns) {
  const int64_t days = floor_div(ns, kNsPerDay);
  const CivilDate d = civil_from_days(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u ", static_cast<long long>(d.year), d.month, d.day);
  return buf + clock_text(ns - days * kNsPerDay);
}

std::string format_pandas_timedelta(int64_t ns) {
  const int64_t days = floor_div(ns, kNsPerDay);
  const int64_t rest = ns - days * kNsPerDay;
  return std::to_string(days) + (days < 0 ? " days +" : " days ") + clock_text(rest);
}

int64_t resolution_unit_ns(int64_t p) {
  if (p < 0) p = -p;
  const int64_t units[] = {1, 1000, 1'000'000, 1'000'000'000, 60'000'000'000, 3'600'000'000'000};
  const int64_t next[] = {1000, 1000, 1000, 60, 60, 24};
  for (int k = 0; k < 6; ++k)
    if ((p / units[k]) % next[k] != 0) return units[k];
  return kNsPerDay;
}

int64_t ceil_to(int64_t ns, int64_t unit) { return -floor_div(-ns, unit) * unit; }

}  // namespace nocode::backtest
