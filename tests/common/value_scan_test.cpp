// scan_values against a plain loop, across lengths around the vector width.
#include "common/value_scan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace nocode {
namespace {

TEST(ValueScan, MatchesAPlainLoop) {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> z(0, 100);
  for (size_t n : {0u, 1u, 7u, 8u, 9u, 64u, 1001u}) {
    for (int nan_at : {-1, 0, 3, 8, 1000}) {
      SCOPED_TRACE(std::to_string(n) + " / " + std::to_string(nan_at));
      std::vector<double> v(n);
      for (double& x : v) x = z(rng);
      if (nan_at >= 0 && static_cast<size_t>(nan_at) < n) v[nan_at] = std::nan("");
      double mn = HUGE_VAL, mx = -HUGE_VAL, sum = 0;
      bool has_nan = false;
      for (double x : v) {
        if (std::isnan(x)) {
          has_nan = true;
          continue;
        }
        mn = std::min(mn, x), mx = std::max(mx, x), sum += x;
      }
      const ValueScan r = scan_values(v);
      EXPECT_EQ(r.min, mn);
      EXPECT_EQ(r.max, mx);
      EXPECT_EQ(r.has_nan, has_nan);
      if (has_nan) EXPECT_TRUE(std::isnan(r.sum));
      else EXPECT_NEAR(r.sum, sum, 1e-9 * (1 + std::fabs(sum)));
    }
  }
}

}  // namespace
}  // namespace nocode
