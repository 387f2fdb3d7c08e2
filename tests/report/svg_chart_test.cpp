// SVG charts: well-formed documents, one marker per trade, bounded size for
// long series, heatmap cells = matrix size, nothing drawn for bad input.
#include "report/svg_chart.h"

#include <gtest/gtest.h>

#include <cmath>

#include "report/report_fixture.h"

namespace nocode::report {
namespace {

using testing::count_of;
using testing::sample_heatmap;
using testing::sample_report;

TEST(SvgChart, EachChartIsOneStandaloneSvg) {
  const ReportData d = sample_report(300, 10);
  for (const std::string& svg :
       {equity_chart_svg(d), drawdown_chart_svg(d), price_chart_svg(d)}) {
    ASSERT_FALSE(svg.empty());
    EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
    EXPECT_EQ(count_of(svg, "<svg"), 1u);
    EXPECT_EQ(count_of(svg, "</svg>"), 1u);
    EXPECT_GE(count_of(svg, "<path"), 1u);
  }
}

TEST(SvgChart, PriceChartMarksEveryTrade) {
  ReportData d = sample_report(400, 12);
  d.trades.back().exit_bar = -1;  // one still open: entry marker, no exit
  size_t longs = 0, shorts = 0, closed = 0;
  for (const ReportTrade& t : d.trades) {
    (t.size > 0 ? longs : shorts) += 1;
    closed += t.exit_bar >= 0;
  }
  const std::string svg = price_chart_svg(d);
  EXPECT_EQ(count_of(svg, "class=\"entry-long\""), longs);
  EXPECT_EQ(count_of(svg, "class=\"entry-short\""), shorts);
  EXPECT_EQ(count_of(svg, "<circle class=\"exit\""), closed);
  EXPECT_EQ(count_of(svg, "class=\"hl-band\""), 1u);
}

TEST(SvgChart, MarkersAreCappedForManyTrades) {
  const ReportData d = sample_report(20'000, 5'000);
  ChartOptions o;
  o.max_trade_markers = 100;
  const std::string svg = price_chart_svg(d, o);
  EXPECT_EQ(count_of(svg, "class=\"entry-long\"") + count_of(svg, "class=\"entry-short\""), 100u);
}

TEST(SvgChart, MillionBarsStaySmall) {
  const ReportData d = sample_report(1'000'000, 0, 60 * kNsPerSecond);  // minute bars
  const std::string svg = equity_chart_svg(d);
  // 2000 points of "L123.4 56.7" each plus the frame: far below 1 MB.
  EXPECT_LT(svg.size(), 200'000u);
  EXPECT_LE(count_of(svg, "L"), 2 * 2000u + 10);  // area + line, <= 2000 points each
}

TEST(SvgChart, TimestampsBeyondTheInt64RangeDoNotHang) {
  ReportData d = sample_report(3, 0);
  d.timestamps = {INT64_MIN, 0, INT64_MAX};
  EXPECT_NE(equity_chart_svg(d).find("</svg>"), std::string::npos);
}

TEST(SvgChart, OneBarAndEmptySeries) {
  ReportData one = sample_report(1, 0);
  EXPECT_NE(equity_chart_svg(one).find("<svg"), std::string::npos);
  EXPECT_NE(price_chart_svg(one).find("<svg"), std::string::npos);
  EXPECT_NE(drawdown_chart_svg(one).find("<svg"), std::string::npos);
  ReportData none;
  EXPECT_EQ(equity_chart_svg(none), "");
  EXPECT_EQ(price_chart_svg(none), "");
  ReportData mismatched = sample_report(10, 0);
  mismatched.equity.pop_back();
  EXPECT_EQ(equity_chart_svg(mismatched), "");  // no crash, nothing drawn
}

TEST(SvgChart, NaNAndFlatSeriesDoNotBreakThePath) {
  ReportData d = sample_report(50, 0);
  for (size_t i = 10; i < 20; ++i) d.equity[i] = std::nan("");
  const std::string gap = equity_chart_svg(d);
  EXPECT_EQ(gap.find("nan"), std::string::npos);
  for (double& e : d.equity) e = 10'000;
  const std::string flat = equity_chart_svg(d);
  EXPECT_EQ(flat.find("nan"), std::string::npos);
  EXPECT_EQ(flat.find("inf"), std::string::npos);
}

TEST(SvgHeatmap, OneCellPerMatrixEntry) {
  const Heatmap h = sample_heatmap(7, 9);
  size_t nan_cells = 0;
  for (const auto& row : h.cells) for (double v : row) nan_cells += std::isnan(v);
  const std::string svg = heatmap_svg(h);
  EXPECT_EQ(count_of(svg, "<rect class=\"cell"), 7u * 9u);
  EXPECT_EQ(count_of(svg, "<rect class=\"cell nan\""), nan_cells);
  EXPECT_EQ(count_of(svg, "class=\"best\""), 1u);
  EXPECT_NE(svg.find(">fast<"), std::string::npos);
  EXPECT_NE(svg.find(">slow<"), std::string::npos);
}

TEST(SvgHeatmap, BestCellFollowsDirection) {
  Heatmap h;
  h.x_name = "a";
  h.y_name = "b";
  h.metric = "Drawdown";
  h.x_values = {1, 2};
  h.y_values = {1};
  h.cells = {{-5, -30}};
  h.higher_is_better = false;
  const std::string svg = heatmap_svg(h);
  // Lower is better: the frame sits on the second column (x = left + cell_w).
  const size_t best = svg.find("class=\"best\" x=\"");
  ASSERT_NE(best, std::string::npos);
  const double x_best = std::stod(svg.substr(best + 16));
  const size_t cell2 = svg.find("<rect class=\"cell\" x=\"", svg.find("<rect class=\"cell\"") + 1);
  EXPECT_NEAR(x_best, std::stod(svg.substr(cell2 + 22)) + 1, 0.11);
}

TEST(SvgHeatmap, LargeGridStaysCompact) {
  const Heatmap h = sample_heatmap(100, 100);
  const std::string svg = heatmap_svg(h);
  EXPECT_EQ(count_of(svg, "<rect class=\"cell"), 100u * 100u);
  EXPECT_EQ(count_of(svg, "<title>"), 0u);  // no tooltips above 2500 cells
  EXPECT_LT(svg.size(), 2'000'000u);
}

TEST(SvgHeatmap, EmptyOrRaggedGivesNothing) {
  EXPECT_EQ(heatmap_svg(Heatmap{}), "");
  Heatmap h = sample_heatmap(2, 2);
  h.cells[1].pop_back();
  EXPECT_EQ(heatmap_svg(h), "");
  Heatmap all_nan = sample_heatmap(2, 2);
  for (auto& row : all_nan.cells) for (double& v : row) v = std::nan("");
  const std::string svg = heatmap_svg(all_nan);
  EXPECT_EQ(count_of(svg, "<rect class=\"cell nan\""), 4u);
  EXPECT_EQ(count_of(svg, "class=\"best\""), 0u);
}

}  // namespace
}  // namespace nocode::report
