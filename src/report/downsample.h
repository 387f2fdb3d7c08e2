// Min/max-preserving downsampling of long series for charts.
//
// A 1M-bar backtest would make a 1M-point SVG path; instead the interior of
// the series is cut into equal buckets of consecutive bars and each bucket
// keeps the bars of its minimum and maximum (in bar order), plus the first
// and last bar of the series. Spikes and the global extremes therefore stay
// visible. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <vector>

namespace nocode::report {

// Half-open bar range [begin, end).
struct Bucket {
  size_t begin = 0;
  size_t end = 0;
};

// Splits [first, last) into `count` contiguous buckets of near-equal size
// (fewer if the range is shorter than count).
std::vector<Bucket> make_buckets(size_t first, size_t last, size_t count);

// Sorted, distinct indices of the bars to draw; at most max(max_points, 4).
// All indices when values.size() <= max_points. NaNs are never chosen as a
// bucket's min or max; an all-NaN bucket keeps its first bar (a gap).
std::vector<size_t> downsample_min_max(const std::vector<double>& values, size_t max_points);

}  // namespace nocode::report
