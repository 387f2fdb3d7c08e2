// CSV -> Frame. One pass over the bytes, numbers straight into preallocated
// columns (no per-cell allocation), std::from_chars for correct rounding.
//
// Layout of this file:
//   1. cells      - splitting a line into cells (quotes, CRLF, delimiters)
//   2. header     - naming columns, finding the timestamp column, column_map
//   3. rows       - parsing and validating data rows
//   4. repairs    - sort / drop duplicates, only when asked
//   5. public API - parse_csv, load_csv, parse_timestamp
//
// Conventions (documented for users in csv_loader.h):
//   - line numbers are physical lines, 1-based, the header is line 1 (after
//     skipped leading blank lines); columns are 1-based cell (field) indexes;
//   - column names are normalized: trimmed, lowercased, runs of spaces, '-',
//     '.' and '_' become one '_' ("Adj Close" -> "adj_close"); an unnamed
//     column other than the timestamp one is named "column_<n>";
//   - blank lines are skipped; a missing value (empty cell, nan, null, na,
//     n/a, any case) becomes NaN; other non-numeric text is an error.
#include "data/csv_loader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <numeric>

#include "common/strings.h"
#include "data/timestamp.h"

namespace nocode {
namespace {

// ---------------------------------------------------------------------------
// 1. cells

enum class CellEnd { kDelimiter, kLineEnd, kInputEnd };

struct Cell {
  std::string_view text;  // without quotes; escaped "" still doubled
  bool quoted = false;
};

struct Source {
  std::string_view name;
  size_t header_line;
  const char* begin;
  const char* end;
  char delimiter;
};

std::string shorten(std::string_view s) {
  if (s.size() <= 40) return std::string(s);
  return std::string(s.substr(0, 37)) + "...";
}

Status error_at(const Source& src, size_t line, size_t column, const std::string& msg) {
  std::string where(src.name);
  where.append(":").append(std::to_string(line));
  if (column > 0) where.append(":").append(std::to_string(column));
  where.append(": ").append(msg);
  return Status::parse_error(std::move(where));
}

// Consumes the terminator at p (delimiter, LF, CRLF or end of input).
// Returns nullptr if p is not at a terminator.
inline const char* finish_cell(const char* p, const Source& src, CellEnd* how) {
  if (p == src.end) {
    *how = CellEnd::kInputEnd;
    return p;
  }
  if (*p == src.delimiter) {
    *how = CellEnd::kDelimiter;
    return p + 1;
  }
  if (*p == '\n') {
    *how = CellEnd::kLineEnd;
    return p + 1;
  }
  if (*p == '\r' && (p + 1 == src.end || p[1] == '\n')) {
    *how = CellEnd::kLineEnd;
    return p + 1 == src.end ? p + 1 : p + 2;
  }
  return nullptr;
}

bool is_blank(char c, char delimiter) { return (c == ' ' || c == '\t') && c != delimiter; }

std::string_view trim_cell(std::string_view s, char delimiter) {
  while (!s.empty() && is_blank(s.front(), delimiter)) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back(), delimiter)) s.remove_suffix(1);
  return s;
}

// Reads a quoted cell starting at the opening quote. Counts line breaks
// inside the quotes into *extra_lines.
Result<const char*> read_quoted(const char* p, const Source& src, size_t line, size_t column,
                                Cell* cell, size_t* extra_lines) {
  const char* start = ++p;
  for (;; ++p) {
    if (p == src.end)
      return error_at(src, line, column, "unterminated quoted cell (missing closing '\"')");
    if (*p == '\n') ++*extra_lines;
    if (*p != '"') continue;
    if (p + 1 != src.end && p[1] == '"') {
      ++p;
      continue;
    }
    break;
  }
  cell->text = std::string_view(start, static_cast<size_t>(p - start));
  cell->quoted = true;
  ++p;
  while (p != src.end && is_blank(*p, src.delimiter)) ++p;
  return p;
}

