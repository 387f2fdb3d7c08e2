// Helpers for the extended-indicator tests: run an indicator through the
// registry, and straightforward O(n·p) reference computations written from
// the published definitions (deliberately not sharing code with src/).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "common/strings.h"
#include "indicators/registry.h"
#include "support/param_sets.h"
#include "support/test_data.h"

namespace nocode::testing::naive {

using Series = std::vector<double>;
inline const double NaN = std::numeric_limits<double>::quiet_NaN();

inline const indicators::IndicatorSpec& spec(const std::string& name) {
  const auto* s = indicators::builtin_registry().find(name);
  if (s == nullptr) throw std::runtime_error("indicator not registered: " + name);
  return *s;
}

struct Computed {
  std::vector<Series> out;
  int lookback = 0;
};

// Computes `name` with the given parameters (by name or alias) on the inputs.
inline Computed run(const std::string& name, const std::vector<std::pair<std::string, double>>& given,
               const std::vector<const Series*>& inputs) {
  const auto& s = spec(name);
  auto params = indicators::resolve_params(s, given);
  if (!params.is_ok()) throw std::runtime_error(params.status().to_string());
  std::vector<const double*> ptrs;
  for (const Series* in : inputs) ptrs.push_back(in->data());
  Computed r;
  r.out = indicators::compute(s, *params, ptrs, inputs.front()->size());
  r.lookback = s.lookback(*params);
  return r;
}

// Real data and a long random walk.
inline std::vector<Ohlcv> test_series() {
  return {shared_series("GOOG.csv"), shared_series("orcl-1995-2014.txt"), random_walk(1500, 7)};
}

// ours vs ref: NaN exactly where ref is NaN, values within 1e-9 relative
// (relative to max(|a|, |b|, 1e-3 · RMS of ref) so zero crossings are judged
// against the series' scale); rows before `lookback` must be NaN.
inline void expect_matches(const Series& ours, const Series& ref, int lookback,
                           const std::string& where, bool inputs_finite = true) {
  ASSERT_EQ(ours.size(), ref.size()) << where;
  double sq = 0;
  size_t cnt = 0;
  for (double v : ref)
    if (std::isfinite(v)) sq += v * v, ++cnt;
  const double floor = cnt ? 1e-3 * std::sqrt(sq / double(cnt)) : 0.0;
  int failures = 0;
  size_t compared = 0;
  for (size_t i = 0; i < ours.size(); ++i) {
    if (int(i) >= lookback && std::isfinite(ref[i]) && std::isfinite(ours[i])) ++compared;
    if (int(i) < lookback && !std::isnan(ours[i])) {
      ADD_FAILURE() << where << " row " << i << " inside warm-up is " << ours[i];
      if (++failures > 5) return;
    }
    if (!close_enough(ours[i], ref[i], floor)) {
      ADD_FAILURE() << where << " row " << i << ": ours " << format_double(ours[i]) << ", ref "
                    << format_double(ref[i]);
      if (++failures > 5) return;
    }
  }
  // the test series have no NaN: every row from the lookback on holds a value
  if (inputs_finite && ours.size() > size_t(lookback) + 1)
    EXPECT_EQ(compared, ours.size() - size_t(lookback)) << where << ": rows compared";
}

// ---- reference building blocks (NaN where undefined) ----

inline double sma_at(const Series& x, size_t t, int n) {
  if (t + 1 < size_t(n)) return NaN;
  double s = 0;
  for (int k = 0; k < n; ++k) s += x[t - size_t(k)];
  return s / n;
}
inline Series sma(const Series& x, int n) {
  Series y(x.size());
  for (size_t t = 0; t < x.size(); ++t) y[t] = sma_at(x, t, n);
  return y;
}
inline Series wma(const Series& x, int n) {
  Series y(x.size(), NaN);
  for (size_t t = 0; t < x.size(); ++t) {
    if (t + 1 < size_t(n)) continue;
    double s = 0;
    for (int k = 0; k < n; ++k) s += double(n - k) * x[t - size_t(k)];  // newest weight n
    y[t] = s / (double(n) * (n + 1) / 2.0);
  }
  return y;
}
inline double highest(const Series& x, size_t t, int n) {
  double m = x[t];
  for (int k = 1; k < n; ++k) m = std::max(m, x[t - size_t(k)]);
  return m;
}
inline double lowest(const Series& x, size_t t, int n) {
  double m = x[t];
  for (int k = 1; k < n; ++k) m = std::min(m, x[t - size_t(k)]);
  return m;
}
// EMA with factor k over v, starting at v's first finite value s; seeded with
// mean(v[s .. s+n-1]) at row s+n-1.
inline Series ema(const Series& v, int n, double k) {
  Series y(v.size(), NaN);
  size_t s = 0;
  while (s < v.size() && std::isnan(v[s])) ++s;
  if (s + size_t(n) > v.size()) return y;
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += v[s + size_t(i)];
  double e = sum / n;
  y[s + size_t(n) - 1] = e;
  for (size_t t = s + size_t(n); t < v.size(); ++t) {
    e = e + k * (v[t] - e);
    y[t] = e;
  }
  return y;
}
inline Series ema(const Series& v, int n) { return ema(v, n, 2.0 / (n + 1.0)); }
// Wilder's average: seed mean of the first n values, then (prev*(n-1)+x)/n.
inline Series wilder(const Series& v, int n) {
  Series y(v.size(), NaN);
  size_t s = 0;
  while (s < v.size() && std::isnan(v[s])) ++s;
  if (s + size_t(n) > v.size()) return y;
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += v[s + size_t(i)];
  double e = sum / n;
  y[s + size_t(n) - 1] = e;
  for (size_t t = s + size_t(n); t < v.size(); ++t) {
    e = (e * (n - 1) + v[t]) / n;
    y[t] = e;
  }
  return y;
}
// RSI over m-bar momentum (m = 1: Wilder's RSI), 0 when gain+loss ~ 0.
inline Series rsi(const Series& x, int n, int m = 1) {
  Series gain(x.size(), NaN), loss(x.size(), NaN);
  for (size_t t = size_t(m); t < x.size(); ++t) {
    const double d = x[t] - x[t - size_t(m)];
    gain[t] = d > 0 ? d : 0.0;
    loss[t] = d < 0 ? -d : 0.0;
  }
  const Series g = wilder(gain, n), l = wilder(loss, n);
  Series y(x.size(), NaN);
  for (size_t t = 0; t < x.size(); ++t) {
    if (std::isnan(g[t])) continue;
    const double tot = g[t] + l[t];
    y[t] = std::fabs(tot) < 1e-14 ? 0.0 : 100.0 * g[t] / tot;
  }
  return y;
}
inline Series median_price(const Ohlcv& s) {
  Series m(s.size());
  for (size_t i = 0; i < s.size(); ++i) m[i] = (s.high[i] + s.low[i]) / 2.0;
  return m;
}

// Prefix of every output computed on the first `k` rows equals the full run's
// first `k` rows bit for bit (nothing reads the future).
inline void expect_causal(const std::string& name, const std::vector<const Series*>& inputs,
                          const std::vector<std::pair<std::string, double>>& params = {}) {
  const Computed full = run(name, params, inputs);
  const size_t n = inputs.front()->size();
  for (size_t k : {n / 3, n / 2, n - 1}) {
    std::vector<Series> cut;
    for (const Series* in : inputs) cut.emplace_back(in->begin(), in->begin() + long(k));
    std::vector<const Series*> ptrs;
    for (const auto& c : cut) ptrs.push_back(&c);
    const Computed part = run(name, params, ptrs);
    for (size_t o = 0; o < full.out.size(); ++o)
      for (size_t i = 0; i < k; ++i) {
        const double a = part.out[o][i], b = full.out[o][i];
        ASSERT_TRUE((std::isnan(a) && std::isnan(b)) || a == b)
            << name << " output " << o << " row " << i << " differs when rows >= " << k
            << " are removed";
      }
  }
}

}  // namespace nocode::testing::naive
