// Test helpers for the condition tests: Frames from arrays and from the
// shared GOOG bars, and a one-call evaluation by kind name.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "data/frame.h"
#include "engine/conditions/condition.h"
#include "support/test_data.h"

namespace nocode::engine::testing {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr int64_t kDayNs = 86400LL * 1000000000LL;
inline constexpr int64_t kHourNs = 3600LL * 1000000000LL;
// 2010-01-04 00:00 UTC (a Monday).
inline constexpr int64_t kStartNs = 1262563200LL * 1000000000LL;

// Bars with timestamps start + i * step; open = high = low = close unless given.
inline Frame make_bars(const std::vector<double>& close, int64_t step = kDayNs,
                       std::vector<double> open = {}, std::vector<double> high = {},
                       std::vector<double> low = {}, std::vector<double> volume = {}) {
  const size_t n = close.size();
  std::vector<int64_t> ts(n);
  for (size_t i = 0; i < n; ++i) ts[i] = kStartNs + static_cast<int64_t>(i) * step;
  Frame f(ts);
  if (open.empty()) open = close;
  if (high.empty()) high = close;
  if (low.empty()) low = close;
  if (volume.empty()) volume.assign(n, 1000);
  EXPECT_TRUE(f.set_column("open", open).is_ok());
  EXPECT_TRUE(f.set_column("high", high).is_ok());
  EXPECT_TRUE(f.set_column("low", low).is_ok());
  EXPECT_TRUE(f.set_column("close", close).is_ok());
  EXPECT_TRUE(f.set_column("volume", volume).is_ok());
  return f;
}

// The shared GOOG bars on consecutive UTC days (the tests need calendar
// buckets, not the exact trading dates).
inline Frame goog_frame() {
  const auto s = nocode::testing::shared_series("GOOG.csv");
  return make_bars(s.close, kDayNs, s.open, s.high, s.low, s.volume);
}

// Evaluates kind `name`; fails the test on an error.
inline Signal eval(const std::string& name, const ConditionInputs& in,
                   const ConditionParams& p = {}) {
  auto spec = find_condition(name);
  EXPECT_TRUE(spec.is_ok()) << spec.status().to_string();
  if (!spec.is_ok()) return Signal(in.n, 0);
  auto out = evaluate_condition(*spec.value(), in, p);
  EXPECT_TRUE(out.is_ok()) << name << ": " << out.status().to_string();
  return out.is_ok() ? out.value() : Signal(in.n, 0);
}

// Inputs over L (and optional R / aux / bars), all of length l.size().
inline ConditionInputs inputs(const std::vector<double>& l, const std::vector<double>* r = nullptr,
                              const std::vector<double>* aux = nullptr,
                              const Frame* bars = nullptr) {
  ConditionInputs in;
  in.n = l.size();
  in.left = l.data();
  in.right = r ? r->data() : nullptr;
  in.aux = aux ? aux->data() : nullptr;
  in.bars = bars;
  return in;
}

inline Signal bits(std::initializer_list<int> v) {
  Signal s;
  for (int x : v) s.push_back(static_cast<uint8_t>(x));
  return s;
}

}  // namespace nocode::engine::testing
