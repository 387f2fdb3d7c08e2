// WorkflowBacktest -> ReportData -> HTML / SVG.
#include "report/backtest_report.h"

#include "report/atomic_write.h"
#include "report/backtest_tables.h"
#include "report/html_report.h"
#include "report/svg_chart.h"

namespace nocode::report {
namespace {

ReportTrade report_trade(const backtest::Trade& t, double last_close) {
  ReportTrade r;
  r.entry_bar = t.entry_bar;
  r.exit_bar = t.exit_bar;
  r.entry_price = t.entry_price;
  r.exit_price = t.is_closed() ? t.exit_price : last_close;
  r.size = t.size;
  r.pnl = t.pnl(r.exit_price);
  r.return_pct = t.return_pct(r.exit_price) * 100;
  return r;
}

std::vector<double> column_or_empty(const Frame& f, const char* name) {
  const std::vector<double>* c = f.column(name);
  return c ? *c : std::vector<double>{};
}

}  // namespace

ReportData backtest_report_data(const engine::WorkflowBacktest& bt, const std::string& title) {
  ReportData d;
  d.title = title;
  d.timestamps = bt.bars->timestamps();
  d.close = column_or_empty(*bt.bars, "close");
  d.open = column_or_empty(*bt.bars, "open");
  d.high = column_or_empty(*bt.bars, "high");
  d.low = column_or_empty(*bt.bars, "low");
  d.equity = bt.result.equity;
  const double last_close = d.close.empty() ? 0 : d.close.back();
  for (const auto& t : bt.result.trades) d.trades.push_back(report_trade(t, last_close));
  for (const auto& t : bt.result.open_trades) {
    ReportTrade r = report_trade(t, last_close);
    r.exit_bar = -1;
    d.trades.push_back(r);
  }
  for (const auto& s : bt.statistics.items) d.statistics.emplace_back(s.name, format_statistic(s.value));
  d.notes = bt.run.notes;
  if (!bt.result.open_trades.empty()) {
    d.notes.push_back(std::to_string(bt.result.open_trades.size()) +
                      " trade(s) still open at the end are not in the statistics");
  }
  return d;
}

Status write_backtest_report(const std::string& path, const engine::WorkflowBacktest& bt,
                             const std::string& title) {
  return write_report(path, backtest_report_data(bt, title));
}

Status write_backtest_chart(const std::string& path, const engine::WorkflowBacktest& bt,
                            const std::string& title) {
  ReportData d = backtest_report_data(bt, title);
  NOCODE_RETURN_IF_ERROR(validate_report_data(d));
  return write_file_atomically(path, equity_chart_svg(d));
}

}  // namespace nocode::report
