// missingValues and normalization: one pass per column; the expanding
// statistics are running sums / running extremes, so every bar sees only its
// past.
#include "engine/dataset_prep.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "common/strings.h"

namespace nocode::engine {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using Column = std::vector<double>;

void forward_fill(Column& x) {
  double last = kNaN;
  for (double& v : x) {
    if (std::isnan(v)) v = last;
    else last = v;
  }
}

void backward_fill(Column& x) {
  double next = kNaN;
  for (size_t i = x.size(); i-- > 0;) {
    if (std::isnan(x[i])) x[i] = next;
    else next = x[i];
  }
}

void interpolate(Column& x) {
  size_t prev = x.size();  // last valid row, none yet
  for (size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i])) continue;
    if (prev != x.size() && i > prev + 1) {
      const double step = (x[i] - x[prev]) / static_cast<double>(i - prev);
      for (size_t k = prev + 1; k < i; ++k) x[k] = x[prev] + step * static_cast<double>(k - prev);
    }
    prev = i;
  }
}

// The expanding statistic of `ref` applied to `x` (same length).
Column normalized(const Column& x, const Column& ref, Normalization method) {
  Column out(x.size(), kNaN);
  double lo = kNaN, hi = kNaN, sum = 0, sum_sq = 0, first = kNaN, n = 0;
  for (size_t t = 0; t < x.size(); ++t) {
    const double r = ref[t];
    if (!std::isnan(r)) {
      lo = std::isnan(lo) ? r : std::min(lo, r);
      hi = std::isnan(hi) ? r : std::max(hi, r);
      if (std::isnan(first)) first = r;
      n += 1;
      sum += r;
      sum_sq += r * r;
    }
    const double v = x[t];
    if (std::isnan(v) || n == 0) continue;
    switch (method) {
      case Normalization::kMinMax: out[t] = hi > lo ? (v - lo) / (hi - lo) : 0.0; break;
      case Normalization::kZScore: {
        const double mean = sum / n;
        const double var = n >= 2 ? std::max(0.0, (sum_sq - n * mean * mean) / (n - 1)) : 0.0;
        out[t] = var > 0 ? (v - mean) / std::sqrt(var) : 0.0;
        break;
      }
      case Normalization::kPercentage: out[t] = first != 0 ? (v / first - 1) * 100 : kNaN; break;
      case Normalization::kNone: out[t] = v; break;
    }
  }
  return out;
}

bool is_price(const std::string& name) {
  return name == "open" || name == "high" || name == "low" || name == "close";
}

}  // namespace

Result<MissingValues> parse_missing_values(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "drop") return MissingValues::kDrop;
  if (t == "forward_fill" || t.empty()) return MissingValues::kForwardFill;
  if (t == "backward_fill") return MissingValues::kBackwardFill;
  if (t == "interpolate") return MissingValues::kInterpolate;
  if (t == "zero") return MissingValues::kZero;
  return Status::invalid_argument("missingValues '" + std::string(text) +
                                  "': expected drop, forward_fill, backward_fill, interpolate "
                                  "or zero");
}

Result<Normalization> parse_normalization(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "none" || t.empty()) return Normalization::kNone;
  if (t == "minmax") return Normalization::kMinMax;
  if (t == "zscore") return Normalization::kZScore;
  if (t == "percentage") return Normalization::kPercentage;
  return Status::invalid_argument("normalization '" + std::string(text) +
                                  "': expected none, minmax, zscore or percentage");
}

bool reads_later_bars(MissingValues m) {
  return m == MissingValues::kBackwardFill || m == MissingValues::kInterpolate;
}

Frame fill_missing(const Frame& bars, MissingValues method) {
  if (method == MissingValues::kDrop) {
    std::vector<size_t> keep;
    for (size_t i = 0; i < bars.rows(); ++i) {
      bool ok = true;
      for (size_t c = 0; c < bars.columns() && ok; ++c) ok = !std::isnan(bars.column_at(c)[i]);
      if (ok) keep.push_back(i);
    }
    if (keep.size() == bars.rows()) return bars;
    std::vector<int64_t> ts;
    for (size_t i : keep) ts.push_back(bars.timestamps()[i]);
    Frame out(std::move(ts));
    for (size_t c = 0; c < bars.columns(); ++c) {
      Column col;
      for (size_t i : keep) col.push_back(bars.column_at(c)[i]);
      (void)out.set_column(bars.names()[c], std::move(col));
    }
    return out;
  }
  Frame out = bars;  // shares columns; the changed ones are replaced below
  for (size_t c = 0; c < bars.columns(); ++c) {
    const Column& src = bars.column_at(c);
    bool any = false;
    for (double v : src) any = any || std::isnan(v);
    if (!any) continue;
    Column x = src;
    switch (method) {
      case MissingValues::kForwardFill: forward_fill(x); break;
      case MissingValues::kBackwardFill: backward_fill(x); break;
      case MissingValues::kInterpolate: interpolate(x); break;
      case MissingValues::kZero:
        for (double& v : x) v = std::isnan(v) ? 0.0 : v;
        break;
      case MissingValues::kDrop: break;
    }
    (void)out.set_column(bars.names()[c], std::move(x));
  }
  return out;
}

Frame normalize(const Frame& bars, Normalization method) {
  if (method == Normalization::kNone) return bars;
  Frame out = bars;
  const Column* close = bars.column("close");
  for (size_t c = 0; c < bars.columns(); ++c) {
    const std::string& name = bars.names()[c];
    const Column& x = bars.column_at(c);
    const Column& ref = is_price(name) && close ? *close : x;
    (void)out.set_column(name, normalized(x, ref, method));
  }
  return out;
}

}  // namespace nocode::engine
