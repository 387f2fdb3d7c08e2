// downsample_min_max: bounded size, sorted distinct indices, first/last and
// the global extremes kept; checked against naive scans of the input.
#include "report/downsample.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

namespace nocode::report {
namespace {

std::vector<double> random_walk(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> step(0, 1);
  std::vector<double> v(n);
  double x = 100;
  for (double& e : v) e = x += step(rng);
  return v;
}

TEST(Downsample, ShortSeriesIsKeptWhole) {
  const std::vector<double> v = {3, 1, 4, 1, 5};
  const auto idx = downsample_min_max(v, 2000);
  ASSERT_EQ(idx.size(), 5u);
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(idx[i], i);
  EXPECT_TRUE(downsample_min_max({}, 2000).empty());
}

TEST(Downsample, KeepsGlobalMinMaxFirstLastWithinBudget) {
  for (unsigned seed : {1u, 2u, 3u}) {
    const auto v = random_walk(1'000'000, seed);
    size_t imin = 0, imax = 0;
    for (size_t i = 1; i < v.size(); ++i) {
      if (v[i] < v[imin]) imin = i;
      if (v[i] > v[imax]) imax = i;
    }
    const auto idx = downsample_min_max(v, 2000);
    EXPECT_LE(idx.size(), 2000u);
    EXPECT_GE(idx.size(), 1000u);
    EXPECT_EQ(idx.front(), 0u);
    EXPECT_EQ(idx.back(), v.size() - 1);
    for (size_t k = 1; k < idx.size(); ++k) ASSERT_LT(idx[k - 1], idx[k]);
    double lo = v[idx[0]], hi = v[idx[0]];
    for (size_t i : idx) lo = std::min(lo, v[i]), hi = std::max(hi, v[i]);
    EXPECT_EQ(lo, v[imin]);
    EXPECT_EQ(hi, v[imax]);
  }
}

TEST(Downsample, SpikeInTheMiddleSurvives) {
  std::vector<double> v(100'000, 1.0);
  v[54'321] = 50.0;
  v[77'777] = -50.0;
  const auto idx = downsample_min_max(v, 500);
  EXPECT_NE(std::find(idx.begin(), idx.end(), 54'321u), idx.end());
  EXPECT_NE(std::find(idx.begin(), idx.end(), 77'777u), idx.end());
}

TEST(Downsample, NaNIsNeverAnExtremeAndAllNaNBucketsKeepAPoint) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> v(10'000, nan);
  for (size_t i = 5'000; i < 10'000; ++i) v[i] = static_cast<double>(i % 97);
  const auto idx = downsample_min_max(v, 100);
  EXPECT_LE(idx.size(), 100u);
  size_t finite = 0;
  for (size_t i : idx) finite += !std::isnan(v[i]);
  EXPECT_GT(finite, 0u);
  double hi = -1;
  for (size_t i : idx) if (!std::isnan(v[i])) hi = std::max(hi, v[i]);
  EXPECT_EQ(hi, 96.0);
}

TEST(Downsample, TinyBudgetIsRaisedToFour) {
  const auto v = random_walk(1000, 7);
  const auto idx = downsample_min_max(v, 1);
  EXPECT_LE(idx.size(), 4u);
  EXPECT_EQ(idx.front(), 0u);
  EXPECT_EQ(idx.back(), 999u);
}

TEST(Buckets, CoverTheRangeContiguously) {
  const auto b = make_buckets(1, 1001, 7);
  ASSERT_EQ(b.size(), 7u);
  EXPECT_EQ(b.front().begin, 1u);
  EXPECT_EQ(b.back().end, 1001u);
  for (size_t k = 1; k < b.size(); ++k) EXPECT_EQ(b[k].begin, b[k - 1].end);
  EXPECT_EQ(make_buckets(0, 3, 10).size(), 3u);
  EXPECT_TRUE(make_buckets(5, 5, 10).empty());
}

}  // namespace
}  // namespace nocode::report
