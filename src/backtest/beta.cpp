// Beta: covariance of log returns over the variance of the benchmark's.
// Logs are computed 8 or 4 at a time with glibc's vector math library
// (libmvec, linked through libm) when the target has AVX-512 or AVX2: the
// scalar log of 2 values per bar was half of compute_statistics' time.
// libmvec's log is within a few ulp of the correctly rounded value, so Beta
// moves in the last bits only (it already differs from numpy's BLAS dot).
#include <array>
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

// out[k] = log(a[k+1] / a[k]) for k < out.size(); returns pairwise_sum(out),
// summing each block while it is in cache. The blocks start and end at
// multiples of 8 except the last (pairwise_sum_filled), so every value comes
// from the same kernel (vector or scalar log) as in one log_ratios call.
double log_ratio_sum(std::span<const double> a, std::span<double> out) {
  return pairwise_sum_filled(out, [&](size_t begin, size_t count) {
    log_ratios(a.data() + begin, count, out.data() + begin);
  });
}

// pandas' means (pairwise sum / count).
double mean_of(double sum, size_t m) { return sum / static_cast<double>(m); }

// numpy's cov / var with ddof=1, from the centered dots.
double beta_of(const std::array<double, 2>& dots, size_t m) {
  const double f = 1.0 / static_cast<double>(m - 1);
  return (dots[0] * f) / (dots[1] * f);
}

// Reused per calling thread: two 8 MB arrays for 1M bars would page-fault on
// every call.
std::array<std::span<double>, 2> scratch(size_t m) {
  thread_local std::vector<double> x, y;
  x.resize(m);
  y.resize(m);
  return {std::span<double>(x), std::span<double>(y)};
}

}  // namespace

BenchmarkReturns benchmark_returns(std::span<const double> benchmark) {
  BenchmarkReturns r;
  if (benchmark.size() < 3) return r;
  const size_t m = benchmark.size() - 1;
  r.logs.resize(m);
  r.sum = log_ratio_sum(benchmark, r.logs);
  const double my = mean_of(r.sum, m);
  r.centered_squares = centered_dot(r.logs, my, r.logs, my);
  return r;
}

double log_return_beta(std::span<const double> equity, std::span<const double> benchmark,
                       const BenchmarkReturns* returns) {
  const size_t n = equity.size();
  if (n < 3 || benchmark.size() != n) return std::nan("");
  const auto [x, y] = scratch(n - 1);
  const double mx = mean_of(log_ratio_sum(equity, x), n - 1);
  if (returns && returns->logs.size() == n - 1) {
    const double xy = centered_dot(x, mx, returns->logs, mean_of(returns->sum, n - 1));
    return beta_of({xy, returns->centered_squares}, n - 1);
  }
  const double my = mean_of(log_ratio_sum(benchmark, y), n - 1);
  return beta_of(centered_dots(x, mx, y, my), n - 1);
}

SharedBeta::SharedBeta(std::span<const double> equity, std::span<const double> benchmark,
                       const BenchmarkReturns* returns)
    : series_{equity, benchmark},
      returns_(returns && returns->logs.size() + 1 == equity.size() ? returns : nullptr),
      split_(pairwise_top_split(equity.size() - 1)) {
  const auto [x, y] = scratch(equity.size() - 1);
  logs_[0] = x;
  logs_[1] = y;
}

void SharedBeta::run_half(int half) noexcept {
  const size_t m = logs_[0].size();
  if (half == 0 || !returns_) sums_[half] = log_ratio_sum(series_[half], logs_[half]);
  if (half == 0) {
    equity_done_.store(true, std::memory_order_release);
    equity_done_.notify_one();
    // With the benchmark's part done, the cross sum's first half is ours.
    if (returns_) cross_[0] = centered_dot_part(logs_[0], mean_of(sums_[0], m), returns_->logs,
                                                mean_of(returns_->sum, m), 0, split_);
    return;
  }
  equity_done_.wait(false, std::memory_order_acquire);
  const double mx = mean_of(sums_[0], m);
  if (returns_) {
    cross_[1] = centered_dot_part(logs_[0], mx, returns_->logs, mean_of(returns_->sum, m), split_,
                                  m - split_);
    return;
  }
  beta_ = beta_of(centered_dots(logs_[0], mx, logs_[1], mean_of(sums_[1], m)), m);
}

double SharedBeta::result() const {
  if (!returns_) return beta_;
  const double xy = split_ == 0 ? cross_[1] : cross_[0] + cross_[1];
  return beta_of({xy, returns_->centered_squares}, logs_[0].size());
}

}  // namespace nocode::backtest
