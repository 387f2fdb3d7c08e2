// The certain-sign filter against the definition it shortcuts: strict
// crossings of pandas-exact rolling means (backtest::rolling_mean). Every
// crossing it reports at or after exact_from must be one the definition has,
// and it must miss none there; near-ties (decimal prices, flat stretches)
// must push exact_from past them rather than be guessed.
#include "engine/cross_filter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "backtest/rolling_mean.h"

namespace nocode::engine {
namespace {

std::vector<size_t> defined_crosses(const std::vector<double>& a, const std::vector<double>& b,
                                    double dir, size_t from) {
  std::vector<size_t> out;
  for (size_t t = std::max<size_t>(from, 1); t < a.size(); ++t)
    if (dir * (a[t - 1] - b[t - 1]) < 0 && dir * (a[t] - b[t]) > 0) out.push_back(t);
  return out;
}

struct Case {
  std::string name;
  std::vector<double> values;
};

std::vector<double> walk(size_t n, uint64_t seed, double start, double step, double decimals) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> z(0, 1);
  std::vector<double> v(n);
  double p = start;
  for (size_t i = 0; i < n; ++i) {
    p = std::max(p + step * z(rng) + 0.001 * (start - p), start * 0.01);
    v[i] = decimals > 0 ? std::round(p * decimals) / decimals : p;
  }
  return v;
}

// Checks every (fast, slow) pair and a constant level on `values`; returns
// how many bars the filter decided in total.
size_t check(const std::vector<double>& values, const std::vector<size_t>& windows) {
  size_t decided = 0;
  for (size_t i = 0; i < windows.size(); ++i) {
    for (size_t j = 0; j < windows.size(); ++j) {
      if (i == j) continue;
      SCOPED_TRACE("windows " + std::to_string(windows[i]) + "/" + std::to_string(windows[j]));
      const std::vector<MeanSource> sources{{values.data(), windows[i]}, {values.data(), windows[j]}};
      const double level = values[values.size() / 2] * (1 + 1e-7);  // no exact tie
      const std::vector<CrossSpec> crosses{{1, 0, 0, 1}, {-1, 0, 0, 1}, {1, level, 0, CrossSpec::kConstant},
                                           {-1, level, 1, CrossSpec::kConstant}};
      const FilteredCrosses got = filter_crosses(sources, crosses, values.size());
      EXPECT_LE(got.exact_from, values.size());
      decided += values.size() - got.exact_from;
      const auto a = backtest::rolling_mean(values, windows[i]);
      const auto b = backtest::rolling_mean(values, windows[j]);
      const std::vector<double> flat(values.size(), level);
      EXPECT_EQ(got.bars[0], defined_crosses(a, b, 1, got.exact_from));
      EXPECT_EQ(got.bars[1], defined_crosses(a, b, -1, got.exact_from));
      EXPECT_EQ(got.bars[2], defined_crosses(a, flat, 1, got.exact_from));
      EXPECT_EQ(got.bars[3], defined_crosses(b, flat, -1, got.exact_from));
    }
  }
  return decided;
}

TEST(CrossFilter, ContinuousPricesAreDecidedAndEqualTheDefinition) {
  const auto v = walk(50'000, 1, 100, 0.05, 0);
  const size_t decided = check(v, {1, 2, 10, 20, 63});
  EXPECT_GT(decided, 20u * 40'000);  // nearly every bar of the 20 pairs
}

TEST(CrossFilter, LongSeriesDecidedInTwoHalvesEqualTheDefinition) {
  // Long enough for the second half of the blocks to run on another thread;
  // cents, so ties fall on both sides of the split.
  check(walk(450'000, 6, 100, 0.05, 0), {10, 20});
  check(walk(450'000, 7, 30, 0.02, 100), {3, 9});
}

TEST(CrossFilter, DecimalPricesWithTiesEqualTheDefinition) {
  // Cents on a slow walk: equal means happen, and must be left to the exact path.
  const size_t decided = check(walk(30'000, 2, 20, 0.01, 100), {2, 3, 4, 8});
  EXPECT_LT(decided, 12u * (30'000 - 1025));  // some ties pushed exact_from on
}

TEST(CrossFilter, FlatStretchesAndLargeOrTinyValues) {
  std::vector<double> v = walk(20'000, 3, 1e7, 50, 0);
  for (size_t i = 5'000; i < 7'000; ++i) v[i] = 123456.0;  // every window equal for a while
  check(v, {5, 50});
  check(walk(20'000, 4, 1e-6, 1e-9, 0), {7, 30});
}

TEST(CrossFilter, BlockEdgesAndShortSeries) {
  for (size_t n : {1u, 2u, 1023u, 1024u, 1025u, 2049u, 3000u}) {
    SCOPED_TRACE(n);
    check(walk(n, n, 50, 0.2, 0), {1, 3, 1024, 1500});
  }
}

TEST(CrossFilter, ValuesOutsideTheBoundsRangeLeaveEverythingExact) {
  for (double bad : {0.0, -1.0, std::nan(""), HUGE_VAL, 1e-300, 1e300}) {  // also subnormal-near / huge
    std::vector<double> v = walk(5'000, 5, 100, 0.5, 0);
    v[4'000] = bad;
    const std::vector<MeanSource> sources{{v.data(), 5}, {v.data(), 10}};
    const FilteredCrosses got = filter_crosses(sources, {{1, 0, 0, 1}}, v.size());
    EXPECT_EQ(got.exact_from, v.size()) << bad;
    EXPECT_TRUE(got.bars[0].empty());
  }
}

TEST(CrossFilter, AppendSetBytesListsNonzeroBytesInOrder) {
  std::vector<uint8_t> bytes(200, 0);
  const std::vector<size_t> at{0, 7, 63, 64, 65, 66, 67, 68, 69, 70, 127, 128, 199};
  for (size_t k : at) bytes[k] = static_cast<uint8_t>(k % 3 + 1);
  std::vector<size_t> out{42};
  append_set_bytes(bytes.data(), bytes.size(), 1000, out);
  std::vector<size_t> want{42};
  for (size_t k : at) want.push_back(1000 + k);
  EXPECT_EQ(out, want);
}

}  // namespace
}  // namespace nocode::engine
