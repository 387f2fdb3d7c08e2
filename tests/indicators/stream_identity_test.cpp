// For every registered indicator: the streaming state fed one bar at a time
// gives bit-identical numbers to the batch kernel, reports ready() exactly
// from the lookback on, and replays identically after reset().
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "common/strings.h"
#include "indicators/registry.h"
#include "support/param_sets.h"
#include "support/test_data.h"

namespace nocode::testing {
namespace {

using indicators::IndicatorSpec;
using indicators::InputKind;

std::vector<std::string> all_indicators() {
  std::vector<std::string> names;
  for (const auto& s : indicators::builtin_registry().all()) names.push_back(s.name);
  return names;
}

const std::vector<double>& column_for(const Ohlcv& s, InputKind kind) {
  switch (kind) {
    case InputKind::kOpen: return s.open;
    case InputKind::kHigh: return s.high;
    case InputKind::kLow: return s.low;
    case InputKind::kVolume: return s.volume;
    case InputKind::kReal1: return s.open;
    default: return s.close;
  }
}

bool bit_equal(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::memcmp(&a, &b, sizeof a) == 0;
}

class StreamIdentity : public ::testing::TestWithParam<std::string> {};

TEST_P(StreamIdentity, StreamEqualsBatch) {
  const IndicatorSpec& spec = *indicators::builtin_registry().find(GetParam());
  std::vector<Ohlcv> series = {shared_series("GOOG.csv")};
  for (auto& s : synthetic_series()) series.push_back(std::move(s));
  for (const auto& set : param_sets(spec)) {
    for (const Ohlcv& s : series) {
      const std::string where = spec.name + " " + describe(spec, set.params) + " on " + s.name;
      std::vector<const double*> inputs;
      for (InputKind k : spec.inputs) inputs.push_back(column_for(s, k).data());
      const auto batch = indicators::compute(spec, set.params, inputs, s.size());
      const size_t lookback = static_cast<size_t>(spec.lookback(set.params));
      auto stream = spec.stream(set.params);
      for (int pass = 0; pass < 2; ++pass) {
        size_t mismatches = 0;
        std::vector<double> bar(spec.inputs.size());
        for (size_t i = 0; i < s.size(); ++i) {
          for (size_t k = 0; k < inputs.size(); ++k) bar[k] = inputs[k][i];
          stream->update(bar);
          ASSERT_EQ(stream->ready(), i >= lookback) << where << " row " << i << " pass " << pass;
          for (size_t k = 0; k < spec.outputs.size(); ++k) {
            if (i < lookback) {
              EXPECT_TRUE(std::isnan(batch[k][i])) << where << " warm-up row " << i;
              EXPECT_TRUE(std::isnan(stream->value(k))) << where << " warm-up row " << i;
            }
            if (!bit_equal(stream->value(k), batch[k][i]) && ++mismatches <= 3)
              ADD_FAILURE() << where << " output '" << spec.outputs[k] << "' row " << i
                            << ": stream " << format_double(stream->value(k)) << ", batch "
                            << format_double(batch[k][i]);
          }
        }
        ASSERT_EQ(mismatches, 0u) << where << " pass " << pass;
        stream->reset();
        EXPECT_FALSE(stream->ready()) << where << " after reset";
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(AllIndicators, StreamIdentity, ::testing::ValuesIn(all_indicators()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace nocode::testing
