// The workflow-backtest report adapter: WorkflowBacktest -> ReportData ->
// HTML, on the SmaCross example (GOOG, SMA 10/30, last trade left open).
#include "report/backtest_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "report/backtest_tables.h"
#include "report/html_report.h"
#include "report/text_format.h"
#include "support/run_command.h"
#include "support/test_data.h"
#include "workflow/compiler.h"

namespace nocode::report {
namespace {

engine::WorkflowBacktest sma_cross() {
  workflow::CompileOptions c;
  c.overrides = {"fast=10", "slow=30"};
  const auto plan =
      workflow::compile_file(testing::source_dir() + "/examples/workflows/sma_cross.json", c);
  engine::NodeCache cache;
  const engine::Engine eng(cache);
  engine::WorkflowBacktestOptions o;
  o.run.data.data_file = testing::shared_data_dir() + "/GOOG.csv";
  auto bt = engine::backtest_plan(eng, plan, o);
  EXPECT_TRUE(bt.is_ok()) << bt.status().to_string();
  return std::move(*bt);
}

TEST(BacktestReport, DataCarriesBarsEquityTradesAndStatistics) {
  const auto bt = sma_cross();
  ASSERT_EQ(bt.result.open_trades.size(), 1u);  // not finalized
  const ReportData d = backtest_report_data(bt, "SMA cross");
  EXPECT_TRUE(validate_report_data(d).is_ok());
  EXPECT_EQ(d.timestamps.size(), 2148u);
  EXPECT_EQ(d.close.size(), d.timestamps.size());
  EXPECT_EQ(d.equity, bt.result.equity);
  ASSERT_EQ(d.trades.size(), bt.result.trades.size() + 1);
  EXPECT_TRUE(d.trades.back().is_open());
  const auto& t0 = bt.result.trades.front();
  EXPECT_EQ(d.trades.front().entry_bar, t0.entry_bar);
  EXPECT_EQ(d.trades.front().pnl, t0.size * (t0.exit_price - t0.entry_price));  // no commission
  EXPECT_DOUBLE_EQ(d.trades.front().return_pct, 100 * (t0.exit_price / t0.entry_price - 1) *
                                                    (t0.size > 0 ? 1 : -1));
  ASSERT_EQ(d.statistics.size(), bt.statistics.items.size());
  EXPECT_EQ(d.statistics.front().first, "Start");
  EXPECT_EQ(d.statistics.front().second, "2004-08-19 00:00:00");
}

TEST(BacktestReport, HtmlIsSelfContainedWithStatisticsAndTradeMarkers) {
  const auto bt = sma_cross();
  const std::string dir = testing::make_temp_dir();
  const std::string path = dir + "/report.html";
  ASSERT_TRUE(write_backtest_report(path, bt, "SMA cross").is_ok());
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string html = ss.str();
  EXPECT_FALSE(std::regex_search(html, std::regex("(src|href)\\s*=\\s*[\"']?https?://")));
  for (const auto& s : bt.statistics.items) EXPECT_NE(html.find(html_escape(s.name)), std::string::npos) << s.name;
  size_t markers = 0;
  for (size_t p = 0; (p = html.find("class=\"entry-", p)) != std::string::npos; ++p) ++markers;
  EXPECT_EQ(markers, bt.result.trades.size() + bt.result.open_trades.size());
  ASSERT_TRUE(write_backtest_chart(dir + "/equity.svg", bt, "SMA cross").is_ok());
  EXPECT_TRUE(std::filesystem::file_size(dir + "/equity.svg") > 100);
  std::filesystem::remove_all(dir);
}

TEST(BacktestReport, StatisticFormatting) {
  using K = backtest::StatValue::Kind;
  EXPECT_EQ(format_statistic({K::kNumber, 51422.98999999996, 0}), "51422.99");
  EXPECT_EQ(format_statistic({K::kNumber, 0.151871234, 0}), "0.151871");
  EXPECT_EQ(format_statistic({K::kNumber, std::nan(""), 0}), "NaN");
  EXPECT_EQ(format_statistic({K::kCount, 66, 0}), "66");
  EXPECT_EQ(format_statistic({K::kDuration, 0, 584 * 86'400'000'000'000LL}), "584 days 00:00:00");
}

}  // namespace
}  // namespace nocode::report