// Reads one cell at p; returns the position after its terminator.
Result<const char*> read_cell(const char* p, const Source& src, size_t line, size_t column,
                              Cell* cell, CellEnd* how, size_t* extra_lines) {
  const char* q = p;
  while (q != src.end && is_blank(*q, src.delimiter)) ++q;
  if (q != src.end && *q == '"') {
    auto r = read_quoted(q, src, line, column, cell, extra_lines);
    if (!r) return r.status();
    q = *r;
  } else {
    q = p;
    while (q != src.end && *q != src.delimiter && *q != '\n') ++q;
    const char* e = q;
    if (e != p && e[-1] == '\r' && (e == src.end || *e == '\n')) --e;
    cell->text = trim_cell(std::string_view(p, static_cast<size_t>(e - p)), src.delimiter);
    cell->quoted = false;
    q = e;
  }
  const char* next = finish_cell(q, src, how);
  if (next == nullptr)
    return error_at(src, line, column,
                    "unexpected text after a quoted cell: '" +
                        shorten(std::string_view(q, std::min<size_t>(20, src.end - q))) + "'");
  return next;
}

std::string unescape_quotes(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '"' && i + 1 < s.size() && s[i + 1] == '"') ++i;
  }
  return out;
}

// Skips empty lines (LF or CRLF only); counts them into *line.
const char* skip_blank_lines(const char* p, const Source& src, size_t* line) {
  for (;;) {
    if (p != src.end && *p == '\n') {
      ++p, ++*line;
    } else if (src.end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
      p += 2, ++*line;
    } else if (src.end - p == 1 && *p == '\r') {
      ++p;
    } else {
      return p;
    }
  }
}

// ---------------------------------------------------------------------------
// 2. header

constexpr int kSkip = -1;       // column dropped (shadowed by a column_map target)
constexpr int kTimestamp = -2;  // the timestamp column
constexpr int kTimeOfDay = -3;  // a Time column completing a Date column

struct Layout {
  std::vector<std::string> raw;          // header cells as written
  std::vector<std::string> name;         // our (normalized / mapped) names
  std::vector<int> slot;                 // per file column: value index, kSkip or kTimestamp
  std::vector<std::string> value_names;  // names of the value columns, in file order
  size_t timestamp_column = 0;
  int time_column = -1;  // separate time-of-day column, -1 if none
  // Value indexes of the checked columns, -1 if absent.
  int open = -1, high = -1, low = -1, close = -1, volume = -1;
};

