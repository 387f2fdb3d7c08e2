// Rolling mean: agrees with a naive window mean, and is exact where pandas'
// rules make it exact (all-equal windows return the value itself).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "backtest/rolling_mean.h"
#include "backtest/sma_cross.h"

namespace nocode::backtest {
namespace {

TEST(RollingMean, MatchesNaiveWindowMean) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(50, 150);
  std::vector<double> v(5000);
  for (double& x : v) x = u(rng);
  for (size_t w : {1u, 2u, 10u, 30u, 200u}) {
    const auto m = rolling_mean(v, w);
    for (size_t i = 0; i < v.size(); ++i) {
      if (i + 1 < w) {
        EXPECT_TRUE(std::isnan(m[i])) << w << " " << i;
        continue;
      }
      long double s = 0;
      for (size_t k = i + 1 - w; k <= i; ++k) s += v[k];
      const double want = static_cast<double>(s / w);
      ASSERT_NEAR(m[i], want, 1e-12 * want) << w << " " << i;
    }
  }
}

TEST(RollingMean, EqualWindowReturnsTheValueExactly) {
  std::vector<double> v = {3.7, 1.1, 0.1, 0.1, 0.1, 0.1, 0.3};
  const auto m = rolling_mean(v, 3);
  EXPECT_EQ(m[4], 0.1);  // a plain sum/3 gives 0.10000000000000002
  EXPECT_EQ(m[5], 0.1);
  EXPECT_NE(m[6], 0.1);
}

TEST(RollingMean, NanIsSkippedAndMinPeriodsApplies) {
  std::vector<double> v = {1, 2, std::nan(""), 4, 5};
  const auto m = rolling_mean(v, 2);
  EXPECT_TRUE(std::isnan(m[2]));  // one valid value < min_periods 2
  EXPECT_TRUE(std::isnan(m[3]));
  EXPECT_EQ(m[4], 4.5);
  const auto m1 = rolling_mean(v, 2, 1);
  EXPECT_EQ(m1[2], 2.0);
  EXPECT_EQ(m1[3], 4.0);
}

TEST(RollingMean, WarmupIsTheFirstValidIndex) {
  std::vector<double> v(40, 1.0);
  SmaCrossStrategy s(v, 10, 30);
  EXPECT_EQ(s.warmup_bars(), 29u);
  SmaCrossStrategy too_long(v, 10, 50);  // all-NaN slow SMA counts as 0
  EXPECT_EQ(too_long.warmup_bars(), 9u);
}

}  // namespace
}  // namespace nocode::backtest
