// BBANDS, SAR/SAREXT and MIDPOINT conventions (TA-Lib's), checked against
// values worked out by hand or with plain formulas here.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

std::vector<double> random_walk(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> d(0, 1);
  std::vector<double> x(n);
  double p = 100;
  for (auto& v : x) v = (p += d(rng));
  return x;
}

std::vector<std::vector<double>> run(const char* name,
                                     const std::vector<std::pair<std::string, double>>& given,
                                     const std::vector<const double*>& inputs, size_t n) {
  const IndicatorSpec* spec = builtin_registry().find(name);
  EXPECT_NE(spec, nullptr) << name;
  auto params = resolve_params(*spec, given);
  EXPECT_TRUE(params.is_ok()) << params.status().message();
  return compute(*spec, *params, inputs, n);
}

TEST(Bbands, AliasesResolve) {
  const Registry& r = builtin_registry();
  for (const char* a : {"bb", "bollinger", "bollinger_bands", "BBANDS"})
    EXPECT_EQ(r.find(a), r.find("bbands")) << a;
  for (const char* a : {"psar", "parabolic_sar", "SAR"}) EXPECT_EQ(r.find(a), r.find("sar")) << a;
}

TEST(Bbands, WidthIsPopulationStddevAroundSmaEvenForOtherMaTypes) {
  const auto x = random_walk(200, 7);
  const int p = 20;
  const auto bands = run("bbands", {{"period", p}, {"nbdev_up", 2.5}, {"nbdev_down", 1.5},
                                    {"ma_type", 1}},
                         {x.data()}, x.size());
  // The middle band is the dispatcher's EMA (MA with ma_type 1), bit for bit,
  // and the standalone EMA indicator to rounding.
  const auto ma = run("ma", {{"period", p}, {"ma_type", 1}}, {x.data()}, x.size());
  const auto ema = run("ema", {{"period", p}}, {x.data()}, x.size());
  for (size_t t = size_t(p - 1); t < x.size(); ++t) {
    double mean = 0, var = 0;
    for (int j = 0; j < p; ++j) mean += x[t - size_t(j)];
    mean /= p;
    for (int j = 0; j < p; ++j) var += std::pow(x[t - size_t(j)] - mean, 2);
    const double sd = std::sqrt(var / p);  // population, around the SMA
    EXPECT_EQ(bands[1][t], ma[0][t]) << t;
    EXPECT_NEAR(bands[1][t], ema[0][t], 1e-12 * std::fabs(ema[0][t])) << t;
    EXPECT_NEAR((bands[0][t] - bands[1][t]) / 2.5, sd, 1e-8) << t;
    EXPECT_NEAR((bands[1][t] - bands[2][t]) / 1.5, sd, 1e-8) << t;
  }
}

TEST(Bbands, FlatWindowHasZeroWidth) {
  std::vector<double> x(30, 130.0);
  for (int i = 0; i < 10; ++i) x[size_t(i)] = 100 + i * 0.5;
  const auto bands = run("bbands", {}, {x.data()}, x.size());
  for (size_t t = 14; t < x.size(); ++t) {
    EXPECT_EQ(bands[0][t], 130.0) << t;
    EXPECT_EQ(bands[1][t], 130.0) << t;
    EXPECT_EQ(bands[2][t], 130.0) << t;
  }
}

TEST(Sar, InitialDirectionComesFromMinusDmOfBarOne) {
  // Bar 1: the low falls by 1, the high by 0.2 -> -DM > +DM -> short; the
  // first SAR is bar 0's high (bar 1's high stays below it: no reversal).
  std::vector<double> high = {10, 9.8, 9.7}, low = {9, 8, 8.1};
  auto sar = run("sar", {}, {high.data(), low.data()}, high.size());
  EXPECT_TRUE(std::isnan(sar[0][0]));
  EXPECT_EQ(sar[0][1], 10.0);
  // Rising high, rising low -> long; the first SAR is bar 0's low.
  high = {10, 11, 11.5};
  low = {9, 9.5, 10};
  sar = run("sar", {}, {high.data(), low.data()}, high.size());
  EXPECT_EQ(sar[0][1], 9.0);
}

TEST(Sar, TouchingTheSarReverses) {
  // Long from bar 1 with SAR 9 and EP 11; after bar 1 the SAR is
  // 9 + 0.02 * (11 - 9). A bar 2 low exactly at that SAR reverses to short at
  // the EP (11).
  const double sar_after_bar1 = 9 + 0.02 * (11 - 9);
  std::vector<double> high = {10, 11, 10.5}, low = {9, 9.5, sar_after_bar1};
  auto sar = run("sar", {}, {high.data(), low.data()}, high.size());
  EXPECT_EQ(sar[0][1], 9.0);
  EXPECT_EQ(sar[0][2], 11.0);
  auto ext = run("sarext", {}, {high.data(), low.data()}, high.size());
  EXPECT_EQ(ext[0][2], -11.0);  // SAREXT is negative while short
  // A low just above the SAR does not reverse.
  low[2] = sar_after_bar1 + 0.01;
  sar = run("sar", {}, {high.data(), low.data()}, high.size());
  EXPECT_EQ(sar[0][2], sar_after_bar1);
}

TEST(Sarext, StartValueForcesTheDirection) {
  std::vector<double> high = {10, 11, 11.5}, low = {9, 9.5, 10};
  auto ext = run("sarext", {{"start_value", -12}}, {high.data(), low.data()}, high.size());
  EXPECT_EQ(ext[0][1], -12.0);  // forced short at |start|
  ext = run("sarext", {{"start_value", 8.5}}, {high.data(), low.data()}, high.size());
  EXPECT_EQ(ext[0][1], 8.5);
}

TEST(Midpoint, MatchesWindowExtremesAndTalibNanRule) {
  auto x = random_walk(300, 9);
  const int p = 14;
  auto mid = run("midpoint", {{"period", p}}, {x.data()}, x.size());
  for (size_t t = size_t(p - 1); t < x.size(); ++t) {
    double hi = x[t], lo = x[t];
    for (int j = 1; j < p; ++j) hi = std::max(hi, x[t - size_t(j)]), lo = std::min(lo, x[t - size_t(j)]);
    EXPECT_EQ(mid[0][t], (hi + lo) / 2.0) << t;
  }
  // TA-Lib scans from the oldest value with strict comparisons: a NaN inside
  // the window is skipped, a NaN in the oldest slot makes the result NaN.
  x[100] = NAN;
  mid = run("midpoint", {{"period", p}}, {x.data()}, x.size());
  EXPECT_FALSE(std::isnan(mid[0][100 + size_t(p) - 2]));
  EXPECT_TRUE(std::isnan(mid[0][100 + size_t(p) - 1]));
  EXPECT_FALSE(std::isnan(mid[0][100 + size_t(p)]));
}

}  // namespace
}  // namespace nocode::indicators
