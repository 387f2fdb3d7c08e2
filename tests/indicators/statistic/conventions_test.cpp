// Conventions of the statistic functions (VAR, STDDEV, CORREL, BETA and the
// least-squares family), each checked against TA-Lib itself (tests/oracle) on
// series built to exercise them: flat windows, zero prices, spikes, NaN holes,
// tiny prices and a long random walk for the O(1) sliding regression sums.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "indicators/registry.h"
#include "support/param_sets.h"
#include "support/talib_oracle.h"
#include "support/test_data.h"

namespace nocode::testing {
namespace {

using indicators::IndicatorSpec;
using indicators::InputKind;

const IndicatorSpec& spec(const std::string& name) {
  const IndicatorSpec* s = indicators::builtin_registry().find(name);
  if (!s) throw std::runtime_error("not registered: " + name);
  return *s;
}

std::vector<std::vector<double>> ours(const std::string& name, const Ohlcv& s,
                                      const std::vector<std::pair<std::string, double>>& given) {
  const IndicatorSpec& sp = spec(name);
  auto params = indicators::resolve_params(sp, given);
  if (!params.is_ok()) throw std::runtime_error(params.status().to_string());
  std::vector<const double*> in;
  for (InputKind k : sp.inputs) in.push_back(k == InputKind::kReal1 ? s.open.data() : s.close.data());
  return indicators::compute(sp, params.value(), in, s.size());
}

// open = previous close (so BETA/CORREL's second series is the lagged close).
Ohlcv from_close(const std::string& name, const std::vector<double>& c) {
  Ohlcv s;
  s.name = name;
  for (size_t i = 0; i < c.size(); ++i) {
    const double o = i ? c[i - 1] : c[i];
    s.open.push_back(o);
    s.close.push_back(c[i]);
    s.high.push_back(std::max(o, c[i]));
    s.low.push_back(std::min(o, c[i]));
    s.volume.push_back(1000);
  }
  return s;
}

Ohlcv scaled(const Ohlcv& s, double k, const std::string& name) {
  Ohlcv r = s;
  r.name = name;
  for (auto* v : {&r.open, &r.high, &r.low, &r.close})
    for (double& x : *v) x *= k;
  return r;
}

// Compares ours and TA-Lib's output 0 the way the generic parity test does.
void expect_parity(const std::string& name, const Ohlcv& s, int period) {
  const auto ref = run_talib(s, {{spec(name).talib_name, {{"optInTimePeriod", period}}}});
  ASSERT_TRUE(ref[0].error.empty()) << ref[0].error;
  const auto got = ours(name, s, {{"period", period}});
  double sumsq = 0;
  size_t count = 0;
  for (double v : ref[0].outputs[0])
    if (std::isfinite(v)) sumsq += v * v, ++count;
  const double floor = count ? 1e-3 * std::sqrt(sumsq / double(count)) : 0.0;
  size_t bad = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (close_enough(got[0][i], ref[0].outputs[0][i], floor)) continue;
    if (++bad <= 3)
      ADD_FAILURE() << name << "(" << period << ") on " << s.name << " row " << i << ": ours "
                    << got[0][i] << ", TA-Lib " << ref[0].outputs[0][i];
  }
  EXPECT_EQ(bad, 0u) << name << "(" << period << ") on " << s.name;
}

// A series whose flat windows leave non-zero residues in E[x²] − E[x]².
Ohlcv flat_residue_series() {
  std::vector<double> c;
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(90, 110);
  for (int block = 0; block < 12; ++block) {
    for (int i = 0; i < 15; ++i) c.push_back(u(rng));
    const double level = 100.0 / 3.0 + block * 0.1;
    for (int i = 0; i < 25; ++i) c.push_back(level);
  }
  return from_close("flat_residues", c);
}

TEST(Var, IgnoresNbdev) {
  const Ohlcv s = random_walk(500, 11);
  const auto a = ours("var", s, {{"period", 9}, {"nbdev", 1}});
  const auto b = ours("var", s, {{"period", 9}, {"nbdev", 3.5}});
  for (size_t i = 0; i < s.size(); ++i)
    EXPECT_EQ(std::memcmp(&a[0][i], &b[0][i], sizeof(double)), 0) << "row " << i;
}

TEST(Var, FlatWindowResiduesFollowTalib) {
  const Ohlcv s = flat_residue_series();
  for (int period : {5, 10}) {
    const auto ref = run_talib(s, {{"VAR", {{"optInTimePeriod", period}, {"optInNbDev", 1}}}});
    const auto got = ours("var", s, {{"period", period}});
    size_t negative = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const double r = ref[0].outputs[0][i], v = got[0][i];
      if (std::isnan(r)) {
        EXPECT_TRUE(std::isnan(v)) << "row " << i;
        continue;
      }
      // Same running sums in the same order: the residues are TA-Lib's.
      EXPECT_LE(std::fabs(v - r), 1e-12 * std::fabs(r) + 1e-300) << "period " << period << " row " << i;
      if (r < 0) {
        ++negative;
        EXPECT_LT(v, 0) << "row " << i;
      }
    }
    EXPECT_GT(negative, 0u) << "the series should produce negative VAR residues";
  }
}

