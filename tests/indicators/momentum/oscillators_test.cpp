// Conventions of AROON, AROONOSC, BOP, CMO, MFI, MOM, ROC*, TRIX, ULTOSC,
// WILLR and IMI that the generic parity test does not pin down on its own:
// period sorting, tie-breaking, output order, zero-range and threshold rules,
// NaN handling of the windowed extremes, and the accuracy margin of the
// kernels that reformulate TA-Lib's arithmetic. Expected values come from
// TA-Lib itself (run_talib) or from naive re-implementations here.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <string>

#include "indicators/momentum/oscillator_helpers.h"

namespace nocode::testing {
namespace {

using namespace osc;  // NOLINT
using indicators::IndicatorSpec;

// A random walk whose prices are rounded to a coarse tick (many ties), with
// scattered NaN bars (some in runs): the hard case for the window extremes.
Ohlcv ties_and_nans(size_t n, unsigned seed, double nan_rate) {
  Ohlcv s = random_walk(n, seed);
  s.name = "ties_and_nans_" + std::to_string(seed);
  std::mt19937_64 rng(seed * 7919u + 1);
  std::uniform_real_distribution<double> u(0, 1);
  for (size_t i = 0; i < n; ++i) {
    for (auto* v : {&s.open, &s.high, &s.low, &s.close}) (*v)[i] = std::round((*v)[i] * 2) / 2;
    if (u(rng) < nan_rate) {
      const size_t run = 1 + size_t(u(rng) * 3);
      for (size_t j = i; j < std::min(n, i + run); ++j) {
        // Sometimes only the high or the low is missing.
        const double r = u(rng);
        if (r < 0.6)
          s.open[j] = s.high[j] = s.low[j] = s.close[j] = std::nan("");
        else if (r < 0.8)
          s.high[j] = std::nan("");
        else
          s.low[j] = std::nan("");
      }
    }
  }
  return s;
}

// --- AROON / AROONOSC -------------------------------------------------------

// Naive AROON: over the last p+1 bars, bars since the most recent highest high
// / lowest low.
std::vector<std::vector<double>> naive_aroon(const Ohlcv& s, int p) {
  std::vector<std::vector<double>> out(2, std::vector<double>(s.size(), NAN));
  for (size_t i = size_t(p); i < s.size(); ++i) {
    size_t hi = i - p, lo = i - p;
    for (size_t j = i - p; j <= i; ++j) {
      if (s.high[j] >= s.high[hi]) hi = j;
      if (s.low[j] <= s.low[lo]) lo = j;
    }
    out[0][i] = 100.0 / p * double(p - int(i - lo));
    out[1][i] = 100.0 / p * double(p - int(i - hi));
  }
  return out;
}

TEST(Aroon, OutputsAreDownThenUpWithLatestTieAndFlatWindowAt100) {
  EXPECT_EQ(spec_of("aroon").outputs, (std::vector<std::string>{"aroon_down", "aroon_up"}));
  Ohlcv s = random_walk(400, 3);
  for (size_t i = 0; i < s.size(); ++i) {  // coarse ticks: many equal highs and lows
    s.high[i] = std::round(s.high[i]);
    s.low[i] = std::round(s.low[i]) - 1;
  }
  for (size_t i = 200; i < 230; ++i) s.high[i] = s.low[i] = 100;  // a flat stretch
  for (int p : {2, 5, 14}) {
    const auto got = ours("aroon", s, {{"period", p}});
    const auto want = naive_aroon(s, p);
    for (size_t k = 0; k < 2; ++k)
      for (size_t i = size_t(p); i < s.size(); ++i)
        ASSERT_EQ(got[k][i], want[k][i]) << "p=" << p << " output " << k << " row " << i;
    EXPECT_EQ(got[0][229], 100.0);
    EXPECT_EQ(got[1][229], 100.0);
    EXPECT_LT(worst_error("aroon", s, {{"period", p}}), 1e-15);
  }
}

TEST(Aroon, NanAndTieHeavySeriesMatchTalibAndStream) {
  for (unsigned seed : {1u, 2u, 3u}) {
    const Ohlcv s = ties_and_nans(1200, seed, seed == 3 ? 0.2 : 0.03);
    for (int p : {2, 3, 7, 14, 40}) {
      for (const char* name : {"aroon", "aroonosc", "willr"}) {
        EXPECT_LT(worst_error(name, s, {{"period", p}}), 1e-12)
            << name << " p=" << p << " " << s.name;
        expect_stream_matches(name, s, {{"period", p}});
      }
    }
  }
}

TEST(Aroonosc, IsUpMinusDown) {
  const Ohlcv s = random_walk(500, 9);
  const auto a = ours("aroon", s, {{"period", 10}});
  const auto o = ours("aroonosc", s, {{"period", 10}});
  for (size_t i = 10; i < s.size(); ++i) EXPECT_NEAR(o[0][i], a[1][i] - a[0][i], 1e-12);
}

// --- WILLR --------------------------------------------------------------------

TEST(Willr, ZeroRangeGivesZeroAndAliasesResolve) {
  Ohlcv s = random_walk(100, 4);
  for (size_t i = 40; i < 70; ++i) s.high[i] = s.low[i] = s.close[i] = s.open[i] = 55.5;
  const auto got = ours("willr", s, {{"period", 14}});
  for (size_t i = 53; i < 70; ++i) EXPECT_EQ(got[0][i], 0.0) << i;
  EXPECT_LT(worst_error("willr", s), 1e-13);
  for (const char* alias : {"williams", "williams_r", "williamsr", "WILLR"})
    EXPECT_EQ(indicators::builtin_registry().find(alias), &spec_of("willr")) << alias;
}

TEST(Willr, RangeIsMinus100To0) {
  const Ohlcv s = random_walk(2000, 5);
  const auto got = ours("willr", s);
  for (size_t i = 13; i < s.size(); ++i) {
    EXPECT_LE(got[0][i], 0.0);
    EXPECT_GE(got[0][i], -100.0);
  }
}

// --- ULTOSC -------------------------------------------------------------------

TEST(Ultosc, SortsItsPeriods) {
  const Ohlcv s = random_walk(600, 6);
  const auto a = ours("ultosc", s, {{"period1", 7}, {"period2", 14}, {"period3", 28}});
  for (auto order : std::vector<std::array<int, 3>>{{28, 7, 14}, {14, 28, 7}, {28, 14, 7}}) {
    const auto b =
        ours("ultosc", s, {{"period1", order[0]}, {"period2", order[1]}, {"period3", order[2]}});
    for (size_t i = 0; i < s.size(); ++i) ASSERT_TRUE(bit_equal(a[0][i], b[0][i])) << i;
    EXPECT_LT(worst_error("ultosc", s,
                          {{"period1", order[0]}, {"period2", order[1]}, {"period3", order[2]}}),
              1e-13);
  }
  EXPECT_EQ(spec_of("ultosc").lookback(
                params_of(spec_of("ultosc"), {{"period1", 28}, {"period2", 3}, {"period3", 9}})),
            28);
  EXPECT_EQ(indicators::builtin_registry().find("uo"), &spec_of("ultosc"));
  EXPECT_EQ(indicators::builtin_registry().find("ultimate_oscillator"), &spec_of("ultosc"));
}

TEST(Ultosc, PeriodOneAndEqualPeriodsAndFlatWindows) {
  Ohlcv s = random_walk(300, 8);
  for (size_t i = 100; i < 160; ++i) s.open[i] = s.high[i] = s.low[i] = s.close[i] = 90;
  for (auto p : std::vector<std::array<int, 3>>{{1, 1, 1}, {1, 2, 3}, {5, 5, 5}, {3, 9, 200}}) {
    const std::map<std::string, double> m = {
        {"period1", p[0]}, {"period2", p[1]}, {"period3", p[2]}};
    // With all periods 1, TA-Lib's lookback comes out as 0 (its SMA lookback
    // rejects period 1) and row 0 reads close[−1] out of bounds; we start at
    // row 1 like every other setting (lookback = longest period).
    const size_t first = p[2] == 1 ? 1 : 0;
    EXPECT_LT(worst_error("ultosc", s, m, first), 1e-13) << p[0] << "," << p[1] << "," << p[2];
    expect_stream_matches("ultosc", s, m);
  }
  const auto one = ours("ultosc", s, {{"period1", 1}, {"period2", 1}, {"period3", 1}});
  EXPECT_TRUE(std::isnan(one[0][0]));
  EXPECT_FALSE(std::isnan(one[0][1]));
}

// --- MFI ----------------------------------------------------------------------

TEST(Mfi, TiesCountAsNeitherAndSmallFlowsGiveZero) {
  Ohlcv s = random_walk(200, 10);
  // Runs where the typical price repeats exactly (ties).
  for (size_t i = 50; i < 80; i += 2) {
    s.high[i + 1] = s.high[i];
    s.low[i + 1] = s.low[i];
    s.close[i + 1] = s.close[i];
  }
  // A stretch whose money flow per bar is tiny (total < 1 over the window).
  for (size_t i = 120; i < 160; ++i) s.volume[i] = 1e-5;
  EXPECT_LT(worst_error("mfi", s), 1e-12);
  const auto got = ours("mfi", s);
  for (size_t i = 134; i < 160; ++i) EXPECT_EQ(got[0][i], 0.0) << i;
  // All-ties window: positive and negative flows are both 0 -> 0.
  Ohlcv flat = random_walk(60, 11);
  for (size_t i = 20; i < 60; ++i) {
    flat.high[i] = 10;
    flat.low[i] = 8;
    flat.close[i] = 9;
  }
  const auto f = ours("mfi", flat);
  for (size_t i = 35; i < 60; ++i) EXPECT_EQ(f[0][i], 0.0) << i;
  EXPECT_LT(worst_error("mfi", flat), 1e-12);
}

// --- BOP, ROC family, MOM, IMI ------------------------------------------------

TEST(Bop, ZeroOrNegativeRangeGivesZero) {
  Ohlcv s = random_walk(50, 12);
  s.high[10] = s.low[10];          // zero range
  s.high[11] = s.low[11] - 1;      // negative range
  s.high[12] = s.low[12] + 1e-15;  // below TA-Lib's epsilon
  const auto got = ours("bop", s);
  EXPECT_EQ(got[0][10], 0.0);
  EXPECT_EQ(got[0][11], 0.0);
  EXPECT_EQ(got[0][12], 0.0);
  EXPECT_DOUBLE_EQ(got[0][13], (s.close[13] - s.open[13]) / (s.high[13] - s.low[13]));
  EXPECT_LT(worst_error("bop", s), 1e-15);
}

TEST(RocFamily, ZeroDivisorGivesZeroAndMatchesTalib) {
  Ohlcv s = random_walk(80, 13);
  s.close[20] = 0.0;
  s.close[21] = -0.0;
  for (const char* name : {"roc", "rocp", "rocr", "rocr100", "mom"}) {
    const auto got = ours(name, s, {{"period", 5}});
    if (std::string(name) != "mom") {
      EXPECT_EQ(got[0][25], 0.0) << name;
      EXPECT_EQ(got[0][26], 0.0) << name;
    }
    for (int p : {1, 5, 10}) EXPECT_LT(worst_error(name, s, {{"period", p}}), 1e-15) << name << p;
  }
  const auto roc = ours("roc", s, {{"period", 3}});
  EXPECT_DOUBLE_EQ(roc[0][40], (s.close[40] / s.close[37] - 1) * 100);
}

TEST(Imi, MatchesTalibIncludingZeroOverZero) {
  Ohlcv s = random_walk(200, 14);
  for (size_t i = 60; i < 90; ++i) s.open[i] = s.close[i];  // no intraday moves: 0/0
  EXPECT_LT(worst_error("imi", s), 1e-13);
  const auto got = ours("imi", s);
  EXPECT_TRUE(std::isnan(got[0][89]));
  expect_stream_matches("imi", s);
  EXPECT_FALSE(spec_of("imi").core);
}

// --- Reformulated recursions: how close they stay to TA-Lib ------------------

// CMO and TRIX run TA-Lib's recursions with a fused multiply-add: each step
// rounds differently by an ulp or so. CMO's (G−L)/(G+L) and TRIX's
// E3/E3[t−1] − 1 cancel, which magnifies that; measured on real data the
// worst case is ~5e-11 (TRIX) and ~3e-11 (CMO), on this long, strongly
// mean-reverting walk 3.7e-10 (TRIX, p = 200). Guard the margin.
TEST(Reformulated, CmoAndTrixStayWellWithinTheParityTolerance) {
  const Ohlcv s = random_walk(20000, 15);
  for (int p : {2, 5, 14, 50, 200}) {
    EXPECT_LT(worst_error("cmo", s, {{"period", p}}), 1e-10) << "cmo p=" << p;
    EXPECT_LT(worst_error("trix", s, {{"period", p}}), 6e-10) << "trix p=" << p;
  }
  for (const char* f : {"GOOG.csv", "orcl-1995-2014.txt"}) {
    const Ohlcv real = shared_series(f);
    for (int p : {5, 30, 100}) {
      EXPECT_LT(worst_error("cmo", real, {{"period", p}}), 1e-10) << f << " cmo p=" << p;
      EXPECT_LT(worst_error("trix", real, {{"period", p}}), 1e-10) << f << " trix p=" << p;
    }
  }
}

TEST(Trix, LookbackIsThreeEmasPlusOne) {
  const auto& spec = spec_of("trix");
  for (int p : {1, 2, 30})
    EXPECT_EQ(spec.lookback(params_of(spec, {{"period", p}})), 3 * (p - 1) + 1);
}

// TA-Lib's TRIX(1) is broken (its EMA lookback rejects period 1: begIndex 0
// and values read past its buffer). Ours is what the definition gives: with
// k = 1 every EMA is the input, so TRIX(1) is ROC(1).
TEST(Trix, PeriodOneIsRocOfOne) {
  const Ohlcv s = random_walk(300, 17);
  const auto trix = ours("trix", s, {{"period", 1}});
  const auto roc = ours("roc", s, {{"period", 1}});
  for (size_t i = 0; i < s.size(); ++i) EXPECT_TRUE(bit_equal(trix[0][i], roc[0][i])) << i;
}

TEST(Cmo, FlatRunsAndNanHolesMatchTalib) {
  Ohlcv s = random_walk(400, 16);
  for (size_t i = 100; i < 200; ++i) s.close[i] = 123.0;
  s.close[300] = std::nan("");
  EXPECT_LT(worst_error("cmo", s), 1e-12);
  expect_stream_matches("cmo", s);
}

}  // namespace
}  // namespace nocode::testing