std::string normalize_name(std::string_view s) {
  std::string out;
  bool pending_sep = false;
  for (char c : trim(s)) {
    if (c == ' ' || c == '-' || c == '.' || c == '_' || c == '\t') {
      pending_sep = !out.empty();
      continue;
    }
    if (pending_sep) out += '_';
    pending_sep = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

Result<const char*> read_header(const char* p, const Source& src, size_t line, Layout* layout) {
  CellEnd how = CellEnd::kDelimiter;
  size_t extra = 0;
  while (how == CellEnd::kDelimiter) {
    Cell cell;
    auto r = read_cell(p, src, line, layout->raw.size() + 1, &cell, &how, &extra);
    if (!r) return r.status();
    p = *r;
    layout->raw.push_back(cell.quoted ? unescape_quotes(cell.text) : std::string(cell.text));
  }
  if (extra > 0) return error_at(src, line, 0, "line breaks inside header cells are not supported");
  return p;
}

int find_raw(const Layout& layout, std::string_view wanted) {
  const std::string norm = normalize_name(wanted);
  for (size_t i = 0; i < layout.raw.size(); ++i)
    if (iequals(trim(layout.raw[i]), trim(wanted)) || normalize_name(layout.raw[i]) == norm)
      return static_cast<int>(i);
  return -1;
}

std::string present_columns(const Layout& layout) {
  std::vector<std::string> shown;
  for (const auto& r : layout.raw) shown.push_back(r.empty() ? "<unnamed>" : r);
  return "columns present: " + quoted_list(shown, ", ");
}

Status apply_column_map(const Source& src, const CsvOptions& opt, Layout* layout,
                        std::vector<bool>* mapped) {
  for (const auto& [ours, theirs] : opt.column_map) {
    const int i = find_raw(*layout, theirs);
    if (i < 0)
      return error_at(src, src.header_line, 0,
                      "column_map maps '" + ours + "' to '" + theirs +
                          "', which is not in the header; " + present_columns(*layout));
    if ((*mapped)[i])
      return error_at(src, src.header_line, i + 1,
                      "column_map maps two names to column '" + theirs + "'");
    (*mapped)[i] = true;
    layout->name[i] = normalize_name(ours);
  }
  // A mapped target replaces a same-named column of the file.
  for (size_t i = 0; i < layout->name.size(); ++i)
    for (size_t j = 0; j < layout->name.size(); ++j)
      if (!(*mapped)[i] && (*mapped)[j] && layout->name[i] == layout->name[j])
        layout->slot[i] = kSkip;
  return Status::ok();
}

std::string delimiter_hint(const Source& src, const Layout& layout) {
  if (layout.raw.size() != 1) return "";
  for (char c : {',', ';', '\t', '|'})
    if (c != src.delimiter && layout.raw[0].find(c) != std::string::npos)
      return std::string("; the header contains '") + (c == '\t' ? "\\t" : std::string(1, c)) +
             "': set the delimiter option?";
  return "";
}

// "Date,Time,..." layouts: the Date column holds the day, Time the time of day.
void find_time_of_day_column(Layout* layout) {
  for (size_t i = 0; i < layout->name.size(); ++i)
    if (layout->slot[i] != kSkip && layout->name[i] == "time")
      layout->time_column = static_cast<int>(i);
}

Status find_timestamp_column(const Source& src, Layout* layout) {
  static constexpr const char* kNames[] = {"timestamp", "datetime", "date_time", "date", "time"};
  for (const char* want : kNames)
    for (size_t i = 0; i < layout->name.size(); ++i)
      if (layout->slot[i] != kSkip && layout->name[i] == want) {
        layout->timestamp_column = i;
        if (layout->name[i] == "date") find_time_of_day_column(layout);
        return Status::ok();
      }
  if (trim(layout->raw[0]).empty()) {
    layout->timestamp_column = 0;
    return Status::ok();
  }
  return error_at(src, src.header_line, 0,
                  "no timestamp column: expected an unnamed first column or one named Date, "
                  "Datetime, Time or Timestamp (or set column_map[\"timestamp\"]); " +
                      present_columns(*layout) + delimiter_hint(src, *layout));
}

Status check_required(const Source& src, const CsvOptions& opt, const Layout& layout) {
  if (!opt.require_ohlc) return Status::ok();
  std::vector<std::string> missing;
  const int have[] = {layout.open, layout.high, layout.low, layout.close};
  const char* names[] = {"open", "high", "low", "close"};
  for (int k = 0; k < 4; ++k)
    if (have[k] < 0) missing.push_back(names[k]);
  if (missing.empty()) return Status::ok();
  return error_at(src, src.header_line, 0,
                  "missing column" + std::string(missing.size() > 1 ? "s " : " ") +
                      quoted_list(missing, " and ") + "; " + present_columns(layout) +
                      delimiter_hint(src, layout));
}

Status assign_slots(const Source& src, Layout* layout) {
  for (size_t i = 0; i < layout->name.size(); ++i) {
    if (i == layout->timestamp_column || static_cast<int>(i) == layout->time_column) {
      layout->slot[i] = i == layout->timestamp_column ? kTimestamp : kTimeOfDay;
      continue;
    }
    if (layout->slot[i] == kSkip) continue;
    for (size_t j = 0; j < layout->value_names.size(); ++j)
      if (layout->value_names[j] == layout->name[i])
        return error_at(src, src.header_line, i + 1,
                        "duplicate column name '" + layout->name[i] + "'");
    layout->slot[i] = static_cast<int>(layout->value_names.size());
    layout->value_names.push_back(layout->name[i]);
  }
  auto index_of = [&](const char* n) {
    for (size_t j = 0; j < layout->value_names.size(); ++j)
      if (layout->value_names[j] == n) return static_cast<int>(j);
    return -1;
  };
  layout->open = index_of("open");
  layout->high = index_of("high");
  layout->low = index_of("low");
  layout->close = index_of("close");
  layout->volume = index_of("volume");
  return Status::ok();
}

Status build_layout(const Source& src, const CsvOptions& opt, Layout* layout) {
  const size_t n = layout->raw.size();
  layout->name.resize(n);
  layout->slot.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    layout->name[i] = normalize_name(layout->raw[i]);
    if (layout->name[i].empty()) layout->name[i] = "column_" + std::to_string(i + 1);
  }
  std::vector<bool> mapped(n, false);
  NOCODE_RETURN_IF_ERROR(apply_column_map(src, opt, layout, &mapped));
  NOCODE_RETURN_IF_ERROR(find_timestamp_column(src, layout));
  NOCODE_RETURN_IF_ERROR(assign_slots(src, layout));
  return check_required(src, opt, *layout);
}

// ---------------------------------------------------------------------------
// 3. rows

struct Columns {
  std::vector<int64_t> timestamps;
  std::vector<std::vector<double>> values;
  std::vector<double*> out;   // values[k].data()
  std::vector<size_t> lines;  // line of each row, kept only when sorting
  size_t rows = 0;
};

bool is_missing_word(std::string_view s) {
  return s.empty() || iequals(s, "nan") || iequals(s, "null") || iequals(s, "na") ||
         iequals(s, "n/a");
}

// Slow path of a numeric cell: quotes, spaces, '+', missing values.
Status number_from_cell(const Source& src, size_t line, size_t column, const Cell& cell,
                        double* v) {
  std::string_view s = cell.quoted ? trim_cell(cell.text, src.delimiter) : cell.text;
  if (is_missing_word(s)) {
    *v = NAN;
    return Status::ok();
  }
  std::string_view digits = s;
  if (digits.size() > 1 && digits[0] == '+' && digits[1] != '-') digits.remove_prefix(1);
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), *v);
  if (ec == std::errc::result_out_of_range)
    return error_at(src, line, column, "number out of range: '" + shorten(s) + "'");
  if (ec != std::errc() || ptr != digits.data() + digits.size())
    return error_at(src, line, column, "expected a number, got '" + shorten(s) + "'");
  if (std::isinf(*v))
    return error_at(src, line, column, "expected a finite number, got '" + shorten(s) + "'");
  return Status::ok();
}

