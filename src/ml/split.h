// Time-ordered splits of a series' rows for training and evaluation: by
// ratio, by date, walk-forward folds and purged k-fold (Lopez de Prado,
// "Advances in Financial Machine Learning" (2018), ch. 7). Rows are never
// shuffled; every function returns half-open row ranges [begin, end) in
// increasing order and validates its options, answering bad ones with an
// invalid_argument Status that says what was expected (and, for too few rows,
// how many are needed). Pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nocode::ml {

struct Range {
  size_t begin = 0;
  size_t end = 0;  // exclusive
  size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(size_t row) const { return row >= begin && row < end; }
  friend bool operator==(const Range&, const Range&) = default;
};

// Train, then validation, then test; dropped gap rows lie between them.
struct ThreeWaySplit {
  Range train, validation, test;  // validation may be empty
};

struct RatioSplitOptions {
  double train = 0.7;       // fraction of the usable rows for training, (0, 1]
  double validation = 0.15; // fraction for validation, [0, 1] (0 = no validation part)
  double test = 0.15;       // fraction for testing, [0, 1]; the three sum to <= 1
  size_t gap = 0;           // rows dropped between consecutive non-empty parts
};

// usable = rows - gap * (non-empty parts - 1). train gets floor(train *
// usable) rows from row 0, validation floor(validation * usable) after a gap,
// test the rest when the fractions sum to 1 (else floor(test * usable)), after
// a gap. Rows left over when the fractions sum below 1 stay unused at the end.
// Every part with a positive fraction must get at least one row.
Result<ThreeWaySplit> split_by_ratio(size_t rows, const RatioSplitOptions& options);

struct DateSplitOptions {
  int64_t train_end = 0;                  // last training timestamp (inclusive), UTC ns
  std::optional<int64_t> validation_end;  // last validation timestamp (inclusive); none = no
                                          // validation part
  size_t gap = 0;                         // rows dropped at the start of validation and test
};

// train: timestamps <= train_end; validation: train_end < ts <= validation_end;
// test: later rows; each part after the first loses its first `gap` rows.
// Timestamps must be strictly increasing; train and test must not be empty.
Result<ThreeWaySplit> split_by_date(const std::vector<int64_t>& timestamps,
                                    const DateSplitOptions& options);

// A split boundary from text: a date "YYYY-MM-DD" means the end of that day
// (its last nanosecond), so every bar of that day falls on the earlier side;
// a timestamp with a time of day is taken as is. Formats of data/timestamp.h.
Result<int64_t> parse_split_boundary(std::string_view text);

// One evaluation fold: train rows (possibly several ranges, with purged or
// embargoed rows left out) and one contiguous test range.
struct Fold {
  std::vector<Range> train;
  Range test;
  size_t train_rows() const;
};

enum class WindowKind { kExpanding, kRolling };

struct WalkForwardOptions {
  size_t folds = 5;        // number of test blocks, >= 1
  WindowKind window = WindowKind::kExpanding;
  size_t test_size = 0;    // rows per test block; 0 = rows / (folds + 1) (sklearn TimeSeriesSplit)
  size_t train_size = 0;   // rolling: rows per train window (0 = the first fold's history);
                           // expanding: minimum rows of the first train window (0 = 1)
  size_t gap = 0;          // rows dropped between the end of train and the start of test
  size_t embargo = 0;      // rows after each test block left out of every later train window
};

// The test blocks are contiguous and end at the last row: block i (0-based)
// is [rows - (folds - i) * test_size, rows - (folds - i - 1) * test_size).
// Train for block i ends `gap` rows before it; it starts at row 0
// (expanding) or `train_size` rows before its end (rolling), and leaves out
// the `embargo` rows after each earlier test block.
Result<std::vector<Fold>> walk_forward(size_t rows, const WalkForwardOptions& options);

struct PurgedKFoldOptions {
  size_t folds = 5;    // k >= 2
  size_t horizon = 0;  // label lookahead h: the label of row i reads rows i..i+h
  size_t embargo = 0;  // rows after each test fold (past the purge) dropped from train
};

// k contiguous test folds covering all rows (the first rows % k folds one
// row longer). For test fold [a, b), train is every other row except the
// purged rows [a - h, a) (their labels read test rows) and [b, b + h) (they
// share label rows with the test fold), and the embargo [b + h, b + h + e).
Result<std::vector<Fold>> purged_kfold(size_t rows, const PurgedKFoldOptions& options);

// Which part each row belongs to, for engines that want a per-row mask.
enum class Part : int8_t { kNone = 0, kTrain = 1, kValidation = 2, kTest = 3 };
std::vector<Part> assign_rows(const ThreeWaySplit& split, size_t rows);

}  // namespace nocode::ml
