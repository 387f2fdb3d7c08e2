// What a plan step produces: one Value per output handle. A Value is bars
// (OHLCV Frame), a numeric series, a 0/1 signal or a split assignment, always
// tied to the bars whose rows it is aligned with (its timeline). Values hold
// immutable data behind shared pointers so cached outputs can be shared by
// later runs without copying. Immutable once built; safe to read from many
// threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/frame.h"
#include "engine/conditions/condition.h"
#include "engine/run_result.h"

namespace nocode::ml {
struct FittedModel;  // ml/training_set.h
}  // namespace nocode::ml

namespace nocode::engine {

enum class ValueKind {
  kBars,    // OHLCV bars (bars = the data itself)
  kSeries,  // numeric series (features, indicator outputs, labels, scores)
  kSignal,  // 0/1 per bar
  kSplit,   // per bar: 0 none, 1 train, 2 validation, 3 test (stored in series)
};

struct Value {
  ValueKind kind = ValueKind::kSeries;
  std::shared_ptr<const Frame> bars;  // kBars: the bars; else the timeline this value lives on
  std::shared_ptr<const std::vector<double>> series;  // kSeries, kSplit
  std::shared_ptr<const Signal> signal;               // kSignal
  std::shared_ptr<const ml::FittedModel> model;       // model-output: the fitted model
  size_t rows() const { return bars ? bars->rows() : 0; }
};

struct StepOutput {
  std::map<std::string, Value> by_handle;  // output handle -> value
  std::optional<ActionFires> fires;        // action steps
  size_t kernels = 0;                      // kernel executions it took to compute
};

Value series_value(std::shared_ptr<const Frame> timeline, std::vector<double> values);
// Shares `values` (no copy).
Value series_value(std::shared_ptr<const Frame> timeline,
                   std::shared_ptr<const std::vector<double>> values);
Value signal_value(std::shared_ptr<const Frame> timeline, Signal values);

// The value's numbers on its own timeline: series as is, signals as 0/1,
// bars as their close.
std::vector<double> numbers_of(const Value& v);
// True where the value is non-zero and not NaN (signals as is).
Signal truth_of(const Value& v);

// Row map from `from` timestamps onto `to` timestamps, as-of: for every row
// of `to` the last row of `from` at or before it, or -1 when none. Both must
// be increasing. Never reads a later row, so aligning cannot look ahead.
std::vector<int64_t> as_of_rows(const std::vector<int64_t>& from, const std::vector<int64_t>& to);
bool same_timeline(const Frame& a, const Frame& b);

// The value's numbers / truth moved onto `target`'s rows (NaN / 0 where the
// value has no row at or before).
std::vector<double> numbers_on(const Value& v, const Frame& target);
Signal truth_on(const Value& v, const Frame& target);
// As numbers_on, but shares the value's own storage when it already lives on
// `target`'s timeline (series, split, a bars value's close): no copy.
std::shared_ptr<const std::vector<double>> shared_numbers_on(const Value& v, const Frame& target);

}  // namespace nocode::engine
