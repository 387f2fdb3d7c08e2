// Standalone SVG charts of a backtest: equity, drawdown, price with trade
// markers, and the optimisation heatmap. Each function returns one complete
// <svg> document (with xmlns, so it can be written to a .svg file for
// terminal users, or inlined into the HTML report) and references nothing
// outside itself: no fonts, images, scripts or URLs.
//
// Series longer than ChartOptions::max_points are reduced with
// downsample_min_max (downsample.h), so a 1M-bar run stays a few hundred KB.
// Input lengths are not trusted: a chart whose series does not match the
// timestamps, or is empty, returns "" rather than failing; call
// validate_report_data first for an error message.
// Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include "report/report_data.h"

namespace nocode::report {

struct ChartOptions {
  int width = 1100;                // SVG width in px
  int height = 300;                // SVG height in px (heatmap: computed)
  size_t max_points = 2000;        // points per series after bucketing
  size_t max_trade_markers = 600;  // trades drawn on the price chart (evenly sampled)
  bool title = true;               // chart title inside the SVG
};

// Account equity over time, with a dashed line at the starting equity.
std::string equity_chart_svg(const ReportData& data, const ChartOptions& options = {});

// Drawdown from the running peak, in percent, as a filled area below zero.
std::string drawdown_chart_svg(const ReportData& data, const ChartOptions& options = {});

// Close price (plus a high-low band when given) with trades: long entries as
// green up-triangles, short entries as red down-triangles, exits as circles
// (green rim = profit, red = loss), entry and exit joined by a dotted line.
// Each marker has a <title> tooltip with the trade's details.
std::string price_chart_svg(const ReportData& data, const ChartOptions& options = {});

// One <rect class="cell"> per matrix cell, coloured from dark (worst) to
// bright (best, following Heatmap::higher_is_better); NaN cells are light
// grey. Axis labels, a colour bar, and value labels when the cells are big
// enough; the best cell is framed. "" if the matrix is empty or ragged.
std::string heatmap_svg(const Heatmap& heatmap, const ChartOptions& options = {});

}  // namespace nocode::report
