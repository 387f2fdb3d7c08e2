#include "cli/backtest_portfolio.h"

#include <iostream>
#include <sstream>

#include "backtest/statistics.h"
#include "backtest/time_format.h"
#include "common/strings.h"
#include "engine/portfolio_backtest.h"
#include "report/atomic_write.h"
#include "report/backtest_tables.h"

namespace nocode::cli {
namespace {

int fail(const std::string& message) {
  std::cerr << "nocode: " << message << "\n";
  return 1;
}

std::string equity_csv(const backtest::PortfolioResult& r) {
  std::ostringstream out;
  out << "Time,Equity,DrawdownPct\n";
  double peak = 0;
  for (size_t i = 0; i < r.equity.size(); ++i) {
    peak = std::max(peak, r.equity[i]);
    out << backtest::format_pandas_timestamp(r.timestamps[i]) << ',' << format_double(r.equity[i])
        << ',' << format_double(peak > 0 ? 1 - r.equity[i] / peak : 0.0) << '\n';
  }
  return out.str();
}

std::string trades_csv(const backtest::PortfolioResult& r) {
  std::ostringstream out;
  out << "Symbol,Size,EntryTime,ExitTime,EntryPrice,ExitPrice,PnL,ReturnPct,Commission\n";
  for (size_t i = 0; i < r.trades.size(); ++i) {
    const backtest::Trade& t = r.trades[i];
    out << r.symbols[r.trade_symbol[i]] << ',' << format_double(t.size) << ','
        << backtest::format_pandas_timestamp(r.timestamps[static_cast<size_t>(t.entry_bar)]) << ','
        << backtest::format_pandas_timestamp(r.timestamps[static_cast<size_t>(t.exit_bar)]) << ','
        << format_double(t.entry_price) << ',' << format_double(t.exit_price) << ','
        << format_double(t.pnl()) << ',' << format_double(t.pnl() / (t.entry_price * std::abs(t.size)))
        << ',' << format_double(t.commissions) << '\n';
  }
  return out.str();
}

Result<engine::PortfolioBacktestOptions> options_from(const PortfolioArgs& a) {
  engine::PortfolioBacktestOptions o;
  auto symbols = engine::parse_symbol_list(a.symbols);
  if (!symbols) return symbols.status();
  o.symbols = std::move(*symbols);
  NOCODE_RETURN_IF_ERROR(backtest::parse_portfolio_weights(a.weights, o.portfolio)
                             .with_context("--weights"));
  NOCODE_RETURN_IF_ERROR(backtest::parse_portfolio_rebalance(a.rebalance, o.portfolio)
                             .with_context("--rebalance"));
  o.portfolio.long_only = a.long_only;
  o.portfolio.fractional = a.fractional;
  if (a.cash) o.portfolio.cash = *a.cash;
  if (a.commission) o.portfolio.commission = *a.commission;
  o.backtest.run.data.data_dir = a.data_dir;
  o.backtest.cash = a.cash;
  o.backtest.commission = a.commission;
  o.compile.overrides = a.sets;
  return o;
}

}  // namespace

int run_portfolio_backtest(const PortfolioArgs& a) {
  if (a.data_dir.empty()) return fail("--portfolio needs --data-dir (where each symbol's bars are)");
  auto options = options_from(a);
  if (!options) return fail(options.status().message());
  workflow::Diagnostics diags;
  auto doc = workflow::load_document(a.workflow, diags);
  if (!doc) return fail(a.workflow + ": " + doc.status().message());
  const engine::Engine eng(engine::process_cache());
  auto pb = engine::run_portfolio_backtest(eng, *doc, *options);
  if (!pb) return fail(pb.status().message());
  if (!a.equity.empty()) {
    if (Status s = report::write_file_atomically(a.equity, equity_csv(pb->result)); !s.is_ok())
      return fail(s.message());
  }
  if (!a.trades.empty()) {
    if (Status s = report::write_file_atomically(a.trades, trades_csv(pb->result)); !s.is_ok())
      return fail(s.message());
  }
  if (a.format == "json") {
    nlohmann::ordered_json out = pb->statistics.to_json();
    nlohmann::ordered_json per_symbol = nlohmann::ordered_json::object();
    for (size_t i = 0; i < pb->symbol_statistics.size(); ++i)
      per_symbol[pb->result.symbols[i]] = pb->symbol_statistics[i].to_json();
    out["Symbols"] = std::move(per_symbol);
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << "Portfolio of " << pb->result.symbols.size() << " symbols ("
              << a.weights << " weights, rebalance " << a.rebalance << ")\n"
              << report::statistics_table(pb->statistics);
  }
  return 0;
}

}  // namespace nocode::cli
