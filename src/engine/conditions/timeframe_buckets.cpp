// Calendar arithmetic for timeframe buckets and causal resampling.
#include "engine/conditions/timeframe_buckets.h"

#include <cmath>
#include <string>

namespace nocode::engine {
namespace {

constexpr int64_t kMinuteNs = 60LL * 1000000000LL;
constexpr int64_t kDayNs = 1440 * kMinuteNs;

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Civil year and month of a day count since 1970-01-01 (proleptic Gregorian):
// count in 400-year eras of 146097 days starting on 0000-03-01.
void civil(int64_t days, int64_t& year, int& month) {
  const int64_t z = days + 719468;  // days since 0000-03-01
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;                                       // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                     // March = 0
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = yoe + era * 400 + (month <= 2 ? 1 : 0);
}

}  // namespace

Result<Timeframe> parse_timeframe(std::string_view text) {
  if (text == "15m") return Timeframe::k15m;
  if (text == "1h" || text == "1H") return Timeframe::k1h;
  if (text == "4h" || text == "4H") return Timeframe::k4h;
  if (text == "1d" || text == "1D") return Timeframe::k1d;
  if (text == "1w" || text == "1W") return Timeframe::k1w;
  if (text == "1M" || text == "1mo") return Timeframe::k1M;
  return Status::invalid_argument("higherTimeframe: unknown value '" + std::string(text) +
                                  "'; expected '15m', '1h', '4h', '1d', '1w' or '1M'");
}

Timeframe next_timeframe(Timeframe tf) {
  switch (tf) {
    case Timeframe::k15m:
      return Timeframe::k1h;
    case Timeframe::k1h:
      return Timeframe::k4h;
    case Timeframe::k4h:
      return Timeframe::k1d;
    case Timeframe::k1d:
      return Timeframe::k1w;
    default:
      return Timeframe::k1M;
  }
}

int64_t bucket_of(int64_t ns, Timeframe tf) {
  switch (tf) {
    case Timeframe::k15m:
      return floor_div(ns, 15 * kMinuteNs);
    case Timeframe::k1h:
      return floor_div(ns, 60 * kMinuteNs);
    case Timeframe::k4h:
      return floor_div(ns, 240 * kMinuteNs);
    case Timeframe::k1d:
      return floor_div(ns, kDayNs);
    case Timeframe::k1w:
      return floor_div(floor_div(ns, kDayNs) + 3, 7);  // weeks from Monday
    case Timeframe::k1M: {
      int64_t year;
      int month;
      civil(floor_div(ns, kDayNs), year, month);
      return year * 12 + (month - 1);
    }
  }
  return 0;
}

int month_of_year(int64_t ns) {
  int64_t year;
  int month;
  civil(floor_div(ns, kDayNs), year, month);
  return month;
}

Resampled resample(const int64_t* time, const double* x, size_t n, Timeframe tf) {
  Resampled r;
  r.known.assign(n, 0);
  double last = std::nan("");
  for (size_t t = 0; t < n; ++t) {
    const int64_t b = bucket_of(time[t], tf);
    if (t > 0 && b != bucket_of(time[t - 1], tf)) {
      r.close.push_back(last);
      r.bucket.push_back(bucket_of(time[t - 1], tf));
      last = std::nan("");
    }
    if (!std::isnan(x[t])) last = x[t];
    r.known[t] = r.close.size();
  }
  return r;
}

}  // namespace nocode::engine
