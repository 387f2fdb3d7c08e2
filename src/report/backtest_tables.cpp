// CSV and text tables of a workflow backtest.
#include "report/backtest_tables.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "backtest/time_format.h"

namespace nocode::report {
namespace {

using backtest::kNaT;

// %.17g (round-trips); empty for NaN, as pandas writes missing values.
std::string full(double v) {
  if (std::isnan(v)) return "";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

bool all_midnight(const std::vector<int64_t>& ts) {
  return std::all_of(ts.begin(), ts.end(),
                     [](int64_t t) { return t % backtest::kNsPerDay == 0; });
}

// pandas' to_csv text of a timestamp: the date alone when every timestamp
// of the column is midnight.
std::string csv_time(int64_t ns, bool date_only) {
  const std::string s = backtest::format_pandas_timestamp(ns);
  return date_only ? s.substr(0, 10) : s;
}

// pandas' to_csv text of a timedelta: "22 days" for whole days.
std::string csv_duration(int64_t ns) {
  std::string s = backtest::format_pandas_timedelta(ns);
  const std::string zero = " 00:00:00";
  if (s.size() > zero.size() && s.compare(s.size() - zero.size(), zero.size(), zero) == 0)
    s.resize(s.size() - zero.size());
  return s;
}

}  // namespace

std::string trades_csv(const engine::WorkflowBacktest& bt) {
  const auto& ts = bt.bars->timestamps();
  const bool date_only = all_midnight(ts);
  std::string out =
      "Size,EntryBar,ExitBar,EntryPrice,ExitPrice,SL,TP,PnL,Commission,ReturnPct,EntryTime,"
      "ExitTime,Duration,Tag\n";
  for (const auto& t : bt.result.trades) {
    out += full(t.size) + "," + std::to_string(t.entry_bar) + "," + std::to_string(t.exit_bar) +
           "," + full(t.entry_price) + "," + full(t.exit_price) + "," + full(t.sl) + "," +
           full(t.tp) + "," + full(t.pnl()) + "," + full(t.commissions) + "," +
           full(t.return_pct()) + "," + csv_time(ts[t.entry_bar], date_only) + "," +
           csv_time(ts[t.exit_bar], date_only) + "," +
           csv_duration(ts[t.exit_bar] - ts[t.entry_bar]) + "," +
           (t.tag >= 0 ? std::to_string(t.tag) : std::string()) + "\n";
  }
  return out;
}

std::string equity_csv(const engine::WorkflowBacktest& bt) {
  const auto& ts = bt.bars->timestamps();
  const bool date_only = all_midnight(ts);
  const auto& eq = bt.result.equity;
  const backtest::DrawdownCurve dd = backtest::compute_drawdowns(eq, ts.data());
  std::string out = "Date,Equity,DrawdownPct,DrawdownDuration\n";
  for (size_t i = 0; i < eq.size(); ++i) {
    out += csv_time(ts[i], date_only) + "," + full(eq[i]) + "," + full(dd.drawdown[i]) + "," +
           (dd.duration_ns[i] == kNaT ? std::string() : csv_duration(dd.duration_ns[i])) + "\n";
  }
  return out;
}

std::string format_statistic(const backtest::StatValue& v) {
  using K = backtest::StatValue::Kind;
  switch (v.kind) {
    case K::kTimestamp:
      return v.ns == kNaT ? "NaT" : backtest::format_pandas_timestamp(v.ns);
    case K::kDuration:
      return v.ns == kNaT ? "NaT" : backtest::format_pandas_timedelta(v.ns);
    case K::kCount: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.0f", v.number);
      return buf;
    }
    case K::kNumber: break;
  }
  if (std::isnan(v.number)) return "NaN";
  if (std::isinf(v.number)) return v.number > 0 ? "inf" : "-inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", v.number);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string statistics_table(const backtest::Statistics& stats) {
  size_t name_w = 0, value_w = 0;
  std::vector<std::string> values;
  for (const auto& s : stats.items) {
    values.push_back(format_statistic(s.value));
    name_w = std::max(name_w, s.name.size());
    value_w = std::max(value_w, values.back().size());
  }
  std::string out;
  for (size_t k = 0; k < stats.items.size(); ++k) {
    const std::string& n = stats.items[k].name;
    out += n + std::string(name_w - n.size() + 2 + value_w - values[k].size(), ' ') + values[k] +
           "\n";
  }
  return out;
}

}  // namespace nocode::report
