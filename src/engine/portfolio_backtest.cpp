// Portfolio backtest of a workflow: one compiled run per symbol, positions
// turned into target signals, then the portfolio simulator.
#include "engine/portfolio_backtest.h"

#include <algorithm>
#include <memory>

#include "backtest/market_data.h"
#include "common/strings.h"

namespace nocode::engine {
namespace {

// The document with every dataSource's symbol replaced.
Result<workflow::Document> for_symbol(const workflow::Document& doc, const std::string& symbol) {
  workflow::Document copy = doc;
  size_t replaced = 0;
  for (workflow::Node& node : copy.nodes) {
    if (node.type != "dataSource") continue;
    node.params["symbol"] = symbol;
    ++replaced;
  }
  if (replaced == 0)
    return Status::invalid_argument("--portfolio: the workflow has no dataSource node whose symbol could be replaced");
  return copy;
}

// Target signal from the run's trades: sign of the position held at the
// close of bar t+1 (see the header).
std::vector<double> signal_from_trades(const backtest::BacktestResult& r, size_t bars) {
  std::vector<double> held(bars + 1, 0.0);  // difference array of positions
  const auto add = [&](const backtest::Trade& t, int64_t end) {
    const int64_t from = std::max<int64_t>(t.entry_bar, 0);
    if (from >= end) return;
    held[static_cast<size_t>(from)] += t.size;
    held[static_cast<size_t>(end)] -= t.size;
  };
  for (const backtest::Trade& t : r.trades) add(t, std::min<int64_t>(t.exit_bar, static_cast<int64_t>(bars)));
  for (const backtest::Trade& t : r.open_trades) add(t, static_cast<int64_t>(bars));
  std::vector<double> signal(bars, 0.0);
  double pos = 0;
  for (size_t k = 0; k < bars; ++k) {
    pos += held[k];  // position at the close of bar k
    if (k > 0) signal[k - 1] = pos > 0 ? 1.0 : (pos < 0 ? -1.0 : 0.0);
  }
  if (bars > 0) signal[bars - 1] = bars > 1 ? signal[bars - 2] : 0.0;  // nothing left to fill
  return signal;
}

}  // namespace

Result<std::vector<std::string>> parse_symbol_list(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    std::string sym = text.substr(start, comma - start);
    sym.erase(0, sym.find_first_not_of(" \t"));
    sym.erase(sym.find_last_not_of(" \t") + 1);
    if (sym.empty()) return Status::invalid_argument("--portfolio: empty symbol in '" + text + "'");
    if (std::find(out.begin(), out.end(), sym) != out.end())
      return Status::invalid_argument("--portfolio: symbol '" + sym + "' given twice");
    out.push_back(sym);
    start = comma + 1;
  }
  return out;
}

Result<PortfolioBacktest> run_portfolio_backtest(const Engine& engine, const workflow::Document& doc,
                                                 const PortfolioBacktestOptions& options) {
  if (options.symbols.empty()) return Status::invalid_argument("--portfolio: no symbols");
  NOCODE_RETURN_IF_ERROR(backtest::validate(options.portfolio));
  PortfolioBacktest out;
  std::vector<std::shared_ptr<const Frame>> frames;  // keep the bars alive
  std::vector<backtest::PortfolioSymbol> symbols;
  for (const std::string& sym : options.symbols) {
    auto copy = for_symbol(doc, sym);
    if (!copy.is_ok()) return copy.status();
    const workflow::Plan plan = workflow::compile(*copy, options.compile);
    if (!plan.ok()) {
      for (const workflow::Diagnostic& d : plan.diagnostics.all())
        if (d.severity == workflow::Severity::kError)
          return Status::invalid_argument("symbol '" + sym + "': " + workflow::to_string(d));
    }
    auto run = backtest_plan(engine, plan, options.backtest);
    if (!run.is_ok()) return run.status().with_context("symbol '" + sym + "'");
    frames.push_back(run->bars);
    auto data = backtest::MarketData::from_frame(*run->bars);
    if (!data.is_ok()) return data.status().with_context("symbol '" + sym + "'");
    out.signals.push_back(signal_from_trades(run->result, data->size));
    out.symbol_statistics.push_back(std::move(run->statistics));
    backtest::PortfolioSymbol ps;
    ps.name = sym;
    ps.bars = *data;
    symbols.push_back(ps);
  }
  for (size_t s = 0; s < symbols.size(); ++s) symbols[s].signal = out.signals[s];
  auto result = backtest::run_portfolio(symbols, options.portfolio);
  if (!result.is_ok()) return result.status();
  out.result = std::move(*result);
  out.statistics = backtest::portfolio_statistics(out.result);
  return out;
}

}  // namespace nocode::engine