struct RowParser {
  const Source& src;
  const CsvOptions& opt;
  const Layout& layout;
  Columns& cols;
  size_t line = 0;
  int64_t prev_ts = 0;
  size_t prev_line = 0;

  // Parses the cell at *p as a number; fast path for plain numbers.
  Status number(const char** p, size_t column, double* v, CellEnd* how) {
    const auto [q, ec] = std::from_chars(*p, src.end, *v);
    if (ec == std::errc() && !std::isinf(*v)) {
      if (const char* next = finish_cell(q, src, how)) {
        *p = next;
        return Status::ok();
      }
    }
    Cell cell;
    size_t extra = 0;
    auto r = read_cell(*p, src, line, column, &cell, how, &extra);
    if (!r) return r.status();
    *p = *r;
    Status st = number_from_cell(src, line, column, cell, v);
    line += extra;
    return st;
  }

  Status timestamp(const char** p, size_t column, int64_t* ts, CellEnd* how) {
    Cell cell;
    size_t extra = 0;
    auto r = read_cell(*p, src, line, column, &cell, how, &extra);
    if (!r) return r.status();
    *p = *r;
    const char* why = "";
    if (!parse_timestamp_ns(cell.text, ts, &why))
      return error_at(src, line, column,
                      "expected a timestamp (YYYY-MM-DD[ HH:MM[:SS[.fff]]][Z|+HH:MM] or epoch "
                      "seconds/milliseconds), got '" +
                          shorten(cell.text) + "': " + why);
    line += extra;
    return Status::ok();
  }

