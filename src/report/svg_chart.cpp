// Equity, drawdown and price charts on SvgPlot. Value ranges are taken over
// the full series (not the downsampled one) so the axes cover every bar.
#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "report/downsample.h"
#include "report/svg_plot.h"
#include "report/text_format.h"

namespace nocode::report {
namespace {

constexpr const char* kGreen = "#16a34a";
constexpr const char* kRed = "#dc2626";

struct Range {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (std::isnan(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  void add(const std::vector<double>& v) {
    for (double x : v) add(x);
  }
};

bool drawable(const ReportData& d, const std::vector<double>& series) {
  return !series.empty() && series.size() == d.timestamps.size();
}

std::string title_of(const ChartOptions& o, const char* title) { return o.title ? title : ""; }

}  // namespace

std::string equity_chart_svg(const ReportData& data, const ChartOptions& options) {
  if (!drawable(data, data.equity)) return "";
  Range r;
  r.add(data.equity);
  const auto& t = data.timestamps;
  SvgPlot plot(options.width, options.height, t.front(), t.back(), r.lo, r.hi,
               ValueFormat::kNumber, options.title);
  plot.open("Equity curve", title_of(options, "Equity"));
  const auto idx = downsample_min_max(data.equity, options.max_points);
  const double start = data.equity.front();
  plot.path(t, data.equity, idx, "", 0, "rgba(37,99,235,0.08)", plot.scale().lo);
  if (!std::isnan(start)) {
    plot.raw("<line class=\"baseline\" x1=\"" + px(plot.x(t.front())) + "\" x2=\"" +
             px(plot.x(t.back())) + "\" y1=\"" + px(plot.y(start)) + "\" y2=\"" +
             px(plot.y(start)) + "\" stroke=\"#94a3b8\" stroke-dasharray=\"4 4\"/>\n");
  }
  plot.path(t, data.equity, idx, "#2563eb", 1.6);
  return plot.finish();
}

std::string drawdown_chart_svg(const ReportData& data, const ChartOptions& options) {
  const std::vector<double> dd = drawdown_of(data);
  if (!drawable(data, dd)) return "";
  Range r;
  r.add(dd);
  r.add(0.0);
  const auto& t = data.timestamps;
  SvgPlot plot(options.width, options.height * 2 / 3, t.front(), t.back(), r.lo, r.hi,
               ValueFormat::kPercent, options.title);
  plot.open("Drawdown", title_of(options, "Drawdown"));
  const auto idx = downsample_min_max(dd, options.max_points);
  plot.path(t, dd, idx, "", 0, "rgba(220,38,38,0.22)", 0.0);
  plot.path(t, dd, idx, kRed, 1.2);
  return plot.finish();
}

namespace {

// High-low band: per bucket the highest high and lowest low.
void draw_band(const ReportData& d, size_t max_points, SvgPlot* plot) {
  const size_t n = d.timestamps.size();
  std::string upper;
  std::vector<std::string> lower;  // drawn back from right to left
  for (const Bucket& b : make_buckets(0, n, std::min(n, std::max<size_t>(max_points / 2, 2)))) {
    double hi = -std::numeric_limits<double>::infinity(), lo = -hi;
    for (size_t i = b.begin; i < b.end; ++i) {
      if (!std::isnan(d.high[i])) hi = std::max(hi, d.high[i]);
      if (!std::isnan(d.low[i])) lo = std::min(lo, d.low[i]);
    }
    if (!std::isfinite(hi) || !std::isfinite(lo)) continue;
    const double x = plot->x(d.timestamps[(b.begin + b.end - 1) / 2]);
    upper += upper.empty() ? 'M' : 'L';
    upper += px(x) + " " + px(plot->y(hi));
    lower.push_back(px(x) + " " + px(plot->y(lo)));
  }
  if (upper.empty()) return;
  for (auto it = lower.rbegin(); it != lower.rend(); ++it) upper += 'L' + *it;
  plot->raw("<path class=\"hl-band\" d=\"" + upper +
            "Z\" fill=\"rgba(100,116,139,0.18)\" stroke=\"none\"/>\n");
}

std::string trade_tooltip(const ReportData& d, const ReportTrade& tr) {
  std::string s = std::string(tr.is_long() ? "Long " : "Short ") +
                  format_grouped(std::fabs(tr.size), std::fabs(tr.size) < 1 ? 4 : 0) + " @ " +
                  format_price(tr.entry_price) + " on " +
                  format_timestamp(d.timestamps[tr.entry_bar]);
  if (tr.is_open()) return s + " (open)";
  return s + "; exit " + format_price(tr.exit_price) + " on " +
         format_timestamp(d.timestamps[tr.exit_bar]) + "; P&L " + format_grouped(tr.pnl, 2) +
         " (" + format_grouped(tr.return_pct, 2) + "%)";
}

void draw_trade(const ReportData& d, const ReportTrade& tr, SvgPlot* plot) {
  const double ex = plot->x(d.timestamps[tr.entry_bar]), ey = plot->y(tr.entry_price);
  const std::string tip = "<title>" + html_escape(trade_tooltip(d, tr)) + "</title>";
  const char* pnl_colour = tr.pnl >= 0 ? kGreen : kRed;
  std::string m;
  if (!tr.is_open()) {
    const double xx = plot->x(d.timestamps[tr.exit_bar]), xy = plot->y(tr.exit_price);
    m += "<line x1=\"" + px(ex) + "\" y1=\"" + px(ey) + "\" x2=\"" + px(xx) + "\" y2=\"" +
         px(xy) + "\" stroke=\"" + pnl_colour + "\" stroke-width=\"1\" stroke-dasharray=\"2 2\" "
         "opacity=\"0.7\"/>\n<circle class=\"exit\" cx=\"" + px(xx) + "\" cy=\"" + px(xy) +
         "\" r=\"4\" fill=\"#ffffff\" stroke=\"" + pnl_colour + "\" stroke-width=\"1.8\">" + tip +
         "</circle>\n";
  }
  // Long: up-triangle just below the entry price; short: down-triangle above.
  const double s = tr.is_long() ? 1 : -1, tip_y = ey + 3 * s, base_y = tip_y + 9 * s;
  m += std::string("<path class=\"") + (tr.is_long() ? "entry-long" : "entry-short") +
       "\" d=\"M" + px(ex) + " " + px(tip_y) + "L" + px(ex + 5.5) + " " + px(base_y) + "L" +
       px(ex - 5.5) + " " + px(base_y) + "Z\" fill=\"" + (tr.is_long() ? kGreen : kRed) + "\">" +
       tip + "</path>\n";
  plot->raw(m);
}

void draw_legend(SvgPlot* plot, int width) {
  const double x = width - 330.0;
  plot->raw("<g class=\"legend\" font-size=\"11\" fill=\"#475569\">"
            "<path d=\"M" + px(x) + " 13L" + px(x + 5.5) + " 22L" + px(x - 5.5) +
            " 22Z\" fill=\"#16a34a\"/><text x=\"" + px(x + 10) + "\" y=\"22\">Long entry</text>"
            "<path d=\"M" + px(x + 95) + " 22L" + px(x + 100.5) + " 13L" + px(x + 89.5) +
            " 13Z\" fill=\"#dc2626\"/><text x=\"" + px(x + 105) + "\" y=\"22\">Short entry</text>"
            "<circle cx=\"" + px(x + 195) + "\" cy=\"18\" r=\"4\" fill=\"#fff\" stroke=\"#16a34a\""
            " stroke-width=\"1.8\"/><circle cx=\"" + px(x + 207) + "\" cy=\"18\" r=\"4\" "
            "fill=\"#fff\" stroke=\"#dc2626\" stroke-width=\"1.8\"/><text x=\"" + px(x + 217) +
            "\" y=\"22\">Exit (profit / loss)</text></g>\n");
}

}  // namespace

std::string price_chart_svg(const ReportData& data, const ChartOptions& options) {
  if (!drawable(data, data.close)) return "";
  const size_t n = data.timestamps.size();
  const bool band = data.high.size() == n && data.low.size() == n;
  Range r;
  r.add(data.close);
  if (band) r.add(data.high), r.add(data.low);
  std::vector<const ReportTrade*> trades;
  for (const ReportTrade& tr : data.trades) {
    const auto bars = static_cast<int64_t>(n);
    if (tr.entry_bar < 0 || tr.entry_bar >= bars || tr.exit_bar >= bars) continue;
    trades.push_back(&tr);
    r.add(tr.entry_price);
    if (!tr.is_open()) r.add(tr.exit_price);
  }
  const auto& t = data.timestamps;
  SvgPlot plot(options.width, options.height + 60, t.front(), t.back(), r.lo, r.hi,
               ValueFormat::kNumber, options.title || !trades.empty());
  plot.open("Price and trades", title_of(options, "Price and trades"));
  if (band) draw_band(data, options.max_points, &plot);
  plot.path(t, data.close, downsample_min_max(data.close, options.max_points), "#334155", 1.2);
  const size_t shown = std::min(trades.size(), options.max_trade_markers);
  for (size_t k = 0; k < shown; ++k) {
    draw_trade(data, *trades[shown == trades.size() ? k : k * trades.size() / shown], &plot);
  }
  if (!trades.empty()) draw_legend(&plot, std::max(options.width, 200));
  return plot.finish();
}

}  // namespace nocode::report
