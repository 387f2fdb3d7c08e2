// validate_report_data messages and compute_drawdown against a naive loop.
#include "report/report_data.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace nocode::report {
namespace {

ReportData three_bars() {
  ReportData d;
  d.timestamps = {1, 2, 3};
  d.close = {10, 11, 12};
  d.equity = {100, 90, 120};
  return d;
}

TEST(ReportData, ValidDataPasses) {
  EXPECT_TRUE(validate_report_data(three_bars()).is_ok());
  EXPECT_TRUE(validate_report_data(ReportData{}).is_ok());
}

TEST(ReportData, LengthMismatchNamesTheField) {
  ReportData d = three_bars();
  d.equity.pop_back();
  const Status s = validate_report_data(d);
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("equity"), std::string::npos);
  EXPECT_NE(s.message().find("3"), std::string::npos);
}

TEST(ReportData, TradeIndicesAreChecked) {
  ReportData d = three_bars();
  d.trades.push_back({.entry_bar = 0, .exit_bar = 3});
  Status s = validate_report_data(d);
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("trades[0].exit_bar"), std::string::npos);
  d.trades[0] = {.entry_bar = 2, .exit_bar = 1};
  EXPECT_FALSE(validate_report_data(d).is_ok());
  d.trades[0] = {.entry_bar = -1};
  EXPECT_FALSE(validate_report_data(d).is_ok());
  d.trades[0] = {.entry_bar = 2, .exit_bar = -1};  // still open
  EXPECT_TRUE(validate_report_data(d).is_ok());
}

TEST(ReportData, DecreasingTimestampsAndRaggedHeatmapAreRejected) {
  ReportData d = three_bars();
  d.timestamps = {1, 3, 2};
  EXPECT_NE(validate_report_data(d).message().find("timestamps[2]"), std::string::npos);
  d = three_bars();
  d.heatmap = Heatmap{.x_name = "fast", .x_values = {1, 2}, .y_name = "slow",
                      .y_values = {10}, .cells = {{1.0}}, .metric = "Sharpe"};
  EXPECT_NE(validate_report_data(d).message().find("heatmap.cells[0]"), std::string::npos);
}

TEST(ReportData, DrawdownMatchesNaiveDefinition) {
  const std::vector<double> eq = {100, 110, 99, 121, 60.5, 130};
  const auto dd = compute_drawdown(eq);
  ASSERT_EQ(dd.size(), eq.size());
  for (size_t i = 0; i < eq.size(); ++i) {
    double peak = eq[0];
    for (size_t j = 0; j <= i; ++j) peak = std::max(peak, eq[j]);
    EXPECT_DOUBLE_EQ(dd[i], eq[i] / peak - 1) << i;
  }
  EXPECT_DOUBLE_EQ(dd[2], -0.1);   // 99 / 110 - 1
  EXPECT_DOUBLE_EQ(dd[4], -0.5);   // 60.5 / 121 - 1
}

TEST(ReportData, DrawdownSkipsNaNAndNonPositivePeaks) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto dd = compute_drawdown({nan, -5, 10, nan, 5});
  EXPECT_TRUE(std::isnan(dd[0]));
  EXPECT_TRUE(std::isnan(dd[1]));
  EXPECT_DOUBLE_EQ(dd[2], 0.0);
  EXPECT_TRUE(std::isnan(dd[3]));
  EXPECT_DOUBLE_EQ(dd[4], -0.5);
}

TEST(ReportData, GivenDrawdownWins) {
  ReportData d = three_bars();
  d.drawdown = {0, -0.3, 0};
  EXPECT_EQ(drawdown_of(d), d.drawdown);
  d.drawdown.clear();
  EXPECT_EQ(drawdown_of(d), compute_drawdown(d.equity));
}

}  // namespace
}  // namespace nocode::report
