// Bucketing: (max_points - 2) / 2 buckets over bars 1..n-2, two points each.
#include "report/downsample.h"

#include <algorithm>
#include <cmath>

namespace nocode::report {

std::vector<Bucket> make_buckets(size_t first, size_t last, size_t count) {
  std::vector<Bucket> out;
  if (last <= first || count == 0) return out;
  const size_t n = last - first;
  count = std::min(count, n);
  out.reserve(count);
  for (size_t b = 0; b < count; ++b) {
    out.push_back({first + b * n / count, first + (b + 1) * n / count});
  }
  return out;
}

namespace {

// Appends the bucket's min and max bars (in bar order) or its first bar.
void keep_extremes(const std::vector<double>& v, Bucket b, std::vector<size_t>* out) {
  size_t lo = b.end, hi = b.end;
  for (size_t i = b.begin; i < b.end; ++i) {
    if (std::isnan(v[i])) continue;
    if (lo == b.end || v[i] < v[lo]) lo = i;
    if (hi == b.end || v[i] > v[hi]) hi = i;
  }
  if (lo == b.end) {
    out->push_back(b.begin);
    return;
  }
  out->push_back(std::min(lo, hi));
  if (hi != lo) out->push_back(std::max(lo, hi));
}

}  // namespace

std::vector<size_t> downsample_min_max(const std::vector<double>& values, size_t max_points) {
  const size_t n = values.size();
  max_points = std::max<size_t>(max_points, 4);
  std::vector<size_t> out;
  if (n <= max_points) {
    out.resize(n);
    for (size_t i = 0; i < n; ++i) out[i] = i;
    return out;
  }
  out.reserve(max_points);
  out.push_back(0);
  for (const Bucket& b : make_buckets(1, n - 1, (max_points - 2) / 2)) keep_extremes(values, b, &out);
  out.push_back(n - 1);
  return out;
}

}  // namespace nocode::report
