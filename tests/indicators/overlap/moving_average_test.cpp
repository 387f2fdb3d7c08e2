// Conventions of the moving-average dispatcher (moving_average.h) and the
// single-series MAs, checked against textbook formulas computed here.
#include "indicators/overlap/moving_average.h"

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

const MaType kAllTypes[] = {MaType::kSma,   MaType::kEma,  MaType::kWma,
                            MaType::kDema,  MaType::kTema, MaType::kTrima,
                            MaType::kKama,  MaType::kMama, MaType::kT3};

TEST(MovingAverage, PeriodOneCopiesInputForEveryType) {
  const auto x = random_walk(50, 1);
  for (MaType t : kAllTypes) {
    EXPECT_EQ(ma_lookback(t, 1), 0) << int(t);
    std::vector<double> y(x.size());
    ma_batch(t, 1, x.data(), x.size(), y.data());
    EXPECT_EQ(y, x) << int(t);
    MaStream s(t, 1);
    double v = 0;
    ASSERT_TRUE(s.step(x[0], &v)) << int(t);
    EXPECT_EQ(v, x[0]);
  }
}

TEST(MovingAverage, StreamMatchesBatchAndLookbackForEveryType) {
  const auto x = random_walk(400, 2);
  for (MaType t : kAllTypes) {
    for (int period : {2, 5, 14}) {
      std::vector<double> y(x.size());
      ma_batch(t, period, x.data(), x.size(), y.data());
      const size_t lb = size_t(ma_lookback(t, period));
      MaStream s(t, period);
      for (size_t i = 0; i < x.size(); ++i) {
        double v = NAN;
        const bool ready = s.step(x[i], &v);
        ASSERT_EQ(ready, i >= lb) << int(t) << " p=" << period << " row " << i;
        if (ready) {
          ASSERT_EQ(v, y[i]) << int(t) << " p=" << period << " row " << i;
        } else {
          ASSERT_TRUE(std::isnan(y[i])) << int(t) << " p=" << period << " row " << i;
        }
      }
      // A copy continues identically; reset replays from scratch.
      MaStream copy = s;
      double a = 0, b = 0;
      s.step(101.5, &a);
      copy.step(101.5, &b);
      EXPECT_EQ(a, b);
      s.reset();
      double v = 0;
      for (size_t i = 0; i <= lb; ++i) EXPECT_EQ(s.step(x[i], &v), i == lb);
      EXPECT_EQ(v, y[lb]);
    }
  }
}

TEST(MovingAverage, LookbacksFollowTalib) {
  EXPECT_EQ(ma_lookback(MaType::kSma, 30), 29);
  EXPECT_EQ(ma_lookback(MaType::kEma, 30), 29);
  EXPECT_EQ(ma_lookback(MaType::kDema, 30), 58);
  EXPECT_EQ(ma_lookback(MaType::kTema, 30), 87);
  EXPECT_EQ(ma_lookback(MaType::kKama, 30), 30);
  EXPECT_EQ(ma_lookback(MaType::kT3, 5), 24);
  EXPECT_EQ(ma_lookback(MaType::kMama, 30), 32);  // MAMA ignores the period
}

TEST(MovingAverage, EmaIsSeededWithTheSimpleMean) {
  const auto x = random_walk(40, 3);
  const int p = 10;
  std::vector<double> y(x.size());
  ma_batch(MaType::kEma, p, x.data(), x.size(), y.data());
  double mean = 0;
  for (int i = 0; i < p; ++i) mean += x[i];
  mean /= p;
  EXPECT_TRUE(std::isnan(y[p - 2]));
  EXPECT_NEAR(y[p - 1], mean, 1e-12);
  const double k = 2.0 / (p + 1);
  EXPECT_NEAR(y[p], mean + k * (x[p] - mean), 1e-12);
}

TEST(MovingAverage, WmaAndTrimaMatchTheirWeightedMeans) {
  const auto x = random_walk(120, 4);
  for (int p : {2, 5, 6, 9, 10}) {
    std::vector<double> wma(x.size()), trima(x.size());
    ma_batch(MaType::kWma, p, x.data(), x.size(), wma.data());
    ma_batch(MaType::kTrima, p, x.data(), x.size(), trima.data());
    // TRIMA = SMA(SMA(x, a), b) with a = ceil(p/2), b = floor(p/2)+1.
    const int a = (p + 1) / 2, b = p / 2 + 1;
    for (size_t t = size_t(p - 1); t < x.size(); ++t) {
      double num = 0, den = 0;
      for (int j = 0; j < p; ++j) {
        num += (j + 1) * x[t - size_t(p - 1) + size_t(j)];
        den += j + 1;
      }
      EXPECT_NEAR(wma[t], num / den, 1e-9) << "p=" << p << " t=" << t;
      double outer = 0;
      for (int i = 0; i < b; ++i) {
        double inner = 0;
        for (int j = 0; j < a; ++j) inner += x[t - size_t(i) - size_t(j)];
        outer += inner / a;
      }
      EXPECT_NEAR(trima[t], outer / b, 1e-9) << "p=" << p << " t=" << t;
    }
  }
}

TEST(MovingAverage, KamaSeedAndFirstValue) {
  const auto x = random_walk(60, 5);
  const int p = 10;
  std::vector<double> y(x.size());
  ma_batch(MaType::kKama, p, x.data(), x.size(), y.data());
  EXPECT_TRUE(std::isnan(y[p - 1]));  // first value at row p, not p-1
  double volatility = 0;
  for (int i = 0; i < p; ++i) volatility += std::fabs(x[i + 1] - x[i]);
  const double change = x[p] - x[0];
  const double er = volatility <= change ? 1.0 : std::fabs(change / volatility);
  const double sc = std::pow(er * (2.0 / 3 - 2.0 / 31) + 2.0 / 31, 2);
  EXPECT_NEAR(y[p], x[p - 1] + sc * (x[p] - x[p - 1]), 1e-12);
}

TEST(MovingAverage, ParamRangesFollowTalib) {
  const Registry& r = builtin_registry();
  for (const char* name : {"sma", "ema", "wma", "dema", "tema", "trima", "kama", "t3"}) {
    auto bad = resolve_params(*r.find(name), {{"period", 1}});
    ASSERT_FALSE(bad.is_ok()) << name;
    EXPECT_NE(bad.status().message().find("[2, 100000]"), std::string::npos)
        << bad.status().message();
  }
  // MA accepts period 1 (a copy) and MA types by name.
  EXPECT_TRUE(resolve_params(*r.find("ma"), {{"period", 1}}).is_ok());
  auto named = resolve_params_text(*r.find("ma"), {{"ma_type", "kama"}, {"timeperiod", "7"}});
  ASSERT_TRUE(named.is_ok()) << named.status().message();
  EXPECT_EQ(named->integer(1), int(MaType::kKama));
  EXPECT_EQ(named->integer(0), 7);
  EXPECT_FALSE(resolve_params(*r.find("t3"), {{"vfactor", 1.5}}).is_ok());
}

}  // namespace
}  // namespace nocode::indicators
