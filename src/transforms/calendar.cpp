// Calendar features of each bar's timestamp (int64 UTC nanoseconds), in UTC
// or shifted by a fixed offset: hour, minute, day_of_week, day_of_month,
// day_of_year, month, quarter, week_of_year (ISO 8601) and is_month_end.
// Proleptic Gregorian calendar via data/timestamp.h; no time zone database.
#include "data/timestamp.h"
#include "transforms/spec_helpers.h"

namespace nocode::transforms {
namespace {

constexpr int64_t kNsPerMinute = 60'000'000'000LL;
constexpr int64_t kNsPerDay = 1440 * kNsPerMinute;

int64_t floor_div(int64_t a, int64_t b) {
  const int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

struct Local {
  int64_t days;          // days since 1970-01-01 in local time
  int64_t minute_of_day;  // 0..1439
};

Local local_time(int64_t ns_utc, int offset_minutes) {
  // Shift in minutes first so no nanosecond sum can overflow.
  const int64_t minutes = floor_div(ns_utc, kNsPerMinute) + offset_minutes;
  const int64_t days = floor_div(minutes, 1440);
  return {days, minutes - days * 1440};
}

int64_t weekday(int64_t days) { return ((days % 7) + 7 + 3) % 7; }  // 1970-01-01 was a Thursday

double hour(const Local& l) { return static_cast<double>(l.minute_of_day / 60); }
double minute(const Local& l) { return static_cast<double>(l.minute_of_day % 60); }
double day_of_week(const Local& l) { return static_cast<double>(weekday(l.days)); }
double day_of_month(const Local& l) { return civil_from_days(l.days).day; }
double month(const Local& l) { return civil_from_days(l.days).month; }
double quarter(const Local& l) { return (civil_from_days(l.days).month - 1) / 3 + 1; }

double day_of_year(const Local& l) {
  const int64_t year = civil_from_days(l.days).year;
  return static_cast<double>(l.days - days_from_civil(year, 1, 1) + 1);
}

// ISO 8601: the week (Monday..Sunday) belongs to the year of its Thursday.
double week_of_year(const Local& l) {
  const int64_t thursday = l.days - weekday(l.days) + 3;
  const int64_t year = civil_from_days(thursday).year;
  return static_cast<double>((thursday - days_from_civil(year, 1, 1)) / 7 + 1);
}

double is_month_end(const Local& l) { return civil_from_days(l.days + 1).day == 1 ? 1.0 : 0.0; }

template <double (*F)(const Local&)>
void calendar_kernel(const KernelInput& in, const Params& p, double* const* out) {
  const int offset = p.integer(0);
  for (size_t t = 0; t < in.n; ++t) out[0][t] = F(local_time(in.timestamps[t], offset));
}

struct Entry {
  const char* name;
  std::vector<std::string> aliases;
  const char* title;
  KernelFn kernel;
  const char* definition;
};

}  // namespace

Status register_calendar_transforms(Registry& r) {
  const Entry entries[] = {
      {"hour", {"hour_of_day"}, "Hour of day", calendar_kernel<hour>, "Hour 0-23."},
      {"minute", {"minute_of_hour"}, "Minute of hour", calendar_kernel<minute>, "Minute 0-59."},
      {"day_of_week", {"dayofweek", "weekday", "dow"}, "Day of week",
       calendar_kernel<day_of_week>, "Monday = 0 ... Sunday = 6 (pandas `dayofweek`)."},
      {"day_of_month", {"day", "dom"}, "Day of month", calendar_kernel<day_of_month>,
       "Day 1-31."},
      {"day_of_year", {"dayofyear", "doy"}, "Day of year", calendar_kernel<day_of_year>,
       "Ordinal day 1-366 (1 = January 1st)."},
      {"month", {"month_of_year"}, "Month", calendar_kernel<month>, "Month 1-12."},
      {"quarter", {}, "Quarter", calendar_kernel<quarter>, "Quarter 1-4 (January-March = 1)."},
      {"week_of_year", {"week", "weekofyear", "iso_week"}, "ISO week", calendar_kernel<week_of_year>,
       "ISO 8601 week 1-53: weeks run Monday-Sunday and belong to the year of their Thursday "
       "(so 2021-01-03 is week 53, 2024-12-30 is week 1; pandas `isocalendar().week`)."},
      {"is_month_end", {"month_end"}, "Last day of month", calendar_kernel<is_month_end>,
       "1 on the last calendar day of the month, else 0 (pandas `is_month_end`; calendar, not "
       "business days)."},
  };
  for (const Entry& e : entries) {
    TransformSpec s;
    s.name = e.name;
    s.aliases = e.aliases;
    s.title = e.title;
    s.group = "calendar";
    s.inputs = {{"timestamps", InputType::kTimestamps, false, "the bars' timestamps"}};
    s.params = {{"utc_offset_minutes", {"utc_offset", "tz_offset"}, ParamType::kInteger, 0,
                 -1440, 1440, {},
                 "fixed offset added to UTC before taking the calendar fields (e.g. -300 for "
                 "US Eastern standard time)"}};
    s.outputs = {e.name};
    s.lookback = zero_rows;
    s.kernel = e.kernel;
    s.definition = std::string(e.definition) +
                   " Of the bar's timestamp plus `utc_offset_minutes` (UTC by default).";
    s.nan_rule = "Never NaN (timestamps are always present).";
    NOCODE_RETURN_IF_ERROR(r.add(std::move(s)));
  }
  return Status::ok();
}

}  // namespace nocode::transforms
