#include "engine/step_output.h"

#include <cmath>
#include <limits>
#include <utility>

namespace nocode::engine {

Value series_value(std::shared_ptr<const Frame> timeline, std::vector<double> values) {
  Value v;
  v.kind = ValueKind::kSeries;
  v.bars = std::move(timeline);
  v.series = std::make_shared<const std::vector<double>>(std::move(values));
  return v;
}

Value series_value(std::shared_ptr<const Frame> timeline,
                   std::shared_ptr<const std::vector<double>> values) {
  Value v;
  v.kind = ValueKind::kSeries;
  v.bars = std::move(timeline);
  v.series = std::move(values);
  return v;
}

Value signal_value(std::shared_ptr<const Frame> timeline, Signal values) {
  Value v;
  v.kind = ValueKind::kSignal;
  v.bars = std::move(timeline);
  v.signal = std::make_shared<const Signal>(std::move(values));
  return v;
}

std::vector<double> numbers_of(const Value& v) {
  switch (v.kind) {
    case ValueKind::kBars: {
      const auto* close = v.bars->column("close");
      return close ? *close : std::vector<double>(v.rows(), std::nan(""));
    }
    case ValueKind::kSignal:
      return std::vector<double>(v.signal->begin(), v.signal->end());
    case ValueKind::kSeries:
    case ValueKind::kSplit:
      return *v.series;
  }
  return {};
}

Signal truth_of(const Value& v) {
  if (v.kind == ValueKind::kSignal) return *v.signal;
  const std::vector<double> x = numbers_of(v);
  Signal out(x.size(), 0);
  for (size_t i = 0; i < x.size(); ++i) out[i] = (!std::isnan(x[i]) && x[i] != 0) ? 1 : 0;
  return out;
}

std::vector<int64_t> as_of_rows(const std::vector<int64_t>& from, const std::vector<int64_t>& to) {
  std::vector<int64_t> rows(to.size(), -1);
  size_t j = 0;
  int64_t last = -1;
  for (size_t i = 0; i < to.size(); ++i) {
    while (j < from.size() && from[j] <= to[i]) last = static_cast<int64_t>(j++);
    rows[i] = last;
  }
  return rows;
}

bool same_timeline(const Frame& a, const Frame& b) {
  return &a == &b || a.shares_timestamps(b) || a.timestamps() == b.timestamps();
}

std::vector<double> numbers_on(const Value& v, const Frame& target) {
  std::vector<double> x = numbers_of(v);
  if (same_timeline(*v.bars, target)) return x;
  const auto rows = as_of_rows(v.bars->timestamps(), target.timestamps());
  std::vector<double> out(rows.size(), std::numeric_limits<double>::quiet_NaN());
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i] >= 0) out[i] = x[static_cast<size_t>(rows[i])];
  }
  return out;
}

Signal truth_on(const Value& v, const Frame& target) {
  Signal x = truth_of(v);
  if (same_timeline(*v.bars, target)) return x;
  const auto rows = as_of_rows(v.bars->timestamps(), target.timestamps());
  Signal out(rows.size(), 0);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i] >= 0) out[i] = x[static_cast<size_t>(rows[i])];
  }
  return out;
}

std::shared_ptr<const std::vector<double>> shared_numbers_on(const Value& v, const Frame& target) {
  if (same_timeline(*v.bars, target)) {
    if ((v.kind == ValueKind::kSeries || v.kind == ValueKind::kSplit) && v.series) return v.series;
    if (v.kind == ValueKind::kBars) {
      if (auto close = v.bars->shared_column("close")) return close;
    }
  }
  return std::make_shared<const std::vector<double>>(numbers_on(v, target));
}

}  // namespace nocode::engine