TEST(Stddev, ClampsTinyAndNegativeVarianceToZero) {
  const Ohlcv s = flat_residue_series();
  const auto var = ours("var", s, {{"period", 10}});
  const auto sd = ours("stddev", s, {{"period", 10}, {"nbdev", 2}});
  const auto ref = run_talib(s, {{"STDDEV", {{"optInTimePeriod", 10}, {"optInNbDev", 2}}}});
  size_t clamped = 0;
  for (size_t i = 9; i < s.size(); ++i) {
    if (var[0][i] < 1e-14) {
      ++clamped;
      EXPECT_EQ(sd[0][i], 0.0) << "row " << i;
      EXPECT_EQ(ref[0].outputs[0][i], 0.0) << "row " << i;
    } else {
      EXPECT_EQ(sd[0][i], std::sqrt(var[0][i]) * 2) << "row " << i;
    }
  }
  EXPECT_GT(clamped, 0u);
}

TEST(Correl, ZeroVarianceGivesZero) {
  // real0 (close) flat for long stretches, real1 (open) = lagged close.
  std::vector<double> c;
  for (int i = 0; i < 40; ++i) c.push_back(100 + std::sin(i * 0.7));
  for (int i = 0; i < 60; ++i) c.push_back(42.5);
  for (int i = 0; i < 40; ++i) c.push_back(100 + std::cos(i * 0.3));
  const Ohlcv s = from_close("flat_correl", c);
  const auto got = ours("correl", s, {{"period", 10}});
  const auto ref = run_talib(s, {{"CORREL", {{"optInTimePeriod", 10}}}});
  for (size_t i = 51; i < 100; ++i) {
    EXPECT_EQ(got[0][i], 0.0) << "row " << i;
    EXPECT_EQ(ref[0].outputs[0][i], 0.0) << "row " << i;
  }
  expect_parity("correl", s, 10);
  expect_parity("correl", s, 1);
}

TEST(Beta, ZeroPricesGiveZeroReturns) {
  std::vector<double> c;
  for (int i = 0; i < 120; ++i) c.push_back(i % 17 == 5 ? 0.0 : 50 + 10 * std::sin(i * 0.37));
  const Ohlcv s = from_close("zero_prices", c);
  for (int period : {1, 5, 12}) expect_parity("beta", s, period);
}

