// Properties every registered spec keeps, checked generically over the whole
// registry: feature transforms are causal (cutting the input to k rows leaves
// the first k outputs bit-identical) and NaN exactly in their warm-up rows on
// clean input; labels read only rows t..t+lookahead and leave the last
// lookahead rows NaN.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "transforms/transform_test_util.h"

namespace nocode::transforms {
namespace {

struct Inputs {
  std::vector<std::vector<double>> series;  // one per declared series input
  std::vector<int64_t> timestamps;
};

// Clean (NaN-free) or holed inputs of n rows for `spec`: close-like walks,
// high/low around them, hourly timestamps from 2023-12-29 (crossing a year).
Inputs make_inputs(const TransformSpec& spec, size_t n, bool holes) {
  Inputs in;
  const auto base = testutil::walk(n, 17, holes ? std::vector<size_t>{30, 31, 77} : std::vector<size_t>{});
  unsigned seed = 1;
  for (const auto& input : spec.inputs) {
    if (input.type == InputType::kTimestamps) continue;
    std::vector<double> s = base;
    if (input.name == "high") for (double& v : s) v *= 1.01;
    else if (input.name == "low") for (double& v : s) v *= 0.99;
    else if (input.name == "b") s = testutil::walk(n, 100 + seed++);
    in.series.push_back(s);
  }
  for (size_t i = 0; i < n; ++i)
    in.timestamps.push_back(1703808000LL * 1'000'000'000 + static_cast<int64_t>(i) * 3'600'000'000'000);
  return in;
}

std::vector<std::vector<double>> run_prefix(const TransformSpec& spec, const Params& p,
                                            const Inputs& in, size_t k) {
  std::vector<const double*> ptrs;
  for (const auto& s : in.series) ptrs.push_back(s.data());
  auto out = compute(spec, p, ptrs, in.timestamps.data(), k);
  EXPECT_TRUE(out.is_ok()) << out.status().message();
  return out ? *out : std::vector<std::vector<double>>{};
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b)); }

// Parameter sets: defaults and, for specs with a window/shift/horizon, a few values.
std::vector<Params> param_sets(const TransformSpec& spec) {
  std::vector<Params> out = {default_params(spec)};
  if (!spec.params.empty() && spec.params[0].type == ParamType::kInteger && spec.params[0].max > 3)
    for (double v : {2.0, 7.0}) {
      Params p = default_params(spec);
      p.values[0] = std::max(v, spec.params[0].min);
      out.push_back(p);
    }
  return out;
}

TEST(Causality, FeatureOutputsDoNotChangeWhenTheFutureIsCut) {
  const size_t n = 200;
  for (const auto& spec : builtin_registry().all()) {
    if (spec.reads_future) continue;
    for (const Params& p : param_sets(spec)) {
      for (bool holes : {false, true}) {
        const Inputs in = make_inputs(spec, n, holes);
        const auto full = run_prefix(spec, p, in, n);
        for (size_t k : {size_t{0}, size_t{1}, size_t{5}, size_t{31}, size_t{100}, n - 1}) {
          const auto cut = run_prefix(spec, p, in, k);
          for (size_t o = 0; o < full.size(); ++o)
            for (size_t t = 0; t < k; ++t)
              ASSERT_TRUE(same_bits(cut[o][t], full[o][t]))
                  << spec.name << " output " << o << " row " << t << " cut at " << k;
        }
      }
    }
  }
}

TEST(Causality, FeatureWarmUpRowsAreExactlyTheLookback) {
  const size_t n = 120;
  for (const auto& spec : builtin_registry().all()) {
    if (spec.reads_future) continue;
    for (const Params& p : param_sets(spec)) {
      const Inputs in = make_inputs(spec, n, false);
      const auto out = run_prefix(spec, p, in, n);
      const size_t lb = static_cast<size_t>(lookback_of(spec, p));
      for (size_t t = 0; t < n; ++t)
        ASSERT_EQ(std::isnan(out[0][t]), t < lb) << spec.name << " row " << t;
    }
  }
}

TEST(Causality, LabelsReadOnlyTheirHorizonAndLeaveTheTailEmpty) {
  const size_t n = 150;
  for (const auto& spec : builtin_registry().all()) {
    if (!spec.reads_future) continue;
    for (const Params& p : param_sets(spec)) {
      const size_t h = static_cast<size_t>(lookahead_of(spec, p));
      const Inputs in = make_inputs(spec, n, false);
      const auto full = run_prefix(spec, p, in, n);
      for (size_t t = n - h; t < n; ++t)
        for (const auto& o : full) ASSERT_TRUE(std::isnan(o[t])) << spec.name << " row " << t;
      for (size_t t = 0; t + h < n; ++t) ASSERT_FALSE(std::isnan(full[0][t])) << spec.name << " row " << t;
      for (size_t k : {h + 1, size_t{60}, n - 1}) {
        const auto cut = run_prefix(spec, p, in, k);
        for (size_t o = 0; o < full.size(); ++o)
          for (size_t t = 0; t + h < k; ++t)
            ASSERT_TRUE(same_bits(cut[o][t], full[o][t])) << spec.name << " row " << t;
      }
    }
  }
}

}  // namespace
}  // namespace nocode::transforms
