// Page assembly: one string, sections appended in order. The stylesheet is a
// constant; every piece of caller text goes through html_escape.
#include "report/html_report.h"

#include <cmath>

#include "report/atomic_write.h"
#include "report/text_format.h"

namespace nocode::report {
namespace {

constexpr const char* kStyle = R"css(
*{box-sizing:border-box}
body{margin:0;background:#f1f5f9;color:#0f172a;
 font:14px/1.45 -apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}
main{max-width:1180px;margin:0 auto;padding:28px 24px 40px}
header h1{font-size:24px;font-weight:650;margin:0 0 4px;letter-spacing:-.01em}
.meta{color:#475569;margin:0 0 6px}
.notes{color:#334155;margin:8px 0 0;padding-left:18px}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:10px;padding:18px 20px;
 margin-top:18px;box-shadow:0 1px 2px rgba(15,23,42,.04)}
.card h2{font-size:15px;font-weight:600;margin:0 0 12px;color:#0f172a}
.card h2 .count{color:#64748b;font-weight:500}
svg.chart{display:block;width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:6px 10px;border-bottom:1px solid #eef2f7;text-align:right;white-space:nowrap}
th{font-weight:600;color:#475569;font-size:12px;text-transform:uppercase;letter-spacing:.03em;
 background:#f8fafc}
td.l,th.l{text-align:left}
table.stats td.name{text-align:left;color:#475569}
table.stats td.value{font-weight:600;padding-right:28px}
.pos{color:#15803d}.neg{color:#b91c1c}
.long{color:#15803d;font-weight:600}.short{color:#b91c1c;font-weight:600}
tr.gap td{text-align:center;color:#64748b;font-style:italic;background:#f8fafc}
.scroll{overflow-x:auto}
footer{color:#94a3b8;font-size:12px;margin-top:22px;text-align:center}
)css";

std::string period_line(const ReportData& d) {
  std::string s;
  if (!d.timestamps.empty()) {
    s = format_timestamp(d.timestamps.front()) + " &rarr; " +
        format_timestamp(d.timestamps.back()) + " &middot; ";
  }
  return s + std::to_string(d.timestamps.size()) + " bars &middot; " +
         std::to_string(d.trades.size()) + " trades";
}

void header(const ReportData& d, std::string* out) {
  *out += "<header><h1>" + html_escape(d.title) + "</h1><p class=\"meta\">" + period_line(d) +
          "</p>";
  if (!d.notes.empty()) {
    *out += "<ul class=\"notes\">";
    for (const std::string& n : d.notes) *out += "<li>" + html_escape(n) + "</li>";
    *out += "</ul>";
  }
  *out += "</header>\n";
}

// Two name/value pairs per row: the first half down the left, the rest right.
void statistics(const ReportData& d, std::string* out) {
  if (d.statistics.empty()) return;
  const size_t n = d.statistics.size(), half = (n + 1) / 2;
  *out += "<section class=\"card\" id=\"statistics\"><h2>Statistics</h2>"
          "<table class=\"stats\">\n";
  for (size_t i = 0; i < half; ++i) {
    *out += "<tr>";
    for (size_t k : {i, i + half}) {
      if (k >= n) break;
      *out += "<td class=\"name\">" + html_escape(d.statistics[k].first) +
              "</td><td class=\"value\">" + html_escape(d.statistics[k].second) + "</td>";
    }
    *out += "</tr>\n";
  }
  *out += "</table></section>\n";
}

void chart(const char* id, const char* heading, const std::string& svg, std::string* out) {
  if (svg.empty()) return;
  *out += std::string("<section class=\"card\" id=\"") + id + "\"><h2>" + heading + "</h2>\n" +
          svg + "</section>\n";
}

std::string signed_cell(double v, int decimals, const char* suffix = "") {
  const char* cls = v > 0 ? "pos" : v < 0 ? "neg" : "";
  return std::string("<td class=\"") + cls + "\">" + format_grouped(v, decimals) + suffix + "</td>";
}

void trade_row(const ReportData& d, size_t i, std::string* out) {
  const ReportTrade& t = d.trades[i];
  const bool open = t.is_open();
  const auto when = [&](int64_t bar) {
    return bar >= 0 && static_cast<size_t>(bar) < d.timestamps.size()
               ? format_timestamp(d.timestamps[bar]) : std::string("&mdash;");
  };
  *out += "<tr><td>" + std::to_string(i + 1) + "</td>" +
          (t.is_long() ? "<td class=\"l long\">Long</td>" : "<td class=\"l short\">Short</td>") +
          "<td class=\"l\">" + when(t.entry_bar) + "</td><td>" + format_price(t.entry_price) +
          "</td><td class=\"l\">" + (open ? std::string("open") : when(t.exit_bar)) + "</td><td>" +
          (open ? std::string("&mdash;") : format_price(t.exit_price)) + "</td><td>" +
          format_grouped(std::fabs(t.size), std::fabs(t.size) < 1 ? 4 : 0) + "</td>" +
          signed_cell(t.pnl, 2) + signed_cell(t.return_pct, 2, "%") + "</tr>\n";
}

void trades(const ReportData& d, size_t each_end, std::string* out) {
  const size_t n = d.trades.size();
  *out += "<section class=\"card\" id=\"trades\"><h2>Trades <span class=\"count\">(" +
          std::to_string(n) + ")</span></h2>\n";
  if (n == 0) {
    *out += "<p class=\"meta\">No trades.</p></section>\n";
    return;
  }
  *out += "<div class=\"scroll\"><table class=\"trades\"><thead><tr><th>#</th><th class=\"l\">"
          "Side</th><th class=\"l\">Entry time</th><th>Entry price</th><th class=\"l\">Exit time"
          "</th><th>Exit price</th><th>Size</th><th>P&amp;L</th><th>Return</th></tr></thead>"
          "<tbody>\n";
  const bool cut = each_end > 0 && n > 2 * each_end;
  for (size_t i = 0; i < n; ++i) {
    if (cut && i == each_end) {
      *out += "<tr class=\"gap\"><td colspan=\"9\">&hellip; " + std::to_string(n - 2 * each_end) +
              " more trades not shown (" + std::to_string(n) + " in total) &hellip;</td></tr>\n";
      i = n - each_end;
    }
    trade_row(d, i, out);
  }
  *out += "</tbody></table></div></section>\n";
}

}  // namespace

Result<std::string> render_html_report(const ReportData& data, const HtmlOptions& options) {
  NOCODE_RETURN_IF_ERROR(validate_report_data(data));
  ChartOptions co = options.chart;
  co.title = false;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>" + html_escape(data.title) + "</title>\n<style>" + kStyle +
                    "</style>\n</head>\n<body>\n<main>\n";
  header(data, &out);
  statistics(data, &out);
  chart("equity", "Equity", equity_chart_svg(data, co), &out);
  chart("drawdown", "Drawdown", drawdown_chart_svg(data, co), &out);
  chart("price", "Price and trades", price_chart_svg(data, co), &out);
  if (!data.close.empty() || !data.trades.empty()) trades(data, options.trade_rows_each_end, &out);
  if (data.heatmap) {
    const Heatmap& h = *data.heatmap;
    const std::string heading = "Optimisation: " + html_escape(h.metric) + " by " +
                                html_escape(h.x_name) + " and " + html_escape(h.y_name);
    chart("heatmap", heading.c_str(), heatmap_svg(h, co), &out);
  }
  out += "<footer>Generated by nocode &middot; self-contained report, no network access"
         "</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

Status write_report(const std::string& path, const ReportData& data, const HtmlOptions& options) {
  Result<std::string> html = render_html_report(data, options);
  if (!html.is_ok()) return html.status().with_context(path);
  return write_file_atomically(path, *html);
}

}  // namespace nocode::report