  Status time_of_day(const char** p, size_t column, int64_t* tod, CellEnd* how) {
    Cell cell;
    size_t extra = 0;
    auto r = read_cell(*p, src, line, column, &cell, how, &extra);
    if (!r) return r.status();
    *p = *r;
    const char* why = "";
    if (!parse_time_of_day_ns(cell.text, tod, &why))
      return error_at(
          src, line, column,
          "expected a time of day HH:MM[:SS[.fff]], got '" + shorten(cell.text) + "': " + why);
    line += extra;
    return Status::ok();
  }

  Status add_time_of_day(int64_t* ts, int64_t tod) {
    constexpr int64_t kDay = 86400LL * 1000000000;
    if (*ts % kDay != 0)
      return error_at(src, line, layout.timestamp_column + 1,
                      "expected a date without a time (the Time column holds the time of day)");
    if (__builtin_add_overflow(*ts, tod, ts))
      return error_at(src, line, layout.time_column + 1, "timestamp out of range");
    return Status::ok();
  }

  // A column shadowed by a column_map target: read, not interpreted.
  Status skip(const char** p, size_t column, CellEnd* how) {
    Cell cell;
    size_t extra = 0;
    auto r = read_cell(*p, src, line, column, &cell, how, &extra);
    if (!r) return r.status();
    *p = *r;
    line += extra;
    return Status::ok();
  }

  Status ragged(const char* p, size_t got, CellEnd how) {
    const size_t want = layout.raw.size();
    size_t extra = 0;
    while (how == CellEnd::kDelimiter) {  // count the surplus cells
      Cell cell;
      auto r = read_cell(p, src, line, got + 1, &cell, &how, &extra);
      if (!r) return r.status();
      p = *r;
      ++got;
    }
    return error_at(src, line, std::min(got, want) + 1,
                    "expected " + std::to_string(want) + " cells, got " + std::to_string(got));
  }

  Status check_prices(size_t row) {
    if (!opt.validate_prices) return Status::ok();
    const int checked[] = {layout.open, layout.high, layout.low, layout.close, layout.volume};
    for (int k : checked) {
      if (k >= 0 && cols.out[k][row] < 0)
        return error_at(
            src, line, column_of(k) + 1,
            "negative " + layout.value_names[k] + " " + format_double(cols.out[k][row]));
    }
    if (layout.high >= 0 && layout.low >= 0) {
      const double h = cols.out[layout.high][row], l = cols.out[layout.low][row];
      if (h < l)
        return error_at(src, line, column_of(layout.high) + 1,
                        "high " + format_double(h) + " is below low " + format_double(l));
    }
    return Status::ok();
  }

  size_t column_of(int value_index) const {
    for (size_t i = 0; i < layout.slot.size(); ++i)
      if (layout.slot[i] == value_index) return i;
    return 0;
  }

  // Order check while reading (only when not sorting). Returns false to drop
  // the row as a duplicate.
  Result<bool> check_order(int64_t ts) {
    if (cols.rows == 0 || ts > prev_ts) return true;
    const size_t column = layout.timestamp_column + 1;
    if (ts == prev_ts) {
      if (opt.drop_duplicates) return false;
      return error_at(src, line, column,
                      "duplicate timestamp " + format_timestamp(ts) + " (also on line " +
                          std::to_string(prev_line) +
                          "); drop_duplicates (--drop-duplicates) keeps the first");
    }
    return error_at(src, line, column,
                    "timestamp " + format_timestamp(ts) + " is earlier than " +
                        format_timestamp(prev_ts) + " on line " + std::to_string(prev_line) +
                        "; rows must be in increasing time order (sort (--sort) "
                        "reorders them)");
  }

