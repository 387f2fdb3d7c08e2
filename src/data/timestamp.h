// Timestamp text <-> int64 UTC nanoseconds, hand-rolled (no mktime/strptime,
// no locale, no time zone database, no allocation). Pure functions.
//
// Accepted text (surrounding spaces ignored):
//   YYYY-MM-DD                      midnight UTC ('/' may replace both '-')
//   YYYY-MM-DD HH:MM[:SS[.f]]       'T' or 't' may replace the space; the
//                                   fraction has 1..9 digits ('.' or ','),
//                                   further digits are truncated
//   ... followed by Z | ±HH | ±HHMM | ±HH:MM   converted to UTC
//   [-]digits[.digits]              epoch time, unit chosen by magnitude of
//                                   the integer part |v|:
//                                     |v| < 1e11  seconds
//                                     |v| < 1e14  milliseconds
//                                     |v| < 1e17  microseconds
//                                     otherwise   nanoseconds
//                                   so milliseconds are recognised from
//                                   1973-03-03 on, seconds up to 2262 (values
//                                   between 2262 and 1e11 s are out of range);
//                                   a fraction is allowed for seconds only.
// Months and days are checked against the calendar (leap years included);
// hours 0-23, minutes 0-59, seconds 0-59. The result must fit int64
// nanoseconds (1677-09-21 .. 2262-04-11).
#pragma once

#include <cstdint>
#include <string_view>

namespace nocode {

// Days since 1970-01-01 of a proleptic Gregorian date (month 1-12, day 1-31).
constexpr int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);            // [0, 399]
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct CivilDate {
  int64_t year;
  unsigned month;  // 1-12
  unsigned day;    // 1-31
};

// Inverse of days_from_civil.
constexpr CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

// Parses `text` (see the formats above) into UTC nanoseconds. On failure
// returns false and sets *why to a static description of what was wrong
// (never allocates).
bool parse_timestamp_ns(std::string_view text, int64_t* out, const char** why);

// Parses a time of day "HH:MM[:SS[.f]]" into nanoseconds since midnight
// (for files with separate Date and Time columns).
bool parse_time_of_day_ns(std::string_view text, int64_t* out, const char** why);

}  // namespace nocode
