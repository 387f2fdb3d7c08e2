// Three-way splits (by ratio, by date), split boundaries from text and the
// per-row assignment. Walk-forward and purged k-fold are in split_folds.cpp.
#include "ml/split.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "common/strings.h"
#include "data/frame.h"
#include "data/timestamp.h"
#include "ml/split_support.h"

namespace nocode::ml {
namespace {

constexpr double kEps = 1e-9;

Status check_fraction(const char* name, double v, bool positive) {
  if (!std::isfinite(v) || v < 0 || v > 1 || (positive && v <= 0))
    return Status::invalid_argument(std::string("ratio split: ") + name + " fraction must be in " +
                                    (positive ? "(0, 1]" : "[0, 1]") + ", got " +
                                    format_double(v));
  return Status::ok();
}

size_t part_rows(double fraction, size_t usable) {
  return static_cast<size_t>(std::floor(fraction * static_cast<double>(usable) + kEps));
}

// Sizes for `rows`, or nullopt when some positive part gets no row.
std::optional<ThreeWaySplit> ratio_layout(size_t rows, const RatioSplitOptions& o) {
  const double f[3] = {o.train, o.validation, o.test};
  const size_t parts = (f[0] > 0) + (f[1] > 0) + (f[2] > 0);
  const size_t gaps = o.gap * (parts - 1);
  if (rows < gaps) return std::nullopt;
  const size_t usable = rows - gaps;
  const bool whole = std::fabs(f[0] + f[1] + f[2] - 1.0) <= kEps;
  size_t n[3] = {part_rows(f[0], usable), part_rows(f[1], usable), part_rows(f[2], usable)};
  if (whole && f[2] > 0) n[2] = usable - std::min(usable, n[0] + n[1]);
  for (int i = 0; i < 3; ++i)
    if (f[i] > 0 && n[i] == 0) return std::nullopt;
  if (n[0] + n[1] + n[2] > usable) return std::nullopt;
  ThreeWaySplit s;
  s.train = {0, n[0]};
  size_t next = n[0];
  s.validation = {next, next};
  if (n[1] > 0) {
    s.validation = {next + o.gap, next + o.gap + n[1]};
    next = s.validation.end;
  }
  s.test = n[2] > 0 ? Range{next + o.gap, next + o.gap + n[2]} : Range{next, next};
  return s;
}

Status check_increasing(const std::vector<int64_t>& ts) {
  for (size_t i = 1; i < ts.size(); ++i)
    if (ts[i] <= ts[i - 1])
      return Status::invalid_argument(
          "date split: timestamps must be strictly increasing; row " + std::to_string(i) + " (" +
          format_timestamp(ts[i]) + ") is not after row " + std::to_string(i - 1) + " (" +
          format_timestamp(ts[i - 1]) + ")");
  return Status::ok();
}

size_t rows_until(const std::vector<int64_t>& ts, int64_t last) {
  return static_cast<size_t>(std::upper_bound(ts.begin(), ts.end(), last) - ts.begin());
}

}  // namespace

Result<ThreeWaySplit> split_by_ratio(size_t rows, const RatioSplitOptions& o) {
  NOCODE_RETURN_IF_ERROR(check_fraction("train", o.train, true));
  NOCODE_RETURN_IF_ERROR(check_fraction("validation", o.validation, false));
  NOCODE_RETURN_IF_ERROR(check_fraction("test", o.test, false));
  if (o.gap > 1'000'000'000'000)
    return Status::invalid_argument("ratio split: gap must be <= 1000000000000 rows, got " +
                                    std::to_string(o.gap));
  const double sum = o.train + o.validation + o.test;
  if (sum > 1.0 + kEps)
    return Status::invalid_argument("ratio split: train + validation + test must be <= 1, got " +
                                    format_double(sum));
  if (auto layout = ratio_layout(rows, o)) return *layout;
  // Each positive part needs fraction * usable >= 1: a lower bound to start the search from.
  double smallest = o.train;
  if (o.validation > 0) smallest = std::min(smallest, o.validation);
  if (o.test > 0) smallest = std::min(smallest, o.test);
  const size_t parts = 1 + (o.validation > 0) + (o.test > 0);
  const double bound = std::ceil((1.0 - kEps) / smallest) + static_cast<double>(o.gap * (parts - 1));
  const size_t from = std::max(rows + 1, bound < 1e15 ? static_cast<size_t>(bound) : rows + 1);
  auto needed = detail::smallest_rows(from, [&](size_t r) { return ratio_layout(r, o).has_value(); });
  const std::string fractions = "train " + format_double(o.train) + ", validation " +
                                format_double(o.validation) + ", test " + format_double(o.test) +
                                ", gap " + std::to_string(o.gap);
  return Status::invalid_argument(
      "ratio split (" + fractions + ") needs at least " +
      (needed ? std::to_string(*needed) : "more than " + std::to_string(from + 10'000'000)) +
      " rows so that every part gets a row; got " + std::to_string(rows));
}

Result<ThreeWaySplit> split_by_date(const std::vector<int64_t>& ts, const DateSplitOptions& o) {
  NOCODE_RETURN_IF_ERROR(check_increasing(ts));
  const size_t n = ts.size();
  if (o.gap > n)
    return Status::invalid_argument("date split: gap of " + std::to_string(o.gap) +
                                    " rows is longer than the series (" + std::to_string(n) +
                                    " rows)");
  if (o.validation_end && *o.validation_end <= o.train_end)
    return Status::invalid_argument("date split: validation_end (" +
                                    format_timestamp(*o.validation_end) +
                                    ") must be after train_end (" +
                                    format_timestamp(o.train_end) + ")");
  ThreeWaySplit s;
  s.train = {0, rows_until(ts, o.train_end)};
  if (s.train.empty())
    return Status::invalid_argument(
        "date split: no rows on or before train_end " + format_timestamp(o.train_end) +
        (n ? " (the first bar is " + format_timestamp(ts[0]) + ")" : " (no rows)"));
  size_t next = s.train.end;
  if (o.validation_end) {
    const size_t end = rows_until(ts, *o.validation_end);
    s.validation = {std::min(end, next + o.gap), end};
    if (s.validation.empty())
      return Status::invalid_argument("date split: no validation rows after train_end " +
                                      format_timestamp(o.train_end) + " (+ gap " +
                                      std::to_string(o.gap) + " rows) up to validation_end " +
                                      format_timestamp(*o.validation_end));
    next = end;
  } else {
    s.validation = {next, next};
  }
  s.test = {std::min(n, next + o.gap), n};
  if (s.test.empty())
    return Status::invalid_argument(
        "date split: no test rows after " +
        format_timestamp(o.validation_end ? *o.validation_end : o.train_end) + " (+ gap " +
        std::to_string(o.gap) + " rows); the last bar is " + format_timestamp(ts[n - 1]));
  return s;
}

Result<int64_t> parse_split_boundary(std::string_view text) {
  const std::string_view t = trim(text);
  int64_t ns = 0;
  const char* why = nullptr;
  if (!parse_timestamp_ns(t, &ns, &why))
    return Status::invalid_argument("split boundary '" + std::string(text) +
                                    "': expected a date YYYY-MM-DD or a timestamp (" +
                                    (why ? why : "unreadable") + ")");
  const bool date_only = t.size() == 10 && (t[4] == '-' || t[4] == '/');
  constexpr int64_t kDayNs = 86'400'000'000'000LL;
  if (date_only) {
    if (ns > INT64_MAX - kDayNs)
      return Status::invalid_argument("split boundary '" + std::string(text) + "' is too late");
    ns += kDayNs - 1;
  }
  return ns;
}

std::vector<Part> assign_rows(const ThreeWaySplit& split, size_t rows) {
  std::vector<Part> out(rows, Part::kNone);
  auto mark = [&](const Range& r, Part p) {
    for (size_t i = r.begin; i < std::min(r.end, rows); ++i) out[i] = p;
  };
  mark(split.train, Part::kTrain);
  mark(split.validation, Part::kValidation);
  mark(split.test, Part::kTest);
  return out;
}

}  // namespace nocode::ml
