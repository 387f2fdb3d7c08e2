// Feature transforms against naive computations written here from each
// definition (per-window loops, no running sums), on GOOG closes, random
// walks with NaN holes, flat runs and tied values.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "support/test_data.h"
#include "transforms/transform_test_util.h"

namespace nocode::transforms {
namespace {

using testutil::expect_series_near;
using testutil::run1;
constexpr double NaN = kNaN;

// Test inputs: GOOG closes, a walk with holes, a flat run inside a trend, ties.
std::vector<std::vector<double>> inputs() {
  std::vector<std::vector<double>> out;
  out.push_back(nocode::testing::shared_series("GOOG.csv").close);
  out.push_back(testutil::walk(500, 3, {40, 41, 200, 499}));
  std::vector<double> flat;
  for (int i = 0; i < 50; ++i) flat.push_back(10 + i);
  for (int i = 0; i < 50; ++i) flat.push_back(60);
  for (int i = 0; i < 50; ++i) flat.push_back(60 - 0.1 * i);
  out.push_back(flat);
  out.push_back(testutil::ties(300, 9));
  return out;
}

bool window_has_nan(const std::vector<double>& x, size_t t, size_t n) {
  for (size_t i = t + 1 - n; i <= t; ++i)
    if (std::isnan(x[i])) return true;
  return false;
}

// f(window values) for every full NaN-free window, NaN elsewhere.
template <typename F>
std::vector<double> naive_rolling(const std::vector<double>& x, size_t n, F f) {
  std::vector<double> y(x.size(), NaN);
  for (size_t t = 0; t < x.size(); ++t) {
    if (t + 1 < n || window_has_nan(x, t, n)) continue;
    y[t] = f(std::vector<double>(x.begin() + (t + 1 - n), x.begin() + (t + 1)));
  }
  return y;
}

double mean_of(const std::vector<double>& w) {
  double s = 0;
  for (double v : w) s += v;
  return s / w.size();
}

double sample_std(const std::vector<double>& w) {
  const double m = mean_of(w);
  double ss = 0;
  for (double v : w) ss += (v - m) * (v - m);
  return std::sqrt(ss / (w.size() - 1));
}

TEST(Features, LagDiffReturnsMatchDirectFormulas) {
  for (const auto& x : inputs()) {
    for (int k : {1, 3, 10}) {
      std::vector<double> lag(x.size(), NaN), diff(x.size(), NaN), ret(x.size(), NaN),
          logret(x.size(), NaN);
      for (size_t t = k; t < x.size(); ++t) {
        lag[t] = x[t - k];
        diff[t] = x[t] - x[t - k];
        ret[t] = x[t - k] == 0 ? NaN : (x[t] - x[t - k]) / x[t - k];
        logret[t] = x[t - k] > 0 && x[t] > 0 ? std::log(x[t]) - std::log(x[t - k]) : NaN;
      }
      expect_series_near(run1("lag", {{"lag", k}}, x), lag, 0, "lag");
      expect_series_near(run1("diff", {{"lag", k}}, x), diff, 0, "diff");
      expect_series_near(run1("returns", {{"lag", k}}, x), ret, 1e-12, "returns");
      expect_series_near(run1("log_returns", {{"lag", k}}, x), logret, 1e-12, "log_returns");
    }
    expect_series_near(run1("lag", {{"lag", 0}}, x), x, 0, "lag 0");
    expect_series_near(run1("identity", nullptr, x), x, 0, "identity");
  }
}

TEST(Features, RollingStatisticsMatchNaiveWindows) {
  for (const auto& x : inputs()) {
    for (size_t n : {2u, 5u, 20u, 60u}) {
      const nlohmann::json p = {{"period", n}};
      expect_series_near(run1("rolling_mean", p, x), naive_rolling(x, n, mean_of), 1e-12, "mean");
      expect_series_near(run1("rolling_std", p, x), naive_rolling(x, n, sample_std), 1e-9, "std");
      auto lo = [](const std::vector<double>& w) { return *std::min_element(w.begin(), w.end()); };
      auto hi = [](const std::vector<double>& w) { return *std::max_element(w.begin(), w.end()); };
      expect_series_near(run1("rolling_min", p, x), naive_rolling(x, n, lo), 0, "min");
      expect_series_near(run1("rolling_max", p, x), naive_rolling(x, n, hi), 0, "max");
      auto z = [](const std::vector<double>& w) {
        const double sd = sample_std(w);
        return sd == 0 ? NaN : (w.back() - mean_of(w)) / sd;
      };
      expect_series_near(run1("zscore", p, x), naive_rolling(x, n, z), 1e-7, "zscore");
    }
  }
}

TEST(Features, RollingStdOfFlatWindowIsExactlyZero) {
  std::vector<double> x = {0.1, 0.2, 0.3, 0.7, 0.7, 0.7, 0.7, 0.1};
  auto sd = run1("rolling_std", {{"period", 3}}, x);
  EXPECT_EQ(sd[5], 0.0);
  EXPECT_EQ(sd[6], 0.0);
  EXPECT_GT(sd[7], 0.0);
  auto z = run1("zscore", {{"period", 3}}, x);
  EXPECT_TRUE(std::isnan(z[6])) << "zscore of a flat window divides by 0";
  // Hand-checked: window {1, 2, 3} has mean 2, sample std 1.
  EXPECT_DOUBLE_EQ(run1("rolling_std", {{"period", 3}}, {1, 2, 3})[2], 1.0);
  EXPECT_DOUBLE_EQ(run1("zscore", {{"period", 3}}, {1, 2, 3})[2], 1.0);
}

TEST(Features, RollingStdStaysAccurateOnLongOffsetSeries) {
  // 100000 rows near 1e6 with small noise: a running-sum variance would lose
  // most digits here; compare sampled rows with the two-pass definition.
  std::vector<double> x = testutil::walk(100000, 21);
  for (double& v : x) v = 1e6 + v * 1e-2;
  const size_t n = 50;
  const auto sd = run1("rolling_std", {{"period", n}}, x);
  for (size_t t = n; t < x.size(); t += 997) {
    const std::vector<double> w(x.begin() + (t + 1 - n), x.begin() + (t + 1));
    ASSERT_TRUE(testutil::near_or_both_nan(sd[t], sample_std(w), 1e-6)) << "row " << t;
  }
}

// pandas rolling(n).rank(pct=True), method "average": (less + (equal + 1) / 2) / n.
double pct_rank(const std::vector<double>& w) {
  double less = 0, equal = 0;
  for (double v : w) {
    less += v < w.back();
    equal += v == w.back();
  }
  return (less + (equal + 1) / 2) / w.size();
}

TEST(Features, RankMatchesAverageMethodPercentRank) {
  for (const auto& x : inputs())
    for (size_t n : {1u, 2u, 5u, 20u})
      expect_series_near(run1("rank", {{"period", n}}, x), naive_rolling(x, n, pct_rank), 1e-15,
                         "rank");
  // Hand-checked: window {3, 1, 3}: one value below, two equal -> (1 + 1.5) / 3.
  EXPECT_DOUBLE_EQ(run1("rank", {{"period", 3}}, {3, 1, 3})[2], 2.5 / 3);
  EXPECT_DOUBLE_EQ(run1("rank", {{"period", 3}}, {1, 2, 3})[2], 1.0);
  EXPECT_DOUBLE_EQ(run1("rank", {{"period", 3}}, {2, 2, 2})[2], 2.0 / 3);
}

TEST(Features, ArithmeticOfTwoSeries) {
  const std::vector<double> a = {1, 2, NaN, 4, 5, 0};
  const std::vector<double> b = {2, 0, 1, NaN, 4, 0};
  auto op = [&](const char* name) {
    return testutil::run(name, nullptr, {a.data(), b.data()}, a.size())[0];
  };
  expect_series_near(op("add"), {3, 2, NaN, NaN, 9, 0}, 0, "add");
  expect_series_near(op("sub"), {-1, 2, NaN, NaN, 1, 0}, 0, "sub");
  expect_series_near(op("mul"), {2, 0, NaN, NaN, 20, 0}, 0, "mul");
  expect_series_near(op("div"), {0.5, NaN, NaN, NaN, 1.25, NaN}, 0, "div");
  expect_series_near(op("ratio"), {-0.5, NaN, NaN, NaN, 0.25, NaN}, 0, "ratio");
}

TEST(Features, CrossoverMarksTheBarOfTheCross) {
  const std::vector<double> a = {1, 2, 3, 3, 2, 1, 2, NaN, 5, 1};
  const std::vector<double> b = {2, 2, 2, 3, 3, 1, 1, 1, 1, 1};
  auto y = testutil::run("crossover", nullptr, {a.data(), b.data()}, a.size())[0];
  // Row 2: a went from equal (2 = 2) to above; row 3: touch, no cross; row 4:
  // from equal to below; row 5: equal again; row 6: above.
  expect_series_near(y, {NaN, 0, 1, 0, -1, 0, 1, NaN, NaN, 0}, 0, "crossover");
}

TEST(Features, CrossoverAgreesWithSignChangesOnRandomSeries) {
  const auto a = testutil::walk(400, 1), b = testutil::walk(400, 2);
  auto y = testutil::run("crossover", nullptr, {a.data(), b.data()}, a.size())[0];
  for (size_t t = 1; t < a.size(); ++t) {
    const double prev = a[t - 1] - b[t - 1], now = a[t] - b[t];
    const double want = (prev <= 0 && now > 0) ? 1 : (prev >= 0 && now < 0) ? -1 : 0;
    ASSERT_EQ(y[t], want) << "row " << t;
  }
}

}  // namespace
}  // namespace nocode::transforms
