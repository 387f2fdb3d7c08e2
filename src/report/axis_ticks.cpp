// Value ticks: step = 1/2/5 x 10^k nearest (range / target). Time ticks: the
// smallest step from a fixed ladder giving <= target ticks; month and year
// steps walk the calendar, shorter steps are multiples from the epoch
// (weeks shifted to start on Monday).
#include "report/axis_ticks.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

#include "data/timestamp.h"
#include "report/text_format.h"

namespace nocode::report {
namespace {

constexpr int64_t kMinute = 60 * kNsPerSecond;
constexpr int64_t kHour = 60 * kMinute;
constexpr int kMaxTicks = 1000;
const char* const kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

double nice_step(double raw) {
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / mag;
  const double mult = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
  return mult * mag;
}

std::string value_label(double v, double step, ValueFormat format) {
  if (format == ValueFormat::kPercent) {
    return format_grouped(v * 100, decimals_for_step(step * 100)) + "%";
  }
  return format_axis_number(v, decimals_for_step(step));
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// A step of the ladder: fixed nanoseconds, or a number of calendar months.
struct TimeStep {
  int64_t ns;      // 0 for calendar steps
  int64_t months;  // 0 for fixed steps
  int64_t approx_ns() const { return ns ? ns : months * 30 * kNsPerDay + months * kNsPerDay / 2; }
};

const TimeStep kLadder[] = {
    {kNsPerSecond, 0}, {5 * kNsPerSecond, 0}, {15 * kNsPerSecond, 0}, {30 * kNsPerSecond, 0},
    {kMinute, 0},      {5 * kMinute, 0},      {15 * kMinute, 0},      {30 * kMinute, 0},
    {kHour, 0},        {3 * kHour, 0},        {6 * kHour, 0},         {12 * kHour, 0},
    {kNsPerDay, 0},    {2 * kNsPerDay, 0},    {7 * kNsPerDay, 0},     {0, 1},
    {0, 3},            {0, 6},                {0, 12},                {0, 24},
    {0, 60},           {0, 120},              {0, 240},               {0, 600},
};

std::string time_label(int64_t ns, const TimeStep& step, int64_t span) {
  const std::string full = format_timestamp(ns);  // "YYYY-MM-DD[ HH:MM[:SS]]"
  if (step.months >= 12) return full.substr(0, 4);
  if (step.months > 0) {
    const int month = std::stoi(full.substr(5, 2));
    return std::string(kMonthNames[month - 1]) + " " + full.substr(0, 4);
  }
  if (step.ns >= kNsPerDay) return full.substr(0, 10);
  std::string clock = full.size() > 11 ? full.substr(11) : "00:00";
  if (step.ns < kMinute && clock.size() == 5) clock += ":00";
  return span > kNsPerDay ? full.substr(5, 5) + " " + clock : clock;
}

void calendar_ticks(int64_t t0, int64_t t1, const TimeStep& step, std::vector<Tick>* out) {
  const CivilDate d = civil_from_days(floor_div(t0, kNsPerDay));
  int64_t m = d.year * 12 + (d.month - 1);  // months since year 0
  m = floor_div(m + step.months - 1, step.months) * step.months;
  // Bounded: int64 nanoseconds end in April 2262, and a corrupt range must
  // not produce an endless axis.
  for (int guard = 0; guard < kMaxTicks && floor_div(m, 12) < 2262; ++guard, m += step.months) {
    int64_t ns = 0;
    const int64_t days = days_from_civil(floor_div(m, 12), static_cast<unsigned>(m % 12 + 1), 1);
    if (__builtin_mul_overflow(days, kNsPerDay, &ns)) continue;  // before 1677-09-21
    if (ns > t1) break;
    if (ns >= t0) out->push_back({static_cast<double>(ns), time_label(ns, step, t1 - t0)});
  }
}

}  // namespace

ValueScale nice_value_scale(double lo, double hi, int target, ValueFormat format) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
  if (hi < lo) std::swap(lo, hi);
  if (hi - lo < 1e-12 * std::max(1.0, std::fabs(hi))) {
    const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.05;
    lo -= pad;
    hi += pad;
  }
  ValueScale s;
  s.step = nice_step((hi - lo) / std::max(target, 1));
  s.lo = std::floor(lo / s.step + 1e-9) * s.step;
  s.hi = std::ceil(hi / s.step - 1e-9) * s.step;
  const int n = static_cast<int>(std::llround((s.hi - s.lo) / s.step));
  for (int i = 0; i <= n; ++i) {
    double v = s.lo + i * s.step;
    if (std::fabs(v) < s.step * 1e-9) v = 0;
    s.ticks.push_back({v, value_label(v, s.step, format)});
  }
  return s;
}

std::vector<Tick> time_ticks(int64_t t0, int64_t t1, int target) {
  std::vector<Tick> out;
  if (t1 < t0) return out;
  int64_t span = 0;
  if (__builtin_sub_overflow(t1, t0, &span)) return out;
  const TimeStep* step = &kLadder[std::size(kLadder) - 1];
  for (const TimeStep& s : kLadder) {
    if (span / s.approx_ns() + 1 <= target) {
      step = &s;
      break;
    }
  }
  if (step->months > 0) {
    calendar_ticks(t0, t1, *step, &out);
    return out;
  }
  // Weeks start on Monday: 1970-01-05 was the first Monday after the epoch.
  const int64_t offset = step->ns == 7 * kNsPerDay ? 4 * kNsPerDay : 0;
  // First multiple of the step at or after t0, in 128 bits: t0 may sit at
  // the very ends of the int64 range.
  const __int128 base = static_cast<__int128>(t0) - offset, st = step->ns;
  __int128 first = base / st * st;
  if (first < base) first += st;
  first += offset;
  if (first > t1) return out;
  int64_t ns = static_cast<int64_t>(first);
  for (int guard = 0; guard < kMaxTicks && ns <= t1; ++guard) {
    out.push_back({static_cast<double>(ns), time_label(ns, *step, span)});
    if (__builtin_add_overflow(ns, step->ns, &ns)) break;
  }
  return out;
}

}  // namespace nocode::report
