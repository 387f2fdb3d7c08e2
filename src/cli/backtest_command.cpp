#include "cli/backtest_command.h"

#include <iostream>
#include <memory>
#include <optional>

#include "cli/backtest_portfolio.h"
#include "cli/run_command.h"
#include "engine/workflow_backtest.h"
#include "report/atomic_write.h"
#include "report/backtest_report.h"
#include "report/backtest_tables.h"
#include "workflow/compiler.h"

namespace nocode::cli {
namespace {

struct BacktestArgs {
  std::string workflow;
  std::string data_file;
  std::string data_dir;
  std::vector<std::string> sets;
  std::optional<double> cash;
  std::optional<double> commission;
  bool exclusive_orders = false;
  bool finalize_trades = false;
  std::string format = "table";
  std::string trades, equity, report, chart;
  PortfolioArgs portfolio;  // --portfolio and its options
};

int fail(const std::string& message) {
  std::cerr << "nocode: " << message << "\n";
  return 1;
}

Status write_outputs(const BacktestArgs& a, const engine::WorkflowBacktest& bt,
                     const std::string& title) {
  if (!a.trades.empty())
    NOCODE_RETURN_IF_ERROR(report::write_file_atomically(a.trades, report::trades_csv(bt)));
  if (!a.equity.empty())
    NOCODE_RETURN_IF_ERROR(report::write_file_atomically(a.equity, report::equity_csv(bt)));
  if (!a.report.empty()) NOCODE_RETURN_IF_ERROR(report::write_backtest_report(a.report, bt, title));
  if (!a.chart.empty()) NOCODE_RETURN_IF_ERROR(report::write_backtest_chart(a.chart, bt, title));
  return Status::ok();
}

int run(const BacktestArgs& a) {
  if (!a.portfolio.symbols.empty()) {
    if (!a.report.empty() || !a.chart.empty() || !a.data_file.empty() || a.exclusive_orders ||
        a.finalize_trades)
      return fail("--portfolio takes --data-dir, --set, --cash, --commission, --format, --trades "
                  "and --equity (not --data, --report, --chart, --exclusive-orders or "
                  "--finalize-trades)");
    PortfolioArgs p = a.portfolio;
    p.workflow = a.workflow;
    p.data_dir = a.data_dir;
    p.sets = a.sets;
    p.cash = a.cash;
    p.commission = a.commission;
    p.format = a.format;
    p.trades = a.trades;
    p.equity = a.equity;
    return run_portfolio_backtest(p);
  }
  workflow::CompileOptions copts;
  copts.overrides = a.sets;
  const workflow::Plan plan = workflow::compile_file(a.workflow, copts);
  for (const auto& d : plan.diagnostics.all()) {
    if (d.severity != workflow::Severity::kInfo) std::cerr << workflow::to_string(d) << "\n";
  }
  if (!plan.ok()) return fail(a.workflow + ": the workflow has errors; nothing was run");
  engine::WorkflowBacktestOptions opts;
  opts.run.data.data_file = a.data_file;
  opts.run.data.data_dir = a.data_dir;
  opts.cash = a.cash;
  opts.commission = a.commission;
  if (a.exclusive_orders) opts.exclusive_orders = true;
  if (a.finalize_trades) opts.finalize_trades = true;
  const bool tty = show_progress_on_tty(opts.run);  // cli/run_command.h
  const engine::Engine eng(engine::process_cache());
  Result<engine::WorkflowBacktest> bt = engine::backtest_plan(eng, plan, opts);
  if (tty) std::cerr << "\r\033[K" << std::flush;
  if (!bt) return fail(bt.status().message());
  for (const auto& n : bt->run.notes) std::cerr << "note: " << n << "\n";
  const std::string title = "Backtest: " + (plan.name.empty() ? a.workflow : plan.name);
  if (Status s = write_outputs(a, *bt, title); !s.is_ok()) return fail(s.message());
  if (a.format == "json")
    std::cout << bt->statistics.to_json().dump(2) << "\n";
  else
    std::cout << report::statistics_table(bt->statistics);
  return 0;
}

}  // namespace

void add_backtest_command(CLI::App& app, int* exit_code) {
  auto a = std::make_shared<BacktestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "backtest", "Backtest a workflow's trading decisions (backtesting.py's rules)");
  cmd->add_option("workflow", a->workflow, "Workflow document (JSON)")->required();
  auto* data = cmd->add_option("--data", a->data_file, "One CSV file feeding every data source");
  auto* dir = cmd->add_option("--data-dir", a->data_dir,
                              "Directory of DIR/<SYMBOL>/<timeframe>.csv or "
                              "DIR/<SYMBOL>_<timeframe>.csv files");
  data->excludes(dir);
  dir->excludes(data);
  cmd->add_option("--set", a->sets, "Override a workflow parameter, NAME=VALUE (repeatable)");
  cmd->add_option("--cash", a->cash, "Starting cash (overrides the backtest node)");
  cmd->add_option("--commission", a->commission,
                  "Commission rate per fill, e.g. 0.002 (overrides the backtest node)");
  cmd->add_flag("--exclusive-orders", a->exclusive_orders,
                "Each order first closes the open position");
  cmd->add_flag("--finalize-trades", a->finalize_trades,
                "Close trades still open at the end so they count in the statistics");
  cmd->add_option("--format", a->format, "Statistics output: table or json")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--trades", a->trades, "Write the trade list as CSV");
  cmd->add_option("--equity", a->equity, "Write the equity curve and drawdown as CSV");
  cmd->add_option("--report", a->report, "Write a self-contained HTML report");
  cmd->add_option("--chart", a->chart, "Write the equity chart as SVG");
  cmd->add_option("--portfolio", a->portfolio.symbols,
                  "Trade the workflow on these symbols as one portfolio (SYM1,SYM2,...; "
                  "needs --data-dir)");
  cmd->add_option("--weights", a->portfolio.weights, "Portfolio weights: equal or signal");
  cmd->add_option("--rebalance", a->portfolio.rebalance,
                  "Portfolio rebalancing: on_signal, daily, weekly, monthly or every N bars");
  cmd->add_flag("--long-only", a->portfolio.long_only, "Portfolio: short signals count as flat");
  cmd->add_flag("--fractional", a->portfolio.fractional, "Portfolio: fractional units");
  cmd->callback([a, exit_code] { *exit_code = run(*a); });
}

}  // namespace nocode::cli
