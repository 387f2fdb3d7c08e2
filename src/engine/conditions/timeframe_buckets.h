// Internal to src/engine/conditions: calendar buckets of UTC timestamps
// (15m, 1h, 4h, 1d, 1w from Monday, 1M) and resampling a series to the
// completed buckets of a higher timeframe, for the timeframe conditions.
// Pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nocode::engine {

enum class Timeframe { k15m, k1h, k4h, k1d, k1w, k1M };

// "15m", "1h", "4h", "1d", "1w", "1M" (case-sensitive for m/M; "1mo" = 1M).
Result<Timeframe> parse_timeframe(std::string_view text);
// The next larger timeframe (1M stays 1M).
Timeframe next_timeframe(Timeframe tf);

// Bucket number of a UTC nanosecond timestamp: consecutive buckets have
// consecutive numbers.
int64_t bucket_of(int64_t ns_utc, Timeframe tf);
// 1..12
int month_of_year(int64_t ns_utc);

// A series resampled to a higher timeframe using only COMPLETED buckets.
// A bucket is complete once a bar of a later bucket has been seen, so at bar
// t only buckets strictly before the bucket of bar t are used.
struct Resampled {
  std::vector<double> close;    // last non-NaN value of each completed bucket
  std::vector<int64_t> bucket;  // its bucket number
  std::vector<size_t> known;    // per input bar t: how many buckets are complete at t
};
Resampled resample(const int64_t* time, const double* x, size_t n, Timeframe tf);

}  // namespace nocode::engine
