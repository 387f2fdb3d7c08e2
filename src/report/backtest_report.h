// The HTML report of a workflow backtest: copies a WorkflowBacktest (bars,
// equity, trades, statistics) into ReportData and renders it with
// html_report.h (equity curve, drawdown, trades marked on price, statistics
// table; self-contained, no network). Pure functions except the writers
// (file system, atomic); thread-safe.
#pragma once

#include <string>

#include "common/status.h"
#include "engine/workflow_backtest.h"
#include "report/report_data.h"

namespace nocode::report {

// Closed trades first (closing order), then trades still open at the end.
ReportData backtest_report_data(const engine::WorkflowBacktest& bt, const std::string& title);
// Writes the HTML page to `path` atomically.
Status write_backtest_report(const std::string& path, const engine::WorkflowBacktest& bt,
                             const std::string& title);
// Writes the SVG equity chart to `path` atomically.
Status write_backtest_chart(const std::string& path, const engine::WorkflowBacktest& bt,
                            const std::string& title);

}  // namespace nocode::report
