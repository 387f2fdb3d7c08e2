// Analysis nodes: multi-timeframe resampling without look-ahead, rolling
// correlation of two sources, market regime on constructed series,
// sentiment's error.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/plan_builder.h"

namespace nocode::engine::testing {
namespace {

namespace fs = std::filesystem;

// Hourly bars from 2020-01-06 00:00 (a Monday): close = i, high = i + 1,
// low = i - 0.5, open = i - 0.25, volume = 10.
std::string write_hourly(const std::string& path, size_t n) {
  std::ofstream out(path);
  out << "timestamp,open,high,low,close,volume\n";
  for (size_t i = 0; i < n; ++i) {
    char ts[40];
    std::snprintf(ts, sizeof ts, "2020-01-%02zu %02zu:00:00", 6 + i / 24, i % 24);
    const double c = 100 + static_cast<double>(i);
    out << ts << "," << c - 0.25 << "," << c + 1 << "," << c - 0.5 << "," << c << ",10\n";
  }
  return path;
}

class AnalysisTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = nocode::testing::make_temp_dir(); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_;
};

Plan mtf_plan(const std::string& tf) {
  PlanBuilder b;
  const size_t d = b.data("data-1");
  b.generic("mtf", "multiTimeframeAnalysis", StepKind::kAnalysis, {{"timeframes", {tf}}},
            {b.bind("data-input", d, "data-output")}, {{"output", "mtf", DataType::kOhlcv}});
  return b.plan;
}

TEST_F(AnalysisTest, MultiTimeframeUsesOnlyCompletedDays) {
  const std::string csv = write_hourly(dir_ + "/h.csv", 72);
  auto r = run_on(mtf_plan("1D"), csv);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  const auto close = column(r->features, "mtf.close"), high = column(r->features, "mtf.high");
  const auto open = column(r->features, "mtf.open"), vol = column(r->features, "mtf.volume");
  for (size_t t = 0; t < 72; ++t) {
    const size_t day = t / 24;
    if (day == 0) {
      EXPECT_TRUE(std::isnan(close[t])) << t;  // no completed day yet
      continue;
    }
    // The previous day: hours 24(day-1) .. 24day-1.
    EXPECT_EQ(close[t], 100 + 24.0 * day - 1) << t;
    EXPECT_EQ(high[t], 100 + 24.0 * day - 1 + 1) << t;
    EXPECT_EQ(open[t], 100 + 24.0 * (day - 1) - 0.25) << t;
    EXPECT_EQ(vol[t], 240) << t;
  }
}

TEST_F(AnalysisTest, MultiTimeframeDoesNotLookAhead) {
  const std::string full = write_hourly(dir_ + "/full.csv", 60);
  const std::string part = write_hourly(dir_ + "/part.csv", 37);
  auto a = run_on(mtf_plan("4h"), full);
  auto b = run_on(mtf_plan("4h"), part);
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  const auto ca = column(a->features, "mtf.close"), cb = column(b->features, "mtf.close");
  for (size_t t = 0; t < cb.size(); ++t) {
    if (std::isnan(cb[t])) {
      EXPECT_TRUE(std::isnan(ca[t]));
    } else {
      EXPECT_EQ(ca[t], cb[t]) << t;
    }
  }
  // 4h buckets: at hour 5 the completed bucket is hours 0..3 (close 103).
  EXPECT_EQ(ca[5], 103);
  EXPECT_TRUE(std::isnan(ca[3]));
}

TEST_F(AnalysisTest, MultiTimeframeRejectsUnknownTimeframe) {
  const std::string csv = write_hourly(dir_ + "/h.csv", 10);
  auto r = run_on(mtf_plan("fortnight"), csv);
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("mtf"), std::string::npos);
}

