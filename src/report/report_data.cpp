// Validation of ReportData and the drawdown series.
#include "report/report_data.h"

#include <cmath>
#include <limits>

namespace nocode::report {
namespace {

Status check_length(const char* field, size_t got, size_t bars) {
  if (got == 0 || got == bars) return Status::ok();
  return Status::invalid_argument(std::string(field) + ": expected " + std::to_string(bars) +
                                  " values (one per timestamp) or none, got " +
                                  std::to_string(got));
}

Status check_trade(const ReportTrade& t, size_t i, size_t bars) {
  const std::string place = "trades[" + std::to_string(i) + "]";
  const auto n = static_cast<int64_t>(bars);
  if (t.entry_bar < 0 || t.entry_bar >= n) {
    return Status::invalid_argument(place + ".entry_bar: expected a bar index below " +
                                    std::to_string(bars) + ", got " +
                                    std::to_string(t.entry_bar));
  }
  if (t.exit_bar < -1 || t.exit_bar >= n) {
    return Status::invalid_argument(place + ".exit_bar: expected -1 or a bar index below " +
                                    std::to_string(bars) + ", got " + std::to_string(t.exit_bar));
  }
  if (t.exit_bar >= 0 && t.exit_bar < t.entry_bar) {
    return Status::invalid_argument(place + ".exit_bar: expected >= entry_bar " +
                                    std::to_string(t.entry_bar) + ", got " +
                                    std::to_string(t.exit_bar));
  }
  return Status::ok();
}

Status check_heatmap(const Heatmap& h) {
  if (h.cells.size() != h.y_values.size()) {
    return Status::invalid_argument("heatmap.cells: expected " +
                                    std::to_string(h.y_values.size()) +
                                    " rows (one per y value), got " +
                                    std::to_string(h.cells.size()));
  }
  for (size_t r = 0; r < h.cells.size(); ++r) {
    if (h.cells[r].size() != h.x_values.size()) {
      return Status::invalid_argument(
          "heatmap.cells[" + std::to_string(r) + "]: expected " +
          std::to_string(h.x_values.size()) + " columns (one per x value), got " +
          std::to_string(h.cells[r].size()));
    }
  }
  return Status::ok();
}

}  // namespace

Status validate_report_data(const ReportData& data) {
  const size_t bars = data.timestamps.size();
  for (size_t i = 1; i < bars; ++i) {
    if (data.timestamps[i] < data.timestamps[i - 1]) {
      return Status::invalid_argument("timestamps[" + std::to_string(i) +
                                      "]: expected non-decreasing timestamps");
    }
  }
  NOCODE_RETURN_IF_ERROR(check_length("close", data.close.size(), bars));
  NOCODE_RETURN_IF_ERROR(check_length("open", data.open.size(), bars));
  NOCODE_RETURN_IF_ERROR(check_length("high", data.high.size(), bars));
  NOCODE_RETURN_IF_ERROR(check_length("low", data.low.size(), bars));
  NOCODE_RETURN_IF_ERROR(check_length("equity", data.equity.size(), bars));
  NOCODE_RETURN_IF_ERROR(check_length("drawdown", data.drawdown.size(), bars));
  for (size_t i = 0; i < data.trades.size(); ++i) {
    NOCODE_RETURN_IF_ERROR(check_trade(data.trades[i], i, bars));
  }
  if (data.heatmap) NOCODE_RETURN_IF_ERROR(check_heatmap(*data.heatmap));
  return Status::ok();
}

std::vector<double> compute_drawdown(const std::vector<double>& equity) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> out(equity.size(), nan);
  double peak = -std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < equity.size(); ++i) {
    if (std::isnan(equity[i])) continue;
    if (equity[i] > peak) peak = equity[i];
    if (peak > 0) out[i] = equity[i] / peak - 1.0;
  }
  return out;
}

std::vector<double> drawdown_of(const ReportData& data) {
  return data.drawdown.empty() ? compute_drawdown(data.equity) : data.drawdown;
}

}  // namespace nocode::report