// The sliding ΣY/ΣxY of the least-squares family against TA-Lib's per-bar
// recomputation on long and adversarial series.
TEST(LinearRegression, SlidingSumsMatchTalib) {
  const Ohlcv walk = random_walk(30000, 17);
  std::vector<Ohlcv> series = {walk, scaled(walk, 1e-7, "tiny_walk"), scaled(walk, 1e6, "huge_walk")};
  {
    std::vector<double> c = walk.close;
    c.resize(3000);
    for (size_t i = 500; i < 3000; i += 397) c[i] = 1e7;  // spikes entering and leaving
    for (size_t i = 1000; i < 1040; ++i) c[i] = 123.25;    // a flat run
    for (size_t i = 2000; i < 2003; ++i) c[i] = std::nan("");
    series.push_back(from_close("spikes_flat_nan", c));
  }
  {
    std::vector<double> c;  // oscillating around zero: ΣY ≈ 0
    for (int i = 0; i < 5000; ++i) c.push_back(std::sin(i * 0.05) + 1e-3 * (i % 7));
    series.push_back(from_close("around_zero", c));
  }
  for (const Ohlcv& s : series)
    for (const char* name : {"linearreg", "linearreg_slope", "linearreg_intercept", "tsf"})
      for (int period : {2, 14, 33, 200}) expect_parity(name, s, period);
  // ANGLE = atan(slope) is not scale-free: where a slope is tiny against the
  // price level (huge prices, a 1e5× spike inside the window) TA-Lib's own
  // per-bar sums lose more than 9 digits of the slope and atan's curvature
  // keeps that error out of the slope's floor, so only well-conditioned series
  // can be compared at 1e-9.
  for (size_t k : {0, 1, 4})
    for (int period : {2, 14, 33, 200}) expect_parity("linearreg_angle", series[k], period);
}

// The batch kernel tests a whole block at once and replays it bar by bar when
// a spike, NaN or inf shows up; the stream tests every bar. Bit for bit equal.
TEST(LinearRegression, SpikesAndNaNStreamEqualsBatch) {
  std::vector<double> c = random_walk(5000, 41).close;
  for (size_t i = 300; i < c.size(); i += 611) c[i] = 5e8;
  for (size_t i = 2500; i < 2503; ++i) c[i] = std::nan("");
  c[4000] = HUGE_VAL;
  const Ohlcv s = from_close("spikes", c);
  for (const char* name : {"linearreg", "linearreg_slope", "linearreg_angle", "linearreg_intercept", "tsf"})
    for (int period : {2, 14, 100}) {
      const IndicatorSpec& sp = spec(name);
      auto params = indicators::resolve_params(sp, {{"period", period}});
      const auto batch = ours(name, s, {{"period", period}});
      auto st = sp.stream(params.value());
      for (size_t i = 0; i < s.size(); ++i) {
        const double bar[1] = {s.close[i]};
        st->update(bar);
        const double v = st->value(0);
        ASSERT_TRUE((std::isnan(v) && std::isnan(batch[0][i])) ||
                    std::memcmp(&v, &batch[0][i], sizeof v) == 0)
            << name << "(" << period << ") row " << i << ": stream " << v << ", batch " << batch[0][i];
      }
    }
}

TEST(LinearRegression, FamilyIsConsistent) {
  const Ohlcv s = random_walk(2000, 23);
  const auto reg = ours("linearreg", s, {{"period", 14}});
  const auto tsf = ours("tsf", s, {{"period", 14}});
  const auto slope = ours("linearreg_slope", s, {{"period", 14}});
  const auto icpt = ours("linearreg_intercept", s, {{"period", 14}});
  const auto angle = ours("lsma", s, {{"period", 14}});  // alias of linearreg
  for (size_t i = 13; i < s.size(); ++i) {
    EXPECT_NEAR(tsf[0][i] - reg[0][i], slope[0][i], 1e-9 * s.close[i]);
    EXPECT_NEAR(icpt[0][i] + 13 * slope[0][i], reg[0][i], 1e-9 * s.close[i]);
    EXPECT_EQ(angle[0][i], reg[0][i]);
  }
}

TEST(LinearRegression, AngleMatchesTalibOnSteepAndFlatSlopes) {
  // Saw teeth whose slope runs from 0.01 to 100 per bar, both signs: every
  // interval of the arc tangent's argument reduction (|m| < 0.66, < 2.414,
  // beyond) with the price level kept moderate.
  std::vector<double> c;
  for (int i = 0; i < 3000; ++i) {
    const double a = std::pow(10.0, (i / 50) % 5 - 2.0) * ((i / 250) % 2 ? -1 : 1);
    c.push_back(1000 + a * (i % 50) + 0.01 * std::sin(i));
  }
  const Ohlcv s = from_close("steep", c);
  for (int period : {2, 14}) expect_parity("linearreg_angle", s, period);
}

TEST(Avgdev, MatchesTalib) {
  for (int period : {2, 14, 40}) expect_parity("avgdev", random_walk(3000, 29), period);
}

}  // namespace
}  // namespace nocode::testing
