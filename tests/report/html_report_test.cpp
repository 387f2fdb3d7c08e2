// The HTML page: every statistic and the trade count appear, one <svg> per
// chart, no network references, caller text escaped, degenerate inputs
// render, the trades table is cut for long lists, and write_report is atomic.
#include "report/html_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "report/report_fixture.h"

namespace nocode::report {
namespace {

using testing::count_of;
using testing::sample_heatmap;
using testing::sample_report;

std::string render(const ReportData& d, const HtmlOptions& o = {}) {
  Result<std::string> html = render_html_report(d, o);
  EXPECT_TRUE(html.is_ok()) << html.status().to_string();
  return html.is_ok() ? *html : std::string();
}

TEST(HtmlReport, ContainsEveryStatisticAndTheTradeCount) {
  const ReportData d = sample_report(500, 17);
  const std::string html = render(d);
  for (const auto& [name, value] : d.statistics) {
    EXPECT_NE(html.find("<td class=\"name\">" + html_escape(name) + "</td><td class=\"value\">" +
                        html_escape(value) + "</td>"),
              std::string::npos)
        << name;
  }
  EXPECT_NE(html.find("Trades <span class=\"count\">(17)</span>"), std::string::npos);
  EXPECT_NE(html.find("17 trades"), std::string::npos);
  EXPECT_EQ(count_of(html, "<tr><td>"), 17u);  // one body row per trade
}

TEST(HtmlReport, OneSvgPerChart) {
  ReportData d = sample_report(300, 5);
  EXPECT_EQ(count_of(render(d), "<svg"), 3u);  // equity, drawdown, price
  d.heatmap = sample_heatmap(4, 5);
  const std::string html = render(d);
  EXPECT_EQ(count_of(html, "<svg"), 4u);
  EXPECT_EQ(count_of(html, "<rect class=\"cell"), 4u * 5u);
}

TEST(HtmlReport, NoNetworkReferences) {
  ReportData d = sample_report(300, 5);
  d.heatmap = sample_heatmap(3, 3);
  std::string html = render(d);
  // The only URL allowed is the SVG namespace name, which is never fetched.
  html = std::regex_replace(html, std::regex("xmlns=\"http://www\\.w3\\.org/2000/svg\""), "");
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("//cdn"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
}

TEST(HtmlReport, EscapesCallerText) {
  ReportData d = sample_report(50, 2);
  d.title = "<script>alert(1)</script> & co";
  d.statistics.push_back({"<b>Bold</b>", "\"quoted\" <i>"});
  d.notes = {"<img src=x onerror=alert(1)>"};
  d.heatmap = sample_heatmap(2, 2);
  d.heatmap->metric = "<svg onload=x>";
  const std::string html = render(d);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<svg onload"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;Bold&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("&quot;quoted&quot; &lt;i&gt;"), std::string::npos);
}

TEST(HtmlReport, DegenerateInputsRender) {
  const std::string empty = render(ReportData{});
  EXPECT_NE(empty.find("</html>"), std::string::npos);
  EXPECT_EQ(count_of(empty, "<svg"), 0u);

  const ReportData one = sample_report(1, 0);
  const std::string html = render(one);
  EXPECT_EQ(count_of(html, "<svg"), 3u);
  EXPECT_NE(html.find("Trades <span class=\"count\">(0)</span>"), std::string::npos);
  EXPECT_NE(html.find("No trades."), std::string::npos);

  ReportData heat_only;
  heat_only.heatmap = sample_heatmap(3, 4);
  EXPECT_EQ(count_of(render(heat_only), "<rect class=\"cell"), 12u);
}

TEST(HtmlReport, LongTradeListsShowBothEnds) {
  const ReportData d = sample_report(3000, 1000);
  const size_t n = d.trades.size();
  HtmlOptions o;
  o.trade_rows_each_end = 20;
  const std::string html = render(d, o);
  EXPECT_EQ(count_of(html, "<tr><td>"), 40u);
  EXPECT_NE(html.find("<tr><td>1</td>"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>20</td>"), std::string::npos);
  EXPECT_EQ(html.find("<tr><td>21</td>"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>" + std::to_string(n) + "</td>"), std::string::npos);
  EXPECT_NE(html.find(std::to_string(n - 40) + " more trades not shown"), std::string::npos);
  EXPECT_NE(html.find("(" + std::to_string(n) + ")"), std::string::npos);
}

TEST(HtmlReport, InvalidDataIsAnError) {
  ReportData d = sample_report(10, 1);
  d.trades[0].exit_bar = 10;
  Result<std::string> html = render_html_report(d);
  ASSERT_FALSE(html.is_ok());
  EXPECT_EQ(html.status().kind(), ErrorKind::kInvalidArgument);
  EXPECT_NE(html.status().message().find("trades[0].exit_bar"), std::string::npos);
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(WriteReport, WritesAtomicallyAndLeavesNoTemporaries) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / "nocode_report_write_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "report.html";
  {
    std::ofstream(file) << "old";
  }
  const ReportData d = sample_report(100, 3);
  ASSERT_TRUE(write_report(file.string(), d).is_ok());
  EXPECT_EQ(slurp(file), *render_html_report(d));
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1u);

  const Status missing_dir = write_report((dir / "no/such/dir/r.html").string(), d);
  EXPECT_EQ(missing_dir.kind(), ErrorKind::kIo);
  EXPECT_NE(missing_dir.message().find("no/such/dir/r.html"), std::string::npos);
  ReportData bad = d;
  bad.equity.pop_back();
  EXPECT_EQ(write_report(file.string(), bad).kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(slurp(file), *render_html_report(d));  // untouched by the failed write
  fs::remove_all(dir);
}

}  // namespace
}  // namespace nocode::report
