// ReportData: everything the backtest report renders, as one plain value.
//
// The report module does not depend on the simulator: whoever runs a backtest
// (or an optimisation) copies its results into this struct and calls
// render_html_report / write_report (html_report.h) or the SVG chart
// functions (svg_chart.h). All series are indexed by bar and share the
// timestamps vector; any series may be empty (then its chart is omitted).
//
// Plain value; concurrent reads are safe, writes need external locking.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace nocode::report {

// One round trip (or a position still open at the end of the data).
struct ReportTrade {
  int64_t entry_bar = 0;     // index into ReportData::timestamps
  int64_t exit_bar = -1;     // -1 while the trade is still open
  double entry_price = 0;
  double exit_price = 0;     // ignored while open
  double size = 0;           // signed units: > 0 long, < 0 short
  double pnl = 0;            // profit in cash, net of costs
  double return_pct = 0;     // return of the trade in percent (1.5 = +1.5%)

  bool is_long() const { return size >= 0; }
  bool is_open() const { return exit_bar < 0; }
};

// One metric over a grid of two strategy parameters (an optimisation run).
struct Heatmap {
  std::string x_name;                      // parameter along the columns
  std::vector<double> x_values;            // one per column
  std::string y_name;                      // parameter along the rows
  std::vector<double> y_values;            // one per row
  std::vector<std::vector<double>> cells;  // cells[row][col]; NaN = invalid
  std::string metric;                      // e.g. "Sharpe Ratio"
  bool higher_is_better = true;            // which cell gets the "best" frame
};

struct ReportData {
  std::string title = "Backtest report";
  std::vector<int64_t> timestamps;  // UTC nanoseconds, non-decreasing
  std::vector<double> close;        // price line; empty = no price chart
  // Optional OHLC (each empty or timestamps.size() long); high/low widen the
  // price chart into a high-low band, open is carried for callers' symmetry.
  std::vector<double> open, high, low;
  std::vector<double> equity;    // account value per bar; empty = no equity chart
  std::vector<double> drawdown;  // fraction <= 0 per bar; empty = computed from equity
  std::vector<ReportTrade> trades;
  // Ordered (name, already formatted value) pairs, e.g. {"Return [%]", "12.3"}.
  std::vector<std::pair<std::string, std::string>> statistics;
  std::optional<Heatmap> heatmap;
  std::vector<std::string> notes;  // free text shown under the title
};

// Checks lengths and indices; the error names the field, e.g.
// "trades[3].exit_bar: expected -1 or a bar index below 250, got 250".
Status validate_report_data(const ReportData& data);

// Drawdown from peak: equity[i] / max(equity[0..i]) - 1, NaN while the
// running peak is not positive or equity[i] is NaN.
std::vector<double> compute_drawdown(const std::vector<double>& equity);

// data.drawdown if given, else compute_drawdown(data.equity).
std::vector<double> drawdown_of(const ReportData& data);

}  // namespace nocode::report
