// scan_values: 8 lanes at a time with GCC vector extensions (AVX-512 here,
// split into narrower vectors by the compiler elsewhere); the lanes are
// combined once at the end.
#include "common/value_scan.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace nocode {

ValueScan scan_values(std::span<const double> values) {
  typedef double V8 __attribute__((vector_size(64)));
  typedef int64_t V8i __attribute__((vector_size(64)));
  V8 mn = V8{} + HUGE_VAL, mx = V8{} - HUGE_VAL, sum = V8{};
  V8i nan{};
  const double* v = values.data();
  const size_t n = values.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    V8 x;
    std::memcpy(&x, v + i, sizeof x);
    mn = x < mn ? x : mn;  // NaN compares false: skipped
    mx = x > mx ? x : mx;
    sum += x;
    nan |= x != x;
  }
  ValueScan r;
  for (int k = 0; k < 8; ++k) {
    r.min = std::min(r.min, mn[k]);
    r.max = std::max(r.max, mx[k]);
    r.sum += sum[k];
    r.has_nan |= nan[k] != 0;
  }
  for (; i < n; ++i) {
    const double x = v[i];
    if (x < r.min) r.min = x;
    if (x > r.max) r.max = x;
    r.sum += x;
    r.has_nan |= std::isnan(x);
  }
  return r;
}

}  // namespace nocode
