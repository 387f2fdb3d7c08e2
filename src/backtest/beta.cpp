// Beta: covariance of log returns over the variance of the benchmark's.
// Logs are computed 8 or 4 at a time with glibc's vector math library
// (libmvec, linked through libm) when the target has AVX-512 or AVX2: the
// scalar log of 2 values per bar was half of compute_statistics' time.
// libmvec's log is within a few ulp of the correctly rounded value, so Beta
// moves in the last bits only (it already differs from numpy's BLAS dot).
#include <cmath>
#include <vector>

#include "backtest/numeric.h"
#include "backtest/statistics_parts.h"

#if defined(__AVX512F__) || defined(__AVX2__)
#include <immintrin.h>
#endif

#if defined(__AVX512F__)
extern "C" __m512d _ZGVeN8v_log(__m512d);
#elif defined(__AVX2__)
extern "C" __m256d _ZGVdN4v_log(__m256d);
#endif

namespace nocode::backtest {
namespace {

// out[k] = log(a[k+1] / a[k]) for k < m.
void log_ratios(const double* a, size_t m, double* out) {
  size_t k = 0;
#if defined(__AVX512F__)
  for (; k + 8 <= m; k += 8) {
    const __m512d q = _mm512_div_pd(_mm512_loadu_pd(a + k + 1), _mm512_loadu_pd(a + k));
    _mm512_storeu_pd(out + k, _ZGVeN8v_log(q));
  }
#elif defined(__AVX2__)
  for (; k + 4 <= m; k += 4) {
    const __m256d q = _mm256_div_pd(_mm256_loadu_pd(a + k + 1), _mm256_loadu_pd(a + k));
    _mm256_storeu_pd(out + k, _ZGVdN4v_log(q));
  }
#endif
  for (; k < m; ++k) out[k] = std::log(a[k + 1] / a[k]);
}

}  // namespace

double log_return_beta(std::span<const double> equity, std::span<const double> benchmark) {
  const size_t n = equity.size();
  if (n < 3 || benchmark.size() != n) return std::nan("");
  // Reused per thread: two 8 MB arrays for 1M bars would page-fault on every call.
  thread_local std::vector<double> x, y;
  x.resize(n - 1);
  y.resize(n - 1);
  log_ratios(equity.data(), n - 1, x.data());
  log_ratios(benchmark.data(), n - 1, y.data());
  const std::span<const double> xs(x.data(), n - 1), ys(y.data(), n - 1);
  const std::array<double, 2> sums = pairwise_sum2(xs, ys);  // pandas' means
  const double mx = sums[0] / static_cast<double>(n - 1), my = sums[1] / static_cast<double>(n - 1);
  const std::array<double, 2> dots = centered_dots(xs, mx, ys, my);
  const double f = 1.0 / static_cast<double>(n - 2);
  return (dots[0] * f) / (dots[1] * f);
}

}  // namespace nocode::backtest
