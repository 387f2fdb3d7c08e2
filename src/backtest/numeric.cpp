// numpy-compatible reductions (see header).
#include "backtest/numeric.h"

#include <cmath>
#include <vector>

namespace nocode::backtest {
namespace {

constexpr size_t kBlock = 128;

template <typename Get>
double pairwise(size_t begin, size_t n, const Get& at) {
  if (n < 8) {
    double r = 0.0;
    for (size_t i = 0; i < n; ++i) r += at(begin + i);
    return r;
  }
  if (n <= kBlock) {
    double r[8];
    for (size_t j = 0; j < 8; ++j) r[j] = at(begin + j);
    size_t i = 8;
    for (; i < n - (n % 8); i += 8)
      for (size_t j = 0; j < 8; ++j) r[j] += at(begin + i + j);
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += at(begin + i);
    return res;
  }
  size_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise(begin, n2, at) + pairwise(begin + n2, n - n2, at);
}

}  // namespace

double pairwise_sum(std::span<const double> v) {
  return pairwise(0, v.size(), [&](size_t i) { return v[i]; });
}

double pairwise_dot(std::span<const double> v, std::span<const double> w) {
  return pairwise(0, v.size(), [&](size_t i) { return v[i] * w[i]; });
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