TEST_F(AnalysisTest, CorrelationOfTwoSources) {
  fs::create_directories(dir_ + "/d");
  std::vector<double> x, y, z;
  for (int i = 0; i < 40; ++i) {
    x.push_back(50 + 10 * std::sin(i * 0.7) + i * 0.1);
    y.push_back(2 * x.back() + 1);
    z.push_back(200 - x.back());
  }
  write_bars(dir_ + "/d/AAA.csv", x);
  write_bars(dir_ + "/d/BBB.csv", y);
  write_bars(dir_ + "/d/CCC.csv", z);
  PlanBuilder b;
  const size_t a = b.data("a", {{"symbol", "AAA"}, {"timeframe", "1d"}});
  const size_t bb = b.data("b", {{"symbol", "BBB"}, {"timeframe", "1d"}});
  const size_t c = b.data("c", {{"symbol", "CCC"}, {"timeframe", "1d"}});
  for (auto [id, other] : {std::pair<std::string, size_t>{"ab", bb}, {"ac", c}}) {
    b.generic(id, "correlationAnalysis", StepKind::kAnalysis, {{"window", 10}},
              {b.bind("data-input-1", a, "data-output"), b.bind("data-input-2", other, "data-output")},
              {{"output", id, DataType::kNumeric}});
  }
  NodeCache cache;
  RunOptions o;
  o.data.data_dir = dir_ + "/d";
  auto r = Engine(cache).run(b.plan, o);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  const auto ab = column(r->features, "ab"), ac = column(r->features, "ac");
  for (size_t t = 0; t < 9; ++t) EXPECT_TRUE(std::isnan(ab[t]));
  for (size_t t = 9; t < 40; ++t) {
    EXPECT_NEAR(ab[t], 1.0, 1e-9) << t;   // y = 2x + 1
    EXPECT_NEAR(ac[t], -1.0, 1e-9) << t;  // z = 200 - x
  }
  EXPECT_EQ(r->notes.size(), 3u);  // bare SYMBOL.csv files: timeframe not checked
}

Plan regime_plan() {
  PlanBuilder b;
  const size_t d = b.data("data-1", {{"bars", 50000}});
  b.generic("regime", "marketRegimeDetection", StepKind::kAnalysis,
            {{"trendWindow", 20}, {"volatilityWindow", 10}, {"volatilityMultiplier", 1.5},
             {"trendThreshold", 0.0}},
            {b.bind("data-input", d, "data-output")},
            {{"trend-output", "regime.trend", DataType::kSignal},
             {"sideways-output", "regime.sideways", DataType::kSignal},
             {"volatile-output", "regime.volatile", DataType::kSignal}});
  return b.plan;
}

TEST_F(AnalysisTest, RegimeOfALinearTrendAFlatLineAndAShock) {
  // Warm-up: sma needs 20 bars, vol 10 returns, its average 20 vols -> bar 29.
  std::vector<double> up, flat, shock;
  for (int i = 0; i < 80; ++i) {
    up.push_back(100 + i);
    flat.push_back(100);
    shock.push_back(i == 60 ? 130 : 100 + i);
  }
  auto ru = run_on(regime_plan(), write_bars(dir_ + "/up.csv", up));
  auto rf = run_on(regime_plan(), write_bars(dir_ + "/flat.csv", flat));
  auto rs = run_on(regime_plan(), write_bars(dir_ + "/shock.csv", shock));
  ASSERT_TRUE(ru.is_ok() && rf.is_ok() && rs.is_ok()) << ru.status().message();
  const auto trend = column(ru->signals, "regime.trend");
  const auto side = column(rf->signals, "regime.sideways");
  for (size_t t = 0; t < 29; ++t) EXPECT_EQ(trend[t] + side[t], 0) << "warm-up bar " << t;
  for (size_t t = 29; t < 80; ++t) {
    EXPECT_EQ(trend[t], 1) << t;
    EXPECT_EQ(side[t], 1) << t;
  }
  EXPECT_EQ(column(rs->signals, "regime.volatile")[60], 1);
  EXPECT_EQ(column(rs->signals, "regime.trend")[60], 0);
  EXPECT_EQ(column(rs->signals, "regime.volatile")[50], 0);
}

TEST_F(AnalysisTest, SentimentNeedsDataNocodeDoesNotHave) {
  PlanBuilder b;
  const size_t d = b.data("data-1");
  b.generic("sent", "sentimentAnalysis", StepKind::kAnalysis, {},
            {b.bind("data-input", d, "data-output")},
            {{"positive-output", "sent.positive", DataType::kSignal}});
  auto r = run_on(b.plan, write_bars(dir_ + "/x.csv", {1, 2, 3}));
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("sentiment"), std::string::npos);
  EXPECT_NE(r.status().message().find("sent"), std::string::npos);
}

}  // namespace
}  // namespace nocode::engine::testing
