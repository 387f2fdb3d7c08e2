// The backtest report as one self-contained HTML page: inline CSS and inline
// SVG charts (svg_chart.h), no JavaScript, no fonts, images or URLs, so it
// opens offline and can be mailed or archived as a single file.
//
// Sections, each only when its data is present: header (title, period, bar
// and trade counts, notes), statistics table, equity, drawdown, price with
// trade markers, trades table (first and last N rows when long), and the
// optimisation heatmap. All caller text (title, statistic names and values,
// notes, heatmap names) is HTML-escaped.
// Pure functions except write_report (file system); all thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include "common/status.h"
#include "report/report_data.h"
#include "report/svg_chart.h"

namespace nocode::report {

struct HtmlOptions {
  ChartOptions chart;              // passed to every chart (title is turned off:
                                   // the page's section headings name them)
  size_t trade_rows_each_end = 50; // longer trade lists show the first and last N
};

// The page, or the validate_report_data error.
Result<std::string> render_html_report(const ReportData& data, const HtmlOptions& options = {});

// Renders and writes the page to `path` atomically (atomic_write.h).
Status write_report(const std::string& path, const ReportData& data,
                    const HtmlOptions& options = {});

}  // namespace nocode::report
