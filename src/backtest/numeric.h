// Reductions with numpy/pandas' rounding behaviour, so statistics match
// backtesting.py to the last bits: numpy's pairwise summation (blocks of 128
// with 8 accumulators), pandas' mean (pairwise sum / count), variance (two
// passes, ddof) and backtesting.py's geometric mean. NaN propagates unless a
// function says otherwise. Pure functions, thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <span>

namespace nocode::backtest {

// numpy.add.reduce of a contiguous float64 array.
double pairwise_sum(std::span<const double> v);
// Sum of (v[i] - mv) * (w[i] - mw) with the pairwise structure of
// pairwise_sum (stands in for BLAS dot), without materializing them.
double centered_dot(std::span<const double> v, double mv, std::span<const double> w, double mw);
// The length of the first half of numpy's top split of n values, 0 when n
// is a single leaf. The pairwise sums of [0, split) and [split, n), added,
// give the whole sum bit for bit (so two threads can take a half each).
size_t pairwise_top_split(size_t n);
// centered_dot over the values [begin, begin + count) alone, summed as that
// subtree of numpy's tree (begin and count from pairwise_top_split).
double centered_dot_part(std::span<const double> v, double mv, std::span<const double> w,
                         double mw, size_t begin, size_t count);
// pairwise_sum(v) of a vector that `fill(begin, count)` writes block by block
// (contiguous blocks in increasing order, each filled right before it is
// summed), so the values are summed while still in cache. Every block but
// the last starts and ends at a multiple of 8.
double pairwise_sum_filled(std::span<double> v, const std::function<void(size_t, size_t)>& fill);
// {centered_dot(x, mx, y, my), centered_dot(y, my, y, my)} in one pass.
std::array<double, 2> centered_dots(std::span<const double> x, double mx, std::span<const double> y,
                                    double my);
// pairwise_sum of a length-n vector that is zero except v[idx[k]] = val[k]
// (idx increasing, < n), bit for bit, in O(|idx| log n) (e.g. the mean of a
// mostly-NaN column that pandas sums with NaN as 0).
double pairwise_sum_sparse(size_t n, std::span<const size_t> idx, std::span<const double> val);
// pandas Series.mean(): pairwise sum / n; NaN when empty.
double mean(std::span<const double> v);
// pandas Series.var(ddof): two-pass; NaN when n <= ddof.
double variance(std::span<const double> v, int ddof = 1);
// backtesting.py geometric_mean: exp(sum(log(1+r))/n) - 1, 0 if any 1+r <= 0,
// NaN when empty.
double geometric_mean(std::span<const double> returns);

}  // namespace nocode::backtest
