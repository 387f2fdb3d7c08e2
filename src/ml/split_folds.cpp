// Fold generators: walk-forward (expanding or rolling train window) and
// purged k-fold with embargo (Lopez de Prado, AFML ch. 7.4).
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "ml/split.h"
#include "ml/split_support.h"

namespace nocode::ml {
namespace {

// `from` minus the union of `holes`, as ordered non-empty ranges.
std::vector<Range> subtract(Range from, const std::vector<Range>& holes) {
  std::vector<Range> out;
  size_t cursor = from.begin;
  std::vector<Range> sorted = holes;
  std::sort(sorted.begin(), sorted.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
  for (const Range& h : sorted) {
    if (h.end <= cursor || h.empty()) continue;
    if (h.begin >= from.end) break;
    if (h.begin > cursor) out.push_back({cursor, h.begin});
    cursor = std::max(cursor, h.end);
  }
  if (cursor < from.end) out.push_back({cursor, from.end});
  return out;
}

// Folds for `rows`, or nullopt when some fold would have no test or train rows.
std::optional<std::vector<Fold>> walk_forward_layout(size_t rows, const WalkForwardOptions& o) {
  const size_t test = o.test_size ? o.test_size : rows / (o.folds + 1);
  if (test == 0 || rows < o.folds * test) return std::nullopt;
  const size_t first = rows - o.folds * test;
  const size_t min_train = o.train_size ? o.train_size : 1;
  if (first < o.gap + min_train) return std::nullopt;
  const size_t window = o.train_size ? o.train_size : first - o.gap;
  std::vector<Fold> folds;
  std::vector<Range> embargoes;
  for (size_t i = 0; i < o.folds; ++i) {
    Fold f;
    f.test = {first + i * test, first + (i + 1) * test};
    const size_t train_end = f.test.begin - o.gap;
    const size_t train_begin =
        o.window == WindowKind::kExpanding ? 0 : train_end - std::min(train_end, window);
    f.train = subtract({train_begin, train_end}, embargoes);
    if (f.train.empty()) return std::nullopt;
    embargoes.push_back({f.test.end, f.test.end + o.embargo});
    folds.push_back(std::move(f));
  }
  return folds;
}

std::optional<std::vector<Fold>> purged_layout(size_t rows, const PurgedKFoldOptions& o) {
  if (rows < o.folds) return std::nullopt;
  const size_t base = rows / o.folds, extra = rows % o.folds;
  std::vector<Fold> folds;
  size_t a = 0;
  for (size_t i = 0; i < o.folds; ++i) {
    const size_t b = a + base + (i < extra ? 1 : 0);
    Fold f;
    f.test = {a, b};
    const size_t before_end = a - std::min(a, o.horizon);
    const size_t after_begin = std::min(rows, b + o.horizon + o.embargo);
    if (before_end > 0) f.train.push_back({0, before_end});
    if (after_begin < rows) f.train.push_back({after_begin, rows});
    if (f.train.empty()) return std::nullopt;
    folds.push_back(std::move(f));
    a = b;
  }
  return folds;
}

// Bounds that keep every row computation far from size_t overflow.
constexpr size_t kMaxFolds = 1'000'000;
constexpr size_t kMaxRows = 1'000'000'000'000;

Status check_sizes(const char* method, size_t folds,
                   std::initializer_list<std::pair<const char*, size_t>> sizes) {
  if (folds > kMaxFolds)
    return Status::invalid_argument(std::string(method) + ": folds must be <= " +
                                    std::to_string(kMaxFolds) + ", got " + std::to_string(folds));
  for (const auto& [name, v] : sizes)
    if (v > kMaxRows)
      return Status::invalid_argument(std::string(method) + ": " + name + " must be <= " +
                                      std::to_string(kMaxRows) + " rows, got " + std::to_string(v));
  return Status::ok();
}

std::string needed_text(std::optional<size_t> needed, size_t from) {
  return needed ? std::to_string(*needed) : "more than " + std::to_string(from + 10'000'000);
}

}  // namespace

size_t Fold::train_rows() const {
  size_t n = 0;
  for (const Range& r : train) n += r.size();
  return n;
}

Result<std::vector<Fold>> walk_forward(size_t rows, const WalkForwardOptions& o) {
  if (o.folds < 1)
    return Status::invalid_argument("walk-forward: folds must be >= 1, got 0");
  NOCODE_RETURN_IF_ERROR(check_sizes("walk-forward", o.folds,
                                     {{"test_size", o.test_size}, {"train_size", o.train_size},
                                      {"gap", o.gap}, {"embargo", o.embargo}, {"rows", rows}}));
  if (auto folds = walk_forward_layout(rows, o)) return *folds;
  const size_t from = std::max(rows + 1, o.folds);
  auto needed = detail::smallest_rows(from, [&](size_t r) {
    return walk_forward_layout(r, o).has_value();
  });
  return Status::invalid_argument(
      "walk-forward (" + std::to_string(o.folds) + " folds, test size " +
      (o.test_size ? std::to_string(o.test_size) : std::string("auto")) + ", train size " +
      (o.train_size ? std::to_string(o.train_size) : std::string("auto")) + ", gap " +
      std::to_string(o.gap) + ", embargo " + std::to_string(o.embargo) + ") needs at least " +
      needed_text(needed, from) + " rows so that every fold has train and test rows; got " +
      std::to_string(rows));
}

Result<std::vector<Fold>> purged_kfold(size_t rows, const PurgedKFoldOptions& o) {
  if (o.folds < 2)
    return Status::invalid_argument("purged k-fold: folds must be >= 2, got " +
                                    std::to_string(o.folds));
  NOCODE_RETURN_IF_ERROR(check_sizes("purged k-fold", o.folds,
                                     {{"horizon", o.horizon}, {"embargo", o.embargo}, {"rows", rows}}));
  if (auto folds = purged_layout(rows, o)) return *folds;
  const size_t from = std::max(rows + 1, o.folds);
  auto needed = detail::smallest_rows(from, [&](size_t r) { return purged_layout(r, o).has_value(); });
  return Status::invalid_argument(
      "purged k-fold (" + std::to_string(o.folds) + " folds, horizon " + std::to_string(o.horizon) +
      ", embargo " + std::to_string(o.embargo) + ") needs at least " + needed_text(needed, from) +
      " rows so that every fold keeps training rows after purging; got " + std::to_string(rows));
}

}  // namespace nocode::ml
