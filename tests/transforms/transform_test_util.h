// Helpers for the transform tests: run a registry transform by name, compare
// series with NaN-aware tolerances, and build test series with NaN holes.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "transforms/transform.h"

namespace nocode::transforms::testutil {

inline std::vector<std::vector<double>> run(const std::string& name, const nlohmann::json& params,
                                            const std::vector<const double*>& series, size_t n,
                                            const int64_t* timestamps = nullptr) {
  const TransformSpec* spec = builtin_registry().find(name);
  EXPECT_NE(spec, nullptr) << name;
  if (!spec) return {};
  auto p = resolve_params(*spec, params);
  EXPECT_TRUE(p.is_ok()) << p.status().message();
  if (!p) return {};
  auto out = compute(*spec, *p, series, timestamps, n);
  EXPECT_TRUE(out.is_ok()) << out.status().message();
  return out ? *out : std::vector<std::vector<double>>{};
}

// One-output convenience over a single series.
inline std::vector<double> run1(const std::string& name, const nlohmann::json& params,
                                const std::vector<double>& x) {
  auto out = run(name, params, {x.data()}, x.size());
  return out.empty() ? std::vector<double>{} : out[0];
}

// Both NaN, or |a - b| <= tol * max(1, |b|).
inline ::testing::AssertionResult near_or_both_nan(double a, double b, double tol) {
  if (std::isnan(a) && std::isnan(b)) return ::testing::AssertionSuccess();
  if (!std::isnan(a) && !std::isnan(b) && std::fabs(a - b) <= tol * std::max(1.0, std::fabs(b)))
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << a << " vs expected " << b;
}

inline void expect_series_near(const std::vector<double>& got, const std::vector<double>& want,
                               double tol, const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < got.size(); ++i)
    ASSERT_TRUE(near_or_both_nan(got[i], want[i], tol)) << what << " row " << i;
}

// A positive random walk of n rows with NaN holes at the given rows.
inline std::vector<double> walk(size_t n, unsigned seed, std::vector<size_t> holes = {}) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> d(0, 1);
  std::vector<double> x(n);
  double p = 100;
  for (auto& v : x) v = (p = std::max(1.0, p + d(rng)));
  for (size_t h : holes)
    if (h < n) x[h] = std::nan("");
  return x;
}

// A series with many exact ties (integers 0..4) to exercise rank ties.
inline std::vector<double> ties(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> d(0, 4);
  std::vector<double> x(n);
  for (auto& v : x) v = d(rng);
  return x;
}

}  // namespace nocode::transforms::testutil
