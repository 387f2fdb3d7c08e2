// numpy-compatible reductions (see header).
#include "backtest/numeric.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace nocode::backtest {
namespace {

constexpr size_t kBlock = 128;

// One leaf of numpy's pairwise summation (n <= kBlock).
template <typename Get>
double pairwise_leaf(size_t begin, size_t n, const Get& at) {
  if (n < 8) {
    double r = 0.0;
    for (size_t i = 0; i < n; ++i) r += at(begin + i);
    return r;
  }
  double r[8];
  for (size_t j = 0; j < 8; ++j) r[j] = at(begin + j);
  size_t i = 8;
  for (; i < n - (n % 8); i += 8)
    for (size_t j = 0; j < 8; ++j) r[j] += at(begin + i + j);
  double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
  for (; i < n; ++i) res += at(begin + i);
  return res;
}

// numpy splits n > kBlock into halves rounded down to a multiple of 8.
size_t pairwise_split(size_t n) {
  size_t n2 = n / 2;
  return n2 - n2 % 8;
}

template <typename Get>
double pairwise(size_t begin, size_t n, const Get& at) {
  if (n <= kBlock) return pairwise_leaf(begin, n, at);
  const size_t n2 = pairwise_split(n);
  return pairwise(begin, n2, at) + pairwise(begin + n2, n - n2, at);
}

// pairwise() over [begin, begin+n), calling fill() on each subtree of at
// most kFillBlock values before summing it (the same tree, hence the same sum).
constexpr size_t kFillBlock = 2048;  // 16 KB: stays in L1 until summed

double pairwise_filled(size_t begin, size_t n, const double* v,
                       const std::function<void(size_t, size_t)>& fill) {
  if (n <= kFillBlock) {
    fill(begin, n);
    return pairwise(begin, n, [v](size_t i) { return v[i]; });
  }
  const size_t n2 = pairwise_split(n);
  return pairwise_filled(begin, n2, v, fill) + pairwise_filled(begin + n2, n - n2, v, fill);
}

// K pairwise sums in one pass (at(i) yields K values), each bit-identical to
// its own pairwise().
template <size_t K, typename Get>
std::array<double, K> pairwise_multi(size_t begin, size_t n, const Get& at) {
  std::array<double, K> res{};
  if (n < 8) {
    for (size_t i = 0; i < n; ++i) {
      const std::array<double, K> v = at(begin + i);
      for (size_t q = 0; q < K; ++q) res[q] += v[q];
    }
    return res;
  }
  if (n <= kBlock) {
    double r[K][8];
    for (size_t j = 0; j < 8; ++j) {
      const std::array<double, K> v = at(begin + j);
      for (size_t q = 0; q < K; ++q) r[q][j] = v[q];
    }
    size_t i = 8;
    for (; i < n - (n % 8); i += 8)
      for (size_t j = 0; j < 8; ++j) {
        const std::array<double, K> v = at(begin + i + j);
        for (size_t q = 0; q < K; ++q) r[q][j] += v[q];
      }
    for (size_t q = 0; q < K; ++q)
      res[q] = ((r[q][0] + r[q][1]) + (r[q][2] + r[q][3])) + ((r[q][4] + r[q][5]) + (r[q][6] + r[q][7]));
    for (; i < n; ++i) {
      const std::array<double, K> v = at(begin + i);
      for (size_t q = 0; q < K; ++q) res[q] += v[q];
    }
    return res;
  }
  // The right half first: a second pass over arrays just written finds their
  // end still cached (a + b is the same sum in either evaluation order).
  const size_t n2 = pairwise_split(n);
  const std::array<double, K> b = pairwise_multi<K>(begin + n2, n - n2, at);
  const std::array<double, K> a = pairwise_multi<K>(begin, n2, at);
  for (size_t q = 0; q < K; ++q) res[q] = a[q] + b[q];
  return res;
}

// The pairwise sum of [begin, begin+n) of a vector that is zero except at
// idx[lo..hi) (increasing). Zero subtrees add exactly 0, so only leaves
// holding entries are evaluated (densely, in a small buffer).
double sparse_pairwise(size_t begin, size_t n, const size_t* idx, const double* val, size_t lo,
                       size_t hi) {
  if (lo == hi) return 0.0;
  if (n <= kBlock) {
    double buf[kBlock] = {};
    for (size_t k = lo; k < hi; ++k) buf[idx[k] - begin] = val[k];
    return pairwise_leaf(0, n, [&](size_t i) { return buf[i]; });
  }
  const size_t n2 = pairwise_split(n);
  const size_t mid = static_cast<size_t>(std::lower_bound(idx + lo, idx + hi, begin + n2) - idx);
  return sparse_pairwise(begin, n2, idx, val, lo, mid) +
         sparse_pairwise(begin + n2, n - n2, idx, val, mid, hi);
}

}  // namespace

double pairwise_sum(std::span<const double> v) {
  return pairwise(0, v.size(), [&](size_t i) { return v[i]; });
}

double pairwise_sum_filled(std::span<double> v, const std::function<void(size_t, size_t)>& fill) {
  return pairwise_filled(0, v.size(), v.data(), fill);
}

double pairwise_sum_sparse(size_t n, std::span<const size_t> idx, std::span<const double> val) {
  return sparse_pairwise(0, n, idx.data(), val.data(), 0, idx.size());
}

double centered_dot(std::span<const double> v, double mv, std::span<const double> w, double mw) {
  return centered_dot_part(v, mv, w, mw, 0, v.size());
}

size_t pairwise_top_split(size_t n) { return n <= kBlock ? 0 : pairwise_split(n); }

double centered_dot_part(std::span<const double> v, double mv, std::span<const double> w,
                         double mw, size_t begin, size_t count) {
  return pairwise(begin, count, [&](size_t i) { return (v[i] - mv) * (w[i] - mw); });
}

std::array<double, 2> centered_dots(std::span<const double> x, double mx, std::span<const double> y,
                                    double my) {
  return pairwise_multi<2>(0, x.size(), [&](size_t i) {
    const double a = x[i] - mx, b = y[i] - my;
    return std::array<double, 2>{a * b, b * b};
  });
}

double mean(std::span<const double> v) {
  if (v.empty()) return std::nan("");
  return pairwise_sum(v) / static_cast<double>(v.size());
}

double variance(std::span<const double> v, int ddof) {
  const size_t n = v.size();
  if (n <= static_cast<size_t>(ddof)) return std::nan("");
  const double avg = pairwise_sum(v) / static_cast<double>(n);
  std::vector<double> sq(n);
  for (size_t i = 0; i < n; ++i) sq[i] = (avg - v[i]) * (avg - v[i]);
  return pairwise_sum(sq) / static_cast<double>(n - ddof);
}

double geometric_mean(std::span<const double> returns) {
  if (returns.empty()) return std::nan("");
  std::vector<double> logs(returns.size());
  for (size_t i = 0; i < returns.size(); ++i) {
    const double g = (std::isnan(returns[i]) ? 0.0 : returns[i]) + 1;
    if (g <= 0) return 0.0;
    logs[i] = std::log(g);
  }
  return std::exp(pairwise_sum(logs) / static_cast<double>(returns.size())) - 1;
}

}  // namespace nocode::backtest
