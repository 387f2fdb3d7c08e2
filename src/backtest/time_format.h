// pandas' text for timestamps and durations, and Timedelta.ceil, as the
// statistics report them ("2004-08-19 00:00:00", "3116 days 00:00:00").
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace nocode::backtest {

inline constexpr int64_t kNsPerDay = 86'400'000'000'000;

// str(pd.Timestamp): "YYYY-MM-DD HH:MM:SS[.ffffff[fff]]" (UTC).
std::string format_pandas_timestamp(int64_t ns);
// str(pd.Timedelta): "D days HH:MM:SS[.ffffff[fff]]"; negative values as
// pandas prints them ("-1 days +23:00:00").
std::string format_pandas_timedelta(int64_t ns);
// The unit pandas' Timedelta.resolution_string names for `period`: the
// smallest non-zero component (day, hour, minute, second, ms, us or ns), in ns.
int64_t resolution_unit_ns(int64_t period_ns);
// Rounds up to a multiple of unit (> 0).
int64_t ceil_to(int64_t ns, int64_t unit);

}  // namespace nocode::backtest
