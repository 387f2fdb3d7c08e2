// Loads market data from CSV into a Frame.
//
// Understands, without configuration: an unnamed first index column or a
// named Date/Datetime/Time/Timestamp column; dates "YYYY-MM-DD", intraday
// "YYYY-MM-DD HH:MM:SS[.fff]", ISO 8601 with 'T', 'Z' or a UTC offset, epoch
// seconds and epoch milliseconds (by magnitude); case-insensitive column names;
// extra columns (Adj Close, OpenInterest) kept as columns. Numbers are parsed
// correctly rounded (std::from_chars).
//
// Validation errors name the file, line and column. Repairs (sort, drop
// duplicate timestamps) happen only when asked for. Thread-safe: no state.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/status.h"
#include "data/frame.h"

namespace nocode {

struct CsvOptions {
  // Explicit mapping from our column name (open, high, low, close, volume,
  // timestamp, or any other) to the file's header name, for layouts the
  // defaults do not recognise. Matching is case-insensitive.
  std::map<std::string, std::string> column_map;
  // Require open, high, low, close columns (volume is optional).
  bool require_ohlc = true;
  // Sort rows by timestamp instead of rejecting unsorted input.
  bool sort = false;
  // Drop rows whose timestamp repeats (keeping the first) instead of rejecting.
  bool drop_duplicates = false;
  // Check high >= low, high/low bracket open/close is NOT required (real feeds
  // break it); prices and volume must not be negative.
  bool validate_prices = true;
  char delimiter = ',';
};

// `source_name` is used in error messages ("GOOG.csv:12:3: ...").
Result<Frame> parse_csv(std::string_view text, const CsvOptions& options = {},
                        std::string_view source_name = "<input>");
Result<Frame> load_csv(const std::string& path, const CsvOptions& options = {});

// Parses one timestamp cell into UTC nanoseconds.
Result<int64_t> parse_timestamp(std::string_view text);

}  // namespace nocode
