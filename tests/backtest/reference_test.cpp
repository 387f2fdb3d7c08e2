// The reference run: backtesting.py's own test-suite strategy (SMA(10)/SMA(30)
// cross, cash 10,000, no commission, finalize_trades) on GOOG.csv, compared
// with backtesting.py's output in ../shared/reference/backtest (README there):
// equity and every trade bit for bit, statistics within 1e-12 relative,
// timestamps and durations exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backtest/market_data.h"
#include "backtest/rolling_mean.h"
#include "backtest/simulator.h"
#include "backtest/sma_cross.h"
#include "backtest/statistics.h"
#include "backtest/time_format.h"
#include "data/csv_loader.h"
#include "support/test_data.h"

namespace nocode::backtest {
namespace {

std::string reference_dir() { return testing::shared_data_dir() + "/../reference/backtest"; }
const char* kPrefix = "/backtestingpy_testsuite_sma10_30_nocomm_";

// Rows of a CSV without quoted cells in data rows (the header is skipped).
// Data rows of a CSV (header dropped); the file must exist.
std::vector<std::vector<std::string>> read_rows(const std::string& path) {
  EXPECT_TRUE(std::ifstream(path).good()) << path;
  return testing::read_csv_cells(path);
}

double num(const std::string& s) { return s.empty() ? std::nan("") : std::strtod(s.c_str(), nullptr); }

// pandas prints whole-day durations as "22 days" in CSV.
std::string csv_duration(int64_t ns) {
  std::string s = format_pandas_timedelta(ns);
  const std::string zero = " 00:00:00";
  if (s.size() > zero.size() && s.compare(s.size() - zero.size(), zero.size(), zero) == 0)
    s.resize(s.size() - zero.size());
  return s;
}

class ReferenceRun : public ::testing::Test {
 protected:
  void SetUp() override {
    auto frame = load_csv(testing::shared_data_dir() + "/GOOG.csv");
    ASSERT_TRUE(frame.is_ok()) << frame.status().to_string();
    frame_ = std::move(*frame);
    auto data = MarketData::from_frame(frame_);
    ASSERT_TRUE(data.is_ok()) << data.status().to_string();
    data_ = *data;
    strategy_ = std::make_unique<SmaCrossStrategy>(frame_.close(), 10, 30);
    BacktestOptions options;
    options.cash = 10000;
    options.finalize_trades = true;
    auto result = run_backtest(data_, *strategy_, options);
    ASSERT_TRUE(result.is_ok()) << result.status().to_string();
    result_ = std::move(*result);
  }
  Frame frame_;
  MarketData data_;
  std::unique_ptr<SmaCrossStrategy> strategy_;
  BacktestResult result_;
};

TEST_F(ReferenceRun, EquityCurveIsBitIdentical) {
  const auto rows = read_rows(reference_dir() + kPrefix + "equity.csv");
  ASSERT_EQ(rows.size(), result_.equity.size());
  const DrawdownCurve dd = compute_drawdowns(result_.equity, data_.timestamps);
  for (size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i][0], format_pandas_timestamp(data_.timestamps[i]).substr(0, 10)) << i;
    EXPECT_EQ(num(rows[i][1]), result_.equity[i]) << "bar " << i;
    EXPECT_EQ(num(rows[i][2]), dd.drawdown[i]) << "bar " << i;
    const std::string want = rows[i].size() > 3 ? rows[i][3] : "";
    EXPECT_EQ(want, dd.duration_ns[i] == kNaT ? "" : csv_duration(dd.duration_ns[i])) << i;
  }
}

TEST_F(ReferenceRun, EveryTradeIsBitIdentical) {
  const auto rows = read_rows(reference_dir() + kPrefix + "trades.csv");
  ASSERT_EQ(rows.size(), result_.trades.size());
  EXPECT_TRUE(result_.open_trades.empty());
  // The SMA columns check the pandas-exact rolling mean bit for bit too.
  const auto fast = rolling_mean(frame_.close(), 10);
  const auto slow = rolling_mean(frame_.close(), 30);
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const Trade& t = result_.trades[i];
    SCOPED_TRACE("trade " + std::to_string(i));
    EXPECT_EQ(num(r[0]), t.size);
    EXPECT_EQ(num(r[1]), t.entry_bar);
    EXPECT_EQ(num(r[2]), t.exit_bar);
    EXPECT_EQ(num(r[3]), t.entry_price);
    EXPECT_EQ(num(r[4]), t.exit_price);
    EXPECT_TRUE(r[5].empty() && std::isnan(t.sl));
    EXPECT_TRUE(r[6].empty() && std::isnan(t.tp));
    EXPECT_EQ(num(r[7]), t.pnl());
    EXPECT_EQ(num(r[8]), t.commissions);
    EXPECT_EQ(num(r[9]), t.return_pct());
    EXPECT_EQ(r[10], format_pandas_timestamp(data_.timestamps[t.entry_bar]).substr(0, 10));
    EXPECT_EQ(r[11], format_pandas_timestamp(data_.timestamps[t.exit_bar]).substr(0, 10));
    EXPECT_EQ(r[12], csv_duration(data_.timestamps[t.exit_bar] - data_.timestamps[t.entry_bar]));
    EXPECT_EQ(num(r[14]), fast[t.entry_bar]);
    EXPECT_EQ(num(r[15]), fast[t.exit_bar]);
    EXPECT_EQ(num(r[16]), slow[t.entry_bar]);
    EXPECT_EQ(num(r[17]), slow[t.exit_bar]);
  }
}

TEST_F(ReferenceRun, StatisticsMatch) {
  std::ifstream in(reference_dir() + kPrefix + "stats.json");
  const nlohmann::ordered_json want = nlohmann::ordered_json::parse(in)["stats"];
  const Statistics stats = compute_statistics(data_, result_);
  const auto got = stats.to_json();
  ASSERT_EQ(got.size(), want.size());
  for (auto it = got.begin(); it != got.end(); ++it) {
    SCOPED_TRACE(it.key());
    ASSERT_TRUE(want.contains(it.key()));
    const auto& w = want[it.key()];
    if (w.is_string() || w.is_number_integer()) {
      EXPECT_EQ(w, it.value());
    } else {
      const double a = it.value().get<double>(), b = w.get<double>();
      EXPECT_LE(std::fabs(a - b), 1e-12 * std::fabs(b)) << a << " vs " << b;
    }
  }
  // Same names in the same order as backtesting.py.
  std::vector<std::string> want_keys, got_keys;
  for (auto it = want.begin(); it != want.end(); ++it) want_keys.push_back(it.key());
  for (const Statistic& s : stats.items) got_keys.push_back(s.name);
  EXPECT_EQ(want_keys, got_keys);
}

}  // namespace
}  // namespace nocode::backtest
