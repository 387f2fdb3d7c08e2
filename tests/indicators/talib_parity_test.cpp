// Every registered indicator with a TA-Lib counterpart against TA-Lib itself
// (npm talib 1.1.6, TA-Lib C 0.6.0-dev, startIdx 0), on real data (GOOG,
// ORCL, EURUSD hourly, a zero-volume index), synthetic edge cases and a
// 20000-bar random walk, with default, minimum, large, swapped, random and
// every-MA-type parameter settings (tests/support/param_sets.cpp).
// After the warm-up values agree within 1e-9 relative (see close_enough), and
// NaN appears exactly where TA-Lib has no output.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <utility>
#include <vector>

#include "common/strings.h"
#include "indicators/registry.h"
#include "support/param_sets.h"
#include "support/talib_oracle.h"
#include "support/test_data.h"

namespace nocode::testing {
namespace {

using indicators::IndicatorSpec;
using indicators::InputKind;

// (TA-Lib function, series) pairs whose comparison is meaningless, with why.
struct Exemption {
  const char* function;
  const char* series;
  const char* reason;
};
const Exemption kExemptions[] = {
    // <exemptions>
    {"EXP", "GOOG.csv", "GOOG closes exceed 709: EXP overflows to +inf in both, but the oracle's JSON turns TA-Lib's inf into null (NaN); tests/indicators/math/transforms_test.cpp checks these"},
    {"COSH", "GOOG.csv", "GOOG closes exceed 709: COSH overflows to +inf in both, but the oracle's JSON turns TA-Lib's inf into null (NaN); tests/indicators/math/transforms_test.cpp checks these"},
    {"SINH", "GOOG.csv", "GOOG closes exceed 709: SINH overflows to +inf in both, but the oracle's JSON turns TA-Lib's inf into null (NaN); tests/indicators/math/transforms_test.cpp checks these"},
    {"EXP", "2006-day-001.txt", "index levels ~3600 exceed 709: EXP overflows to +inf in both, but the oracle's JSON turns TA-Lib's inf into null (NaN); tests/indicators/math/transforms_test.cpp checks these"},
    {"COSH", "2006-day-001.txt", "index levels ~3600 exceed 709: COSH overflows to +inf in both, but the oracle's JSON turns TA-Lib's inf into null (NaN); tests/indicators/math/transforms_test.cpp checks these"},
    {"SINH", "2006-day-001.txt", "index levels ~3600 exceed 709: SINH overflows to +inf in both, but the oracle's JSON turns TA-Lib's inf into null (NaN); tests/indicators/math/transforms_test.cpp checks these"},
    {"", "", ""},
};

// (TA-Lib function, parameter setting) pairs where TA-Lib's output is
// undefined behaviour, on every series: the setting is inside TA-Lib's
// declared range, but an inner function's lookback for it is -1 (EMA and SMA
// reject period 1), so TA-Lib indexes its buffers at -1 and past the end and
// returns uninitialised memory (e.g. MACD row 0 = 8.49e-320). Our results
// there are the mathematically consistent ones (an EMA or SMA of period 1 is
// the identity).
struct ParamExemption {
  const char* function;
  std::vector<std::pair<const char*, double>> when;  // every (our param name, value) must match
  const char* reason;
};
const ParamExemption kParamExemptions[] = {
    {"MACD", {{"signal_period", 1}}, "TA_EMA_Lookback(1) = -1: MACD's begIdx is one bar early, outMACD[0] reads fastEMABuffer[-1] and the signal line is misaligned by two bars"},
    {"MACDFIX", {{"signal_period", 1}}, "TA_EMA_Lookback(1) = -1: as MACD with signal period 1"},
    {"TRIX", {{"period", 1}}, "TA_EMA_Lookback(1) = -1: TRIX's lookback becomes -2, its output is shifted by six bars and its last six values are read past the end of the buffer"},
    {"ULTOSC", {{"period1", 1}, {"period2", 1}, {"period3", 1}}, "TA_SMA_Lookback(1) = -1: ULTOSC's lookback becomes 0 and row 0 uses close[-1]"},
};

bool exempt_params(const IndicatorSpec& spec, const indicators::Params& params) {
  for (const auto& e : kParamExemptions) {
    if (spec.talib_name != e.function) continue;
    bool all = true;
    for (const auto& [name, value] : e.when) {
      bool match = false;
      for (size_t i = 0; i < spec.params.size(); ++i)
        if (spec.params[i].name == name && params.values[i] == value) match = true;
      all = all && match;
    }
    if (all) return true;
  }
  return false;
}

bool exempt(const std::string& function, const std::string& series) {
  for (const auto& e : kExemptions)
    if (function == e.function && series == e.series) return true;
  return false;
}

std::vector<std::string> talib_indicators() {
  std::vector<std::string> names;
  for (const auto& s : indicators::builtin_registry().all())
    if (!s.talib_name.empty()) names.push_back(s.name);
  return names;
}

std::vector<Ohlcv> all_series() {
  std::vector<Ohlcv> out = market_series();
  for (auto& s : synthetic_series()) out.push_back(std::move(s));
  out.push_back(random_walk(20000, 23));  // long: slow convergence, rare ties
  return out;
}

const double* input_for(const Ohlcv& s, InputKind kind) {
  switch (kind) {
    case InputKind::kOpen: return s.open.data();
    case InputKind::kHigh: return s.high.data();
    case InputKind::kLow: return s.low.data();
    case InputKind::kClose: return s.close.data();
    case InputKind::kVolume: return s.volume.data();
    case InputKind::kReal: return s.close.data();
    case InputKind::kReal0: return s.close.data();
    case InputKind::kReal1: return s.open.data();
  }
  return nullptr;
}

TEST(TalibParityData, SharedSeriesParse) {
  for (const Ohlcv& s : market_series()) {
    EXPECT_GT(s.size(), 200u) << s.name;
    for (size_t i = 0; i < s.size(); ++i) {
      ASSERT_TRUE(std::isfinite(s.open[i]) && std::isfinite(s.high[i]) && std::isfinite(s.low[i]) &&
                  std::isfinite(s.close[i]) && std::isfinite(s.volume[i]))
          << s.name << " row " << i;
      ASSERT_TRUE(s.low[i] <= s.open[i] && s.open[i] <= s.high[i] && s.low[i] <= s.close[i] &&
                  s.close[i] <= s.high[i] && s.low[i] > 0)
          << s.name << " row " << i;
    }
  }
}

class TalibParity : public ::testing::TestWithParam<std::string> {};

TEST_P(TalibParity, MatchesTalib) {
  const IndicatorSpec& spec = *indicators::builtin_registry().find(GetParam());
  auto sets = param_sets(spec);
  std::erase_if(sets, [&](const NamedParams& set) { return exempt_params(spec, set.params); });
  std::vector<OracleCase> cases;
  for (const auto& set : sets) {
    OracleCase c{spec.talib_name, {}};
    for (size_t i = 0; i < spec.params.size(); ++i)
      if (!spec.params[i].talib.empty()) c.opt_in[spec.params[i].talib] = set.params.values[i];
    cases.push_back(c);
  }
  for (const Ohlcv& series : all_series()) {
    if (exempt(spec.talib_name, series.name)) continue;
    const auto refs = run_talib(series, cases);
    ASSERT_EQ(refs.size(), sets.size());
    std::vector<const double*> inputs;
    for (InputKind k : spec.inputs) inputs.push_back(input_for(series, k));
    for (size_t c = 0; c < sets.size(); ++c) {
      const auto& ref = refs[c];
      const std::string where = spec.talib_name + " " + describe(spec, sets[c].params) + " on " +
                                series.name;
      ASSERT_TRUE(ref.error.empty()) << where << ": oracle error " << ref.error;
      ASSERT_EQ(ref.outputs.size(), spec.outputs.size()) << where;
      const int lookback = spec.lookback(sets[c].params);
      if (ref.beg_index > 0 || series.size() > size_t(lookback)) {
        EXPECT_EQ(lookback, ref.beg_index) << where << ": lookback";
      }
      const auto ours = indicators::compute(spec, sets[c].params, inputs, series.size());
      for (size_t k = 0; k < ours.size(); ++k) {
        double sumsq = 0;
        size_t count = 0;
        for (double v : ref.outputs[k])
          if (std::isfinite(v)) sumsq += v * v, ++count;
        const double floor = count ? 1e-3 * std::sqrt(sumsq / double(count)) : 0.0;
        size_t mismatches = 0;
        for (size_t i = 0; i < series.size(); ++i) {
          if (close_enough(ours[k][i], ref.outputs[k][i], floor)) continue;
          if (++mismatches <= 3)
            ADD_FAILURE() << where << " output '" << spec.outputs[k] << "' row " << i
                          << ": ours " << format_double(ours[k][i]) << ", TA-Lib "
                          << format_double(ref.outputs[k][i]);
        }
        EXPECT_EQ(mismatches, 0u) << where << " output '" << spec.outputs[k] << "'";
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(AllTalibIndicators, TalibParity, ::testing::ValuesIn(talib_indicators()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace nocode::testing