  Result<const char*> row(const char* p) {
    const size_t row = cols.rows, n = layout.slot.size();
    const size_t first_line = line;
    int64_t ts = 0, tod = 0;
    CellEnd how = CellEnd::kDelimiter;
    for (size_t c = 0; c < n; ++c) {
      if (how != CellEnd::kDelimiter) return ragged(p, c, how);
      const int slot = layout.slot[c];
      Status st = slot >= 0            ? number(&p, c + 1, &cols.out[slot][row], &how)
                  : slot == kTimestamp ? timestamp(&p, c + 1, &ts, &how)
                  : slot == kTimeOfDay ? time_of_day(&p, c + 1, &tod, &how)
                                       : skip(&p, c + 1, &how);
      if (!st) return st;
    }
    if (how == CellEnd::kDelimiter) return ragged(p, n, how);
    if (layout.time_column >= 0) NOCODE_RETURN_IF_ERROR(add_time_of_day(&ts, tod));
    const size_t end_line = line;
    line = first_line;  // report errors of this row on its first line
    NOCODE_RETURN_IF_ERROR(check_prices(row));
    bool keep = true;
    if (!opt.sort) {
      auto k = check_order(ts);
      if (!k) return k.status();
      keep = *k;
    } else {
      cols.lines.push_back(line);
    }
    if (keep) {
      cols.timestamps[row] = ts;
      prev_ts = ts;
      prev_line = line;
      ++cols.rows;
    }
    line = end_line + 1;
    return p;
  }
};

Status read_rows(const char* p, const Source& src, const CsvOptions& opt, const Layout& layout,
                 size_t first_line, Columns* cols) {
  const size_t capacity = static_cast<size_t>(std::count(p, src.end, '\n')) + 1;
  cols->timestamps.resize(capacity);
  cols->values.assign(layout.value_names.size(), std::vector<double>(capacity));
  for (auto& v : cols->values) cols->out.push_back(v.data());
  RowParser parser{src, opt, layout, *cols};
  parser.line = first_line;
  for (;;) {
    p = skip_blank_lines(p, src, &parser.line);
    if (p == src.end) break;
    auto r = parser.row(p);
    if (!r) return r.status();
    p = *r;
  }
  if (cols->rows == 0) return error_at(src, first_line, 0, "no data rows after the header");
  return Status::ok();
}

// ---------------------------------------------------------------------------
// 4. repairs (only when asked)

template <typename T>
void permute(std::vector<T>& v, const std::vector<size_t>& order) {
  std::vector<T> out(order.size());
  for (size_t i = 0; i < order.size(); ++i) out[i] = v[order[i]];
  v = std::move(out);
}

// Sorts rows by timestamp (stable: equal timestamps keep file order), then
// rejects or drops repeated timestamps.
Status sort_rows(const Source& src, const CsvOptions& opt, const Layout& layout, Columns* cols) {
  const size_t n = cols->rows;
  cols->timestamps.resize(n);
  for (auto& v : cols->values) v.resize(n);
  const auto& ts = cols->timestamps;
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  if (!std::is_sorted(ts.begin(), ts.end())) {
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ts[a] < ts[b]; });
    permute(cols->timestamps, order);
    for (auto& v : cols->values) permute(v, order);
    permute(cols->lines, order);
  }
  size_t kept = 0;
  for (size_t i = 0; i < n; ++i) {
    if (kept > 0 && cols->timestamps[i] == cols->timestamps[kept - 1]) {
      if (opt.drop_duplicates) continue;
      return error_at(src, cols->lines[i], layout.timestamp_column + 1,
                      "duplicate timestamp " + format_timestamp(cols->timestamps[i]) +
                          " (also on line " + std::to_string(cols->lines[kept - 1]) +
                          "); drop_duplicates (--drop-duplicates) keeps the first");
    }
    cols->timestamps[kept] = cols->timestamps[i];
    for (auto& v : cols->values) v[kept] = v[i];
    cols->lines[kept] = cols->lines[i];
    ++kept;
  }
  cols->rows = kept;
  return Status::ok();
}

