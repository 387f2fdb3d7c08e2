// Synthetic ReportData for the report tests: bars (daily unless told) from 2020-01-01, a
// seeded random-walk price with OHLC, buy-and-hold equity, and alternating
// long/short trades whose P&L is computed from their own prices.
#pragma once

#include <cmath>
#include <random>
#include <string>

#include "data/timestamp.h"
#include "report/report_data.h"
#include "report/text_format.h"

namespace nocode::report::testing {

inline ReportData sample_report(size_t bars, size_t trades, int64_t bar_ns = kNsPerDay,
                                unsigned seed = 42) {
  ReportData d;
  d.title = "SMA cross on synthetic data";
  std::mt19937 rng(seed);
  std::normal_distribution<double> ret(0.0003, 0.012);
  const int64_t t0 = days_from_civil(2020, 1, 1) * kNsPerDay;
  double px = 100;
  for (size_t i = 0; i < bars; ++i) {
    const double open = px;
    px *= std::exp(ret(rng));
    d.timestamps.push_back(t0 + static_cast<int64_t>(i) * bar_ns);
    d.open.push_back(open);
    d.close.push_back(px);
    d.high.push_back(std::max(open, px) * 1.004);
    d.low.push_back(std::min(open, px) * 0.996);
    d.equity.push_back(10'000 * px / 100);
  }
  const size_t span = trades ? std::max<size_t>(bars / trades, 2) : 1;
  for (size_t k = 0; k < trades && (k + 1) * span <= bars; ++k) {
    ReportTrade t;
    t.entry_bar = static_cast<int64_t>(k * span);
    t.exit_bar = static_cast<int64_t>(k * span + span - 1);
    t.size = (k % 2 == 0 ? 1 : -1) * 10.0;
    t.entry_price = d.close[t.entry_bar];
    t.exit_price = d.close[t.exit_bar];
    t.pnl = t.size * (t.exit_price - t.entry_price);
    t.return_pct = (t.exit_price / t.entry_price - 1) * 100 * (t.size > 0 ? 1 : -1);
    d.trades.push_back(t);
  }
  d.statistics = {{"Return [%]", "12.34"},        {"Sharpe Ratio", "0.87"},
                  {"Max. Drawdown [%]", "-18.2"}, {"# Trades", std::to_string(d.trades.size())},
                  {"Win Rate [%]", "52.1"},       {"Profit Factor", "1.31"}};
  return d;
}

inline Heatmap sample_heatmap(size_t rows, size_t cols) {
  Heatmap h;
  h.x_name = "fast";
  h.y_name = "slow";
  h.metric = "Sharpe Ratio";
  for (size_t c = 0; c < cols; ++c) h.x_values.push_back(5.0 + 5.0 * c);
  for (size_t r = 0; r < rows; ++r) h.y_values.push_back(20.0 + 10.0 * r);
  h.cells.assign(rows, std::vector<double>(cols));
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < cols; ++c) {
      h.cells[r][c] = h.x_values[c] >= h.y_values[r] ? std::nan("") : std::sin(r * 0.7 + c * 0.3);
    }
  }
  return h;
}

// Occurrences of `needle` in `hay`.
inline size_t count_of(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace nocode::report::testing
