// Loads market data from CSV into a Frame.
//
// Understands, without configuration:
//  - the timestamp column: column_map["timestamp"], else the first column
//    named Timestamp, Datetime, Date_Time, Date or Time (any case), else an
//    unnamed first column (pandas' index). "Date" plus a separate "Time"
//    column (time of day HH:MM[:SS[.fff]]) are combined;
//  - timestamps: "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS[.fffffffff]]", ISO 8601
//    with 'T', 'Z' or a ±HH[:MM] offset (converted to UTC; no offset = UTC),
//    and integer epoch time whose unit follows from its magnitude: < 1e11
//    seconds, < 1e14 milliseconds, < 1e17 microseconds, else nanoseconds
//    (details in data/timestamp.h);
//  - column names: case-insensitive, normalized to lowercase with runs of
//    spaces, '-', '.' and '_' turned into one '_' ("Adj Close" -> "adj_close",
//    "OpenInterest" -> "openinterest"); every non-timestamp column is kept as
//    a double column, in file order; another unnamed column becomes
//    "column_<n>";
//  - UTF-8 BOM, CRLF or LF line endings, blank lines (skipped anywhere),
//    RFC 4180 quoted cells, spaces around cells, a leading '+'.
// Numbers are parsed correctly rounded (std::from_chars; bit-identical to
// strtod and pandas). A missing value - an empty cell or nan, null, na, n/a
// in any case - becomes NaN in any column (Frame's NaN = missing); any other
// text, or inf, is an error.
//
// Errors are Status kParse (kIo for files) and read "file:line:column: what
// was expected, got 'text'": lines are 1-based physical lines (the header is
// line 1), columns are 1-based cell positions; header-level errors omit the
// column. Rejected: empty input, a header without data rows, missing
// open/high/low/close (names the missing ones and lists the columns present),
// duplicate column names, rows with a wrong cell count, unparseable
// timestamps or numbers, high < low, negative open/high/low/close/volume,
// timestamps that are not strictly increasing (naming both lines).
// Repairs (sort, drop duplicate timestamps) happen only when asked for.
// Thread-safe: no state. Speed: a few hundred MB/s on one core (the file is
// mmap'ed; no per-cell allocation).
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
  // defaults do not recognise. Matching is case-insensitive (also on the
  // normalized name). A mapped column replaces a file column that already
  // has the target name, e.g. {"close", "Adj Close"} drops the raw Close.
  // A header name that is not in the file is an error.
  std::map<std::string, std::string> column_map;
  // Require open, high, low, close columns (volume is optional).
  bool require_ohlc = true;
  // Sort rows by timestamp instead of rejecting unsorted input.
  bool sort = false;
  // Drop rows whose timestamp repeats (keeping the first in file order)
  // instead of rejecting them. Without `sort` only adjacent repeats can occur
  // (anything else is unsorted and rejected).
  bool drop_duplicates = false;
  // Check high >= low, high/low bracket open/close is NOT required (real feeds
  // break it); prices and volume must not be negative.
  bool validate_prices = true;
  // Cell delimiter: ',' (default), ';', '\t', '|', ... not '"' or a line break.
  char delimiter = ',';
};

// `source_name` is used in error messages ("GOOG.csv:12:3: ...").
Result<Frame> parse_csv(std::string_view text, const CsvOptions& options = {},
                        std::string_view source_name = "<input>");
Result<Frame> load_csv(const std::string& path, const CsvOptions& options = {});

// Parses one timestamp cell (formats above) into UTC nanoseconds.
Result<int64_t> parse_timestamp(std::string_view text);

}  // namespace nocode