// ---------------------------------------------------------------------------
// 5. public API helpers

Result<Frame> to_frame(const Layout& layout, Columns* cols) {
  cols->timestamps.resize(cols->rows);
  Frame frame(std::move(cols->timestamps));
  for (size_t k = 0; k < cols->values.size(); ++k) {
    cols->values[k].resize(cols->rows);
    NOCODE_RETURN_IF_ERROR(frame.set_column(layout.value_names[k], std::move(cols->values[k])));
  }
  return frame;
}

// Whole file in memory: mmap for regular files, read() otherwise.
class FileBytes {
 public:
  ~FileBytes() {
    if (map_ != nullptr) munmap(map_, size_);
  }
  Status open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::io_error(path + ": cannot open: " + std::strerror(errno));
    Status st = load(fd, path);
    ::close(fd);
    return st;
  }
  std::string_view view() const {
    return map_ != nullptr ? std::string_view(static_cast<const char*>(map_), size_) : buffer_;
  }

 private:
  Status load(int fd, const std::string& path) {
    struct stat info {};
    if (fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
      size_ = static_cast<size_t>(info.st_size);
      map_ = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (map_ != MAP_FAILED) return Status::ok();
      map_ = nullptr;
    }
    char chunk[1 << 16];
    for (;;) {
      const ssize_t got = ::read(fd, chunk, sizeof chunk);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return Status::io_error(path + ": read failed: " + std::strerror(errno));
      if (got == 0) return Status::ok();
      buffer_.append(chunk, static_cast<size_t>(got));
    }
  }
  void* map_ = nullptr;
  size_t size_ = 0;
  std::string buffer_;
};

}  // namespace

Result<Frame> parse_csv(std::string_view text, const CsvOptions& options,
                        std::string_view source_name) {
  if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.remove_prefix(3);
  Source src{source_name, 1, text.data(), text.data() + text.size(), options.delimiter};
  if (options.delimiter == '"' || options.delimiter == '\n' || options.delimiter == '\r')
    return Status::invalid_argument("CsvOptions::delimiter cannot be a quote or line break");
  const char* p = skip_blank_lines(src.begin, src, &src.header_line);
  const size_t line = src.header_line;
  if (p == src.end) return error_at(src, line, 0, "empty input; expected a header line");
  Layout layout;
  auto after_header = read_header(p, src, line, &layout);
  if (!after_header) return after_header.status();
  NOCODE_RETURN_IF_ERROR(build_layout(src, options, &layout));
  Columns cols;
  NOCODE_RETURN_IF_ERROR(read_rows(*after_header, src, options, layout, line + 1, &cols));
  if (options.sort) NOCODE_RETURN_IF_ERROR(sort_rows(src, options, layout, &cols));
  return to_frame(layout, &cols);
}

Result<Frame> load_csv(const std::string& path, const CsvOptions& options) {
  FileBytes bytes;
  NOCODE_RETURN_IF_ERROR(bytes.open(path));
  return parse_csv(bytes.view(), options, path);
}

Result<int64_t> parse_timestamp(std::string_view text) {
  int64_t ns = 0;
  const char* why = "";
  if (parse_timestamp_ns(text, &ns, &why)) return ns;
  return Status::parse_error("expected a timestamp, got '" + shorten(text) + "': " + why);
}

}  // namespace nocode
