// The momentum indicators' TA-Lib conventions, each checked against TA-Lib
// itself (tests/oracle) on series built to exercise it, plus properties that
// need no oracle (MACD's period swap, its seeding vs a textbook EMA).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "indicators/registry.h"
#include "support/talib_oracle.h"
#include "support/test_data.h"

namespace nocode::testing {
namespace {

using indicators::builtin_registry;
using indicators::IndicatorSpec;
using indicators::InputKind;

const IndicatorSpec& spec(const char* name) {
  const IndicatorSpec* s = builtin_registry().find(name);
  if (!s) throw std::runtime_error(std::string("not registered: ") + name);
  return *s;
}

// Our outputs for `name` with the given parameters (by name) on `s`.
std::vector<std::vector<double>> ours(const char* name, const Ohlcv& s,
                                      const std::vector<std::pair<std::string, double>>& given) {
  const IndicatorSpec& sp = spec(name);
  auto params = indicators::resolve_params(sp, given);
  if (!params.is_ok()) throw std::runtime_error(params.status().to_string());
  std::vector<const double*> in;
  for (InputKind k : sp.inputs) {
    switch (k) {
      case InputKind::kHigh: in.push_back(s.high.data()); break;
      case InputKind::kLow: in.push_back(s.low.data()); break;
      case InputKind::kOpen: in.push_back(s.open.data()); break;
      case InputKind::kVolume: in.push_back(s.volume.data()); break;
      default: in.push_back(s.close.data());
    }
  }
  return indicators::compute(sp, params.value(), in, s.size());
}

bool same_bits(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::memcmp(&a, &b, sizeof a) == 0;
}

// OHLCV from closes: open = previous close, high/low = max/min(open, close) ± spread.
Ohlcv from_close(const std::string& name, const std::vector<double>& c, double spread) {
  Ohlcv s;
  s.name = name;
  for (size_t i = 0; i < c.size(); ++i) {
    const double o = i ? c[i - 1] : c[i];
    s.open.push_back(o);
    s.close.push_back(c[i]);
    s.high.push_back(std::max(o, c[i]) + spread);
    s.low.push_back(std::min(o, c[i]) - spread);
    s.volume.push_back(1000);
  }
  return s;
}

// A TA-Lib-style EMA seeded with the SMA of the first p values (first value at p-1).
std::vector<double> textbook_ema(const std::vector<double>& x, int p) {
  std::vector<double> y(x.size(), NAN);
  double sum = 0;
  for (int i = 0; i < p; ++i) sum += x[size_t(i)];
  double e = sum / p;
  y[size_t(p - 1)] = e;
  const double k = 2.0 / (p + 1);
  for (size_t i = size_t(p); i < x.size(); ++i) y[i] = e = (x[i] - e) * k + e;
  return y;
}

TEST(Macd, SlowBelowFastSwapsThePeriods) {
  const Ohlcv goog = shared_series("GOOG.csv");
  const auto a = ours("macd", goog, {{"fast_period", 12}, {"slow_period", 26}, {"signal_period", 9}});
  const auto b = ours("macd", goog, {{"fast_period", 26}, {"slow_period", 12}, {"signal_period", 9}});
  for (size_t k = 0; k < 3; ++k)
    for (size_t i = 0; i < goog.size(); ++i) ASSERT_TRUE(same_bits(a[k][i], b[k][i])) << k << " " << i;
  // And TA-Lib agrees that the swapped call is the same indicator.
  const auto ref = run_talib(goog, {{"MACD", {{"optInFastPeriod", 26}, {"optInSlowPeriod", 12},
                                               {"optInSignalPeriod", 9}}}});
  ASSERT_TRUE(ref[0].error.empty());
  EXPECT_EQ(ref[0].beg_index, 33);
  for (size_t i = 33; i < goog.size(); ++i)
    EXPECT_NEAR(b[0][i], ref[0].outputs[0][i], 1e-9 * std::max(1.0, std::fabs(b[0][i])));
}

TEST(Macd, DiffersFromEmaDifferenceEarlyThenConverges) {
  const Ohlcv goog = shared_series("GOOG.csv");
  const auto m = ours("macd", goog, {});
  const auto e12 = textbook_ema(goog.close, 12), e26 = textbook_ema(goog.close, 26);
  // First output at 25 + 8 = 33; the fast EMA was seeded from bars 14..25, not 0..11.
  EXPECT_TRUE(std::isnan(m[0][32]));
  ASSERT_FALSE(std::isnan(m[0][33]));
  EXPECT_GT(std::fabs(m[0][33] - (e12[33] - e26[33])), 1e-3);
  const size_t last = goog.size() - 1;
  EXPECT_NEAR(m[0][last], e12[last] - e26[last], 1e-9 * std::fabs(goog.close[last]));
}

TEST(Macd, FixUsesFixedFactorsNotTwoOverPPlusOne) {
  const Ohlcv goog = shared_series("GOOG.csv");
  const auto fix = ours("macdfix", goog, {});
  const auto std_macd = ours("macd", goog, {});
  const auto ref = run_talib(goog, {{"MACDFIX", {{"optInSignalPeriod", 9}}}});
  ASSERT_TRUE(ref[0].error.empty());
  EXPECT_EQ(ref[0].beg_index, 33);
  size_t differing = 0;
  for (size_t i = 33; i < goog.size(); ++i) {
    EXPECT_NEAR(fix[0][i], ref[0].outputs[0][i], 1e-9 * std::max(1.0, std::fabs(fix[0][i])));
    if (std::fabs(fix[0][i] - std_macd[0][i]) > 1e-6) ++differing;
  }
  EXPECT_GT(differing, goog.size() / 2);
}

TEST(Rsi, FlatRunHoldsAndAllFlatIsZero) {
  std::vector<double> c;
  for (int i = 0; i < 30; ++i) c.push_back(100 + (i % 3 == 0 ? -0.5 : 0.8) * (i % 5));
  for (int i = 0; i < 40; ++i) c.push_back(c.back());
  const Ohlcv s = from_close("rsi_flat", c, 0.1);
  const auto r = ours("rsi", s, {{"period", 14}});
  const auto ref = run_talib(s, {{"RSI", {{"optInTimePeriod", 14}}}});
  ASSERT_TRUE(ref[0].error.empty());
  for (size_t i = 14; i < s.size(); ++i) EXPECT_TRUE(same_bits(r[0][i], ref[0].outputs[0][i])) << i;
  // Through the flat run the averages decay together: the value holds.
  for (size_t i = 31; i < s.size(); ++i) EXPECT_NEAR(r[0][i], r[0][29], 1e-9) << i;

  const Ohlcv flat = from_close("all_flat", std::vector<double>(40, 50.0), 0.0);
  const auto z = ours("rsi", flat, {{"period", 14}});
  for (size_t i = 14; i < flat.size(); ++i) EXPECT_EQ(z[0][i], 0.0) << i;  // not 50
  const auto zref = run_talib(flat, {{"RSI", {{"optInTimePeriod", 14}}}});
  EXPECT_EQ(zref[0].outputs[0][20], 0.0);
}

TEST(Rsi, StochRsiPercentKIsBitIdenticalToTalib) {
  // %K compares RSI values; any ulp difference in the RSI would flip its
  // 0/100 ties, so the RSI must follow TA-Lib's operation order exactly.
  for (const char* file : {"GOOG.csv", "orcl-1995-2014.txt"}) {
    const Ohlcv s = shared_series(file);
    const auto k = ours("stochrsi", s, {{"period", 7}, {"fastk_period", 3}, {"fastd_period", 1}});
    const auto ref = run_talib(s, {{"STOCHRSI", {{"optInTimePeriod", 7}, {"optInFastK_Period", 3},
                                                 {"optInFastD_Period", 1},
                                                 {"optInFastD_MAType", 0}}}});
    ASSERT_TRUE(ref[0].error.empty());
    size_t bad = 0;
    for (size_t i = 0; i < s.size(); ++i)
      if (!same_bits(k[0][i], ref[0].outputs[0][i]) && ++bad < 4)
        ADD_FAILURE() << file << " row " << i << ": " << k[0][i] << " vs " << ref[0].outputs[0][i];
    EXPECT_EQ(bad, 0u) << file;
  }
}

// Up move == down move on every bar (the range widens symmetrically): TA-Lib
// counts neither, so +DM and -DM stay 0 and DX/ADX/+DI/-DI are 0.
TEST(Directional, TiesCountAsNeither) {
  Ohlcv s;
  s.name = "dm_ties";
  for (int i = 0; i < 80; ++i) {
    const double mid = 100 + (i % 4) * 0.25;
    const double half = 1.0 + 0.5 * (i % 7);
    s.open.push_back(mid);
    s.close.push_back(mid);
    s.volume.push_back(1000);
    // every bar: high - prev high == prev low - low when the half-range grows
    s.high.push_back(100 + half);
    s.low.push_back(100 - half);
  }
  const auto refs =
      run_talib(s, {{"PLUS_DM", {{"optInTimePeriod", 14}}}, {"MINUS_DM", {{"optInTimePeriod", 14}}},
                    {"DX", {{"optInTimePeriod", 14}}}, {"ADX", {{"optInTimePeriod", 14}}},
                    {"PLUS_DI", {{"optInTimePeriod", 14}}}, {"MINUS_DI", {{"optInTimePeriod", 14}}},
                    {"ADXR", {{"optInTimePeriod", 14}}}});
  const char* names[] = {"plus_dm", "minus_dm", "dx", "adx", "plus_di", "minus_di", "adxr"};
  for (size_t f = 0; f < 7; ++f) {
    ASSERT_TRUE(refs[f].error.empty()) << names[f];
    const auto o = ours(names[f], s, {{"period", 14}});
    for (size_t i = 0; i < s.size(); ++i) {
      const double ref = refs[f].outputs[0][i];
      if (std::isnan(ref)) {
        EXPECT_TRUE(std::isnan(o[0][i])) << names[f] << " " << i;
        continue;
      }
      EXPECT_EQ(o[0][i], 0.0) << names[f] << " row " << i;
      EXPECT_EQ(ref, 0.0) << names[f] << " row " << i << " (TA-Lib)";
    }
  }
}

// In a perfectly flat window TA-Lib's CCI mean, summed in circular-buffer slot
// order, leaves a rounding residue, and the result is -1/0.015 rather than 0.
TEST(Cci, FlatWindowMatchesTalibBitForBit) {
  std::vector<double> c;
  for (int i = 0; i < 40; ++i) c.push_back(101.3 + 0.37 * i);
  for (int i = 0; i < 60; ++i) c.push_back(c.back());
  Ohlcv s = from_close("cci_flat", c, 0.2);
  for (size_t i = 40; i < s.size(); ++i) s.open[i] = s.high[i] = s.low[i] = s.close[i] = c.back();
  for (int p : {5, 14, 20}) {
    const auto o = ours("cci", s, {{"period", p}});
    const auto ref = run_talib(s, {{"CCI", {{"optInTimePeriod", p}}}});
    ASSERT_TRUE(ref[0].error.empty());
    size_t residue_bars = 0;
    for (size_t i = size_t(p - 1); i < s.size(); ++i) {
      EXPECT_TRUE(same_bits(o[0][i], ref[0].outputs[0][i]))
          << "p=" << p << " row " << i << ": " << o[0][i] << " vs " << ref[0].outputs[0][i];
      if (i >= 40 + size_t(p) && std::fabs(o[0][i] + 1 / 0.015) < 1e-6) ++residue_bars;
    }
    // Documented TA-Lib behaviour: -66.67 on flat-window bars (when a residue is left).
    if (p == 14) EXPECT_GT(residue_bars, 0u);
  }
}

// A period-3 price pattern makes STOCH's slow %K a constant up to rounding
// residues; those residues must be TA-Lib's exactly (they feed slow %D).
TEST(Stoch, SlowKResiduesAreTalibs) {
  std::vector<double> c;
  double p = 50;
  for (int i = 0; i < 240; ++i) {
    if (i % 40 == 39) p *= (i % 80 == 39) ? 1.2 : 0.8;
    p += (i % 3 == 0 ? 0.1 : -0.05);
    c.push_back(p);
  }
  const Ohlcv s = from_close("periodic", c, 0.3);
  const auto o = ours("stoch", s, {});
  const auto ref = run_talib(s, {{"STOCH", {{"optInFastK_Period", 5}, {"optInSlowK_Period", 3},
                                            {"optInSlowK_MAType", 0}, {"optInSlowD_Period", 3},
                                            {"optInSlowD_MAType", 0}}}});
  ASSERT_TRUE(ref[0].error.empty());
  for (size_t k = 0; k < 2; ++k)
    for (size_t i = 0; i < s.size(); ++i)
      EXPECT_TRUE(same_bits(o[k][i], ref[0].outputs[k][i]))
          << k << " row " << i << ": " << o[k][i] << " vs " << ref[0].outputs[k][i];
}

TEST(Stoch, ZeroRangeGivesZeroAndAliasResolves) {
  EXPECT_EQ(builtin_registry().find("stochastic"), &spec("stoch"));
  const Ohlcv flat = from_close("flat", std::vector<double>(30, 10.0), 0.0);
  const auto o = ours("stochf", flat, {});
  for (size_t i = 6; i < flat.size(); ++i) EXPECT_EQ(o[0][i], 0.0) << i;  // not 50
}

TEST(PriceOscillators, SwapAndZeroDivisor) {
  const Ohlcv goog = shared_series("GOOG.csv");
  for (const char* name : {"apo", "ppo"}) {
    const auto a = ours(name, goog, {{"fast_period", 12}, {"slow_period", 26}});
    const auto b = ours(name, goog, {{"fast_period", 26}, {"slow_period", 12}});
    for (size_t i = 0; i < goog.size(); ++i) ASSERT_TRUE(same_bits(a[0][i], b[0][i])) << name << i;
  }
  const Ohlcv zero = from_close("zero", std::vector<double>(40, 0.0), 0.0);
  const auto z = ours("ppo", zero, {});
  EXPECT_EQ(z[0][30], 0.0);
}

// Parameters outside the generic param sets: periods past the kernels'
// fixed-width fast paths (CCI lanes, %K window folds) and period 1 of the
// directional family, against TA-Lib and against the stream.
TEST(Kernels, UnusualPeriodsMatchTalibAndStream) {
  const Ohlcv goog = shared_series("GOOG.csv");
  struct Case {
    const char* name;
    std::vector<std::pair<std::string, double>> ours;
    OracleCase ref;
  };
  const std::vector<Case> cases = {
      {"cci", {{"period", 70}}, {"CCI", {{"optInTimePeriod", 70}}}},
      {"stochf", {{"fastk_period", 80}, {"fastd_period", 3}},
       {"STOCHF", {{"optInFastK_Period", 80}, {"optInFastD_Period", 3}, {"optInFastD_MAType", 0}}}},
      {"plus_di", {{"period", 1}}, {"PLUS_DI", {{"optInTimePeriod", 1}}}},
      {"minus_di", {{"period", 1}}, {"MINUS_DI", {{"optInTimePeriod", 1}}}},
      {"plus_dm", {{"period", 1}}, {"PLUS_DM", {{"optInTimePeriod", 1}}}},
      {"minus_dm", {{"period", 1}}, {"MINUS_DM", {{"optInTimePeriod", 1}}}},
  };
  for (const Case& c : cases) {
    const auto o = ours(c.name, goog, c.ours);
    const auto ref = run_talib(goog, {c.ref});
    ASSERT_TRUE(ref[0].error.empty()) << c.name;
    const IndicatorSpec& sp = spec(c.name);
    auto params = indicators::resolve_params(sp, c.ours).value();
    EXPECT_EQ(sp.lookback(params), ref[0].beg_index) << c.name;
    auto stream = sp.stream(params);
    std::vector<double> bar(sp.inputs.size());
    for (size_t i = 0; i < goog.size(); ++i) {
      for (size_t k = 0; k < sp.inputs.size(); ++k) {
        const InputKind kind = sp.inputs[k];
        bar[k] = kind == InputKind::kHigh ? goog.high[i]
                 : kind == InputKind::kLow ? goog.low[i]
                                           : goog.close[i];
      }
      stream->update(bar);
      for (size_t k = 0; k < o.size(); ++k) {
        const double r = ref[0].outputs[k][i];
        ASSERT_EQ(std::isnan(o[k][i]), std::isnan(r)) << c.name << " row " << i;
        if (!std::isnan(r))
          EXPECT_NEAR(o[k][i], r, 1e-9 * std::max(1.0, std::fabs(r))) << c.name << " row " << i;
        EXPECT_TRUE(same_bits(stream->value(k), o[k][i])) << c.name << " stream row " << i;
      }
    }
  }
}

}  // namespace
}  // namespace nocode::testing
