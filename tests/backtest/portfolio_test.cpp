// Portfolio backtests: equivalence with the single-symbol simulator, hand-
// computed two-symbol weights, rebalance schedules, missing bars, causality
// and option errors (rules in src/backtest/portfolio.h).
#include <gtest/gtest.h>

#include <cmath>

#include <filesystem>
#include <fstream>

#include "backtest/portfolio.h"
#include "backtest/simulator.h"
#include "backtest/strategy.h"
#include "backtest_test_util.h"
#include "engine/portfolio_backtest.h"
#include "support/run_command.h"
#include "support/test_data.h"
#include "workflow/document.h"

namespace nocode::backtest {
namespace {

using test::Bars;

PortfolioSymbol symbol(const std::string& name, const Bars& b, const std::vector<double>& sig) {
  PortfolioSymbol s;
  s.name = name;
  s.bars = b.view();
  s.bars.checked = true;
  s.signal = sig;
  return s;
}

// Flat bars (O = H = L = C) whose price moves between bars.
Bars flat_bars(const std::vector<double>& prices) {
  Bars b;
  for (double p : prices) b.flat(p);
  return b;
}

// Equivalence holds when: one symbol, weight 1 (equal weights, one active
// signal), rebalance on_signal, no commission, whole units, bars with
// Open == Close at fill bars (backtesting.py sizes with the equity at the
// fill bar's Close), equity/price never an exact integer (backtesting.py
// sizes with 1 - 2^-52 of the equity), and no signal at bar 0 (the
// simulator's first decision is at bar 1). Trades are then identical; the
// equity agrees to rounding (cash bookkeeping differs).
TEST(Portfolio, OneSymbolAllInEqualsSingleBacktest) {
  const std::vector<double> prices = {100, 101.3, 99.7, 103.1, 104.9, 98.2, 97.3, 99.9,
                                      102.7, 105.1, 103.3, 100.9, 99.1, 101.7, 106.3};
  const std::vector<double> sig = {0, 0, 1, 1, 1, -1, -1, 0, 0, 1, 1, -1, -1, 1, 1};
  const Bars b = flat_bars(prices);
  const size_t n = prices.size();
  std::vector<uint8_t> el(n), es(n), xl(n), xs(n);
  for (size_t i = 1; i < n; ++i) {
    el[i] = sig[i] > 0 && sig[i - 1] <= 0;
    es[i] = sig[i] < 0 && sig[i - 1] >= 0;
    xl[i] = sig[i] == 0;
    xs[i] = sig[i] == 0;
  }
  SignalStrategy strategy(Signals{el, es, xl, xs}, SignalOptions{});
  const MarketData data = b.view();
  auto single = run_backtest(data, strategy, BacktestOptions{});
  ASSERT_TRUE(single.is_ok()) << single.status().message();

  const std::vector<PortfolioSymbol> syms = {symbol("X", b, sig)};
  auto pf = run_portfolio(syms, PortfolioOptions{});
  ASSERT_TRUE(pf.is_ok()) << pf.status().message();
  ASSERT_EQ(pf->trades.size(), single->trades.size());
  ASSERT_GT(pf->trades.size(), 3u);
  for (size_t k = 0; k < pf->trades.size(); ++k) {
    const Trade &a = pf->trades[k], &e = single->trades[k];
    EXPECT_EQ(a.size, e.size) << k;
    EXPECT_EQ(a.entry_bar, e.entry_bar) << k;
    EXPECT_EQ(a.exit_bar, e.exit_bar) << k;
    EXPECT_EQ(a.entry_price, e.entry_price) << k;
    EXPECT_EQ(a.exit_price, e.exit_price) << k;
  }
  ASSERT_EQ(pf->open_trades.size(), single->open_trades.size());
  for (size_t i = 0; i < n; ++i) EXPECT_NEAR(pf->equity[i], single->equity[i], 1e-9 * single->equity[i]) << i;
}

TEST(Portfolio, TwoSymbolsEqualWeightHandComputed) {
  Bars a, b;
  a.add(50, 50, 50, 50).add(52, 53, 51, 52.5).add(54, 55, 53, 53.5).add(53, 54, 52, 55);
  b.add(40, 40, 40, 40).add(39, 40, 38, 38.5).add(41, 42, 40, 41.5).add(42, 43, 41, 40.25);
  const std::vector<double> sa = {1, 1, 1, 0}, sb = {1, 1, 1, 1};
  const std::vector<PortfolioSymbol> syms = {symbol("A", a, sa), symbol("B", b, sb)};
  auto r = run_portfolio(syms, PortfolioOptions{});
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  // Decided at bar 0 (both active: 1/2 each), filled at bar 1's Opens with
  // the equity then (all cash): A trunc(5000/52) = 96, B trunc(5000/39) = 128.
  const double ua = std::trunc(0.5 * 10000 / 52), ub = std::trunc(0.5 * 10000 / 39);
  double cash = 10000 - ua * 52 - ub * 39;
  EXPECT_EQ(r->equity[0], 10000);
  EXPECT_DOUBLE_EQ(r->equity[1], cash + ua * 52.5 + ub * 38.5);
  EXPECT_DOUBLE_EQ(r->equity[2], cash + ua * 53.5 + ub * 41.5);
  // Bar 3: nothing changed at bar 1 or 2 (on_signal), so no fill at bar 3.
  EXPECT_EQ(r->positions[0][3], ua);
  EXPECT_EQ(r->positions[1][3], ub);
  EXPECT_DOUBLE_EQ(r->equity[3], cash + ua * 55 + ub * 40.25);
  EXPECT_TRUE(r->trades.empty());
  EXPECT_EQ(r->open_trades.size(), 2u);
  const Statistics st = portfolio_statistics(*r);
  EXPECT_DOUBLE_EQ(st.find("Return [%]")->number, (r->equity[3] - 10000) / 10000 * 100);
  // Basket: mean of Close/first Close.
  EXPECT_DOUBLE_EQ(st.find("Buy & Hold Return [%]")->number, ((55 / 50.0 + 40.25 / 40.0) / 2 - 1) * 100);
}

TEST(Portfolio, SignalWeightsAndShortsAndCommission) {
  const Bars a = flat_bars({10, 10, 10}), b = flat_bars({20, 20, 20});
  const std::vector<double> sa = {3, 3, 3}, sb = {-1, -1, -1};
  const std::vector<PortfolioSymbol> syms = {symbol("A", a, sa), symbol("B", b, sb)};
  PortfolioOptions o;
  o.weights = PortfolioWeights::kSignal;
  o.commission = 0.01;
  auto r = run_portfolio(syms, o);
  ASSERT_TRUE(r.is_ok());
  // Weights 3/4 and -1/4; units = w * 10000 / (price * 1.01), toward zero.
  const double ua = std::trunc(0.75 * 10000 / (10 * 1.01)), ub = std::trunc(-0.25 * 10000 / (20 * 1.01));
  EXPECT_EQ(r->positions[0][1], ua);
  EXPECT_EQ(r->positions[1][1], ub);
  // Sells first (B short brings cash), then A's buy; fees 1% of traded value.
  const double cash = 10000 - ub * 20 - std::abs(ub) * 20 * 0.01 - ua * 10 - ua * 10 * 0.01;
  EXPECT_NEAR(r->final_cash, cash, 1e-9);
}

std::vector<size_t> fill_bars(const PortfolioResult& r, size_t s) {
  std::vector<size_t> out;
  for (size_t u = 1; u < r.timestamps.size(); ++u)
    if (r.positions[s][u] != r.positions[s][u - 1]) out.push_back(u);
  return out;
}

TEST(Portfolio, RebalanceSchedules) {
  // Equal weights, constant signals; A rises while B stays: every rebalance
  // moves value from A to B.
  std::vector<double> prices;
  for (int i = 0; i < 9; ++i) prices.push_back(100 + 7.3 * i);
  const Bars a = flat_bars(prices);
  const Bars b = flat_bars(std::vector<double>(prices.size(), 10.0));
  const std::vector<double> sig(prices.size(), 1.0);
  const std::vector<PortfolioSymbol> syms = {symbol("A", a, sig), symbol("B", b, sig)};
  PortfolioOptions o;
  auto on_signal = run_portfolio(syms, o);
  ASSERT_TRUE(on_signal.is_ok());
  EXPECT_EQ(fill_bars(*on_signal, 0), (std::vector<size_t>{1}));  // decided at bar 0 only
  o.rebalance = PortfolioRebalance::kEveryNBars;
  o.every_n_bars = 3;
  auto every3 = run_portfolio(syms, o);
  ASSERT_TRUE(every3.is_ok());
  EXPECT_EQ(fill_bars(*every3, 0), (std::vector<size_t>{1, 4, 7}));  // decided at 0, 3, 6
  EXPECT_EQ(fill_bars(*every3, 1), (std::vector<size_t>{1, 4, 7}));
  o.rebalance = PortfolioRebalance::kWeekly;  // daily bars from Monday 2021-01-04
  auto weekly = run_portfolio(syms, o);
  ASSERT_TRUE(weekly.is_ok());
  EXPECT_EQ(fill_bars(*weekly, 0), (std::vector<size_t>{1, 8}));  // decided Mon 0, Mon 7
  o.rebalance = PortfolioRebalance::kDaily;
  auto daily = run_portfolio(syms, o);
  ASSERT_TRUE(daily.is_ok());
  EXPECT_EQ(fill_bars(*daily, 0), (std::vector<size_t>{1, 2, 3, 4, 5, 6, 7, 8}));
  // The units after a rebalance follow the definition: trunc(w * E / Open).
  const auto& r = *every3;
  const double e3 = r.equity[3];
  EXPECT_EQ(r.positions[0][4], std::trunc(0.5 * (e3 - r.positions[0][3] * prices[3] +
                                                 r.positions[0][3] * prices[4]) / prices[4]));
  PortfolioOptions parsed;
  ASSERT_TRUE(parse_portfolio_rebalance("monthly", parsed).is_ok());
  EXPECT_EQ(parsed.rebalance, PortfolioRebalance::kMonthly);
  ASSERT_TRUE(parse_portfolio_rebalance("5", parsed).is_ok());
  EXPECT_EQ(parsed.every_n_bars, 5u);
}

TEST(Portfolio, MissingBarsKeepLastCloseAndDelayFills) {
  Bars a = flat_bars({10, 11, 12, 13, 14});
  Bars b;  // no bar at day 2
  for (size_t i : {0u, 1u, 3u, 4u}) {
    b.ts.push_back(a.ts[i]);
    for (auto* v : {&b.open, &b.high, &b.low, &b.close}) v->push_back(20.0 + i);
  }
  const std::vector<double> sa = {0, 0, 0, 0, 0}, sb = {0, 1, 1, 1};
  const std::vector<PortfolioSymbol> syms = {symbol("A", a, sa), symbol("B", b, sb)};
  auto r = run_portfolio(syms, PortfolioOptions{});
  ASSERT_TRUE(r.is_ok());
  ASSERT_EQ(r->timestamps.size(), 5u);
  // B's signal turns on at union bar 1; its next bar is union bar 3.
  EXPECT_EQ(r->positions[1][2], 0);
  const double units = std::trunc(10000 / 23.0);
  EXPECT_EQ(r->positions[1][3], units);
  EXPECT_TRUE(std::isnan(r->closes[1][2]));
  EXPECT_DOUBLE_EQ(r->equity[4], 10000 - units * 23 + units * 24);
}

TEST(Portfolio, ChangingAFutureBarNeverChangesPastEquity) {
  std::vector<double> pa = {10, 11, 9, 12, 13, 12, 14, 15}, pb = {30, 29, 31, 28, 27, 30, 31, 29};
  const std::vector<double> sa = {1, 1, -1, -1, 1, 0, 1, 1}, sb = {1, -1, -1, 1, 1, 1, 0, 1};
  const Bars a1 = flat_bars(pa), b1 = flat_bars(pb);
  auto base = run_portfolio(std::vector<PortfolioSymbol>{symbol("A", a1, sa), symbol("B", b1, sb)}, PortfolioOptions{});
  ASSERT_TRUE(base.is_ok());
  for (size_t k = 1; k < pa.size(); ++k) {
    Bars a2 = a1;
    a2.open[k] *= 1.5;
    a2.close[k] *= 0.7;
    a2.high[k] = std::max(a2.open[k], a2.close[k]);
    a2.low[k] = std::min(a2.open[k], a2.close[k]);
    std::vector<double> sa2 = sa;
    sa2[k] = -sa2[k] + 0.5;
    auto r = run_portfolio(std::vector<PortfolioSymbol>{symbol("A", a2, sa2), symbol("B", b1, sb)}, PortfolioOptions{});
    ASSERT_TRUE(r.is_ok());
    for (size_t u = 0; u < k; ++u) EXPECT_EQ(r->equity[u], base->equity[u]) << "changed bar " << k << ", bar " << u;
  }
}

TEST(Portfolio, BadOptionsNameTheField) {
  const Bars a = flat_bars({10, 11});
  const std::vector<double> sa = {1, 1};
  const std::vector<PortfolioSymbol> syms = {symbol("A", a, sa)};
  const auto message = [&](PortfolioOptions o) { return run_portfolio(syms, o).status().message(); };
  PortfolioOptions o;
  o.cash = 0;
  EXPECT_NE(message(o).find("'cash'"), std::string::npos);
  o = {};
  o.commission = 0.5;
  EXPECT_NE(message(o).find("'commission'"), std::string::npos);
  o = {};
  o.commission_fixed = -1;
  EXPECT_NE(message(o).find("'commission_fixed'"), std::string::npos);
  o = {};
  o.rebalance = PortfolioRebalance::kEveryNBars;
  EXPECT_NE(message(o).find("'every_n_bars'"), std::string::npos);
  EXPECT_NE(parse_portfolio_weights("cap", o).message().find("'weights'"), std::string::npos);
  EXPECT_NE(parse_portfolio_rebalance("0", o).message().find("'rebalance'"), std::string::npos);
  const std::vector<double> short_sig = {1};
  EXPECT_NE(run_portfolio(std::vector<PortfolioSymbol>{symbol("A", a, short_sig)}, PortfolioOptions{})
                .status().message().find("'A'"),
            std::string::npos);
  EXPECT_FALSE(run_portfolio(std::vector<PortfolioSymbol>{}, PortfolioOptions{}).is_ok());
}

// The workflow glue: sma_cross.json on two symbols of a data dir (GOOG and a
// copy of it with prices reversed in time, so the decisions differ).
TEST(PortfolioBacktest, RunsTheWorkflowPerSymbol) {
  namespace fs = std::filesystem;
  const std::string dir = testing::make_temp_dir();
  fs::copy_file(testing::source_dir() + "/examples/data/GOOG.csv", dir + "/GOOG.csv");
  {
    std::ifstream in(dir + "/GOOG.csv");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::ofstream out(dir + "/REV.csv");
    out << lines[0] << "\n";
    for (size_t k = 1; k < lines.size(); ++k) {  // dates kept, price rows reversed
      const std::string date = lines[k].substr(0, lines[k].find(','));
      const std::string& row = lines[lines.size() - k];
      out << date << row.substr(row.find(',')) << "\n";
    }
  }
  workflow::Diagnostics diags;
  auto doc = workflow::load_document(testing::source_dir() + "/examples/workflows/sma_cross.json", diags);
  ASSERT_TRUE(doc.is_ok()) << doc.status().message();
  engine::NodeCache cache;
  engine::Engine eng(cache);
  engine::PortfolioBacktestOptions o;
  auto symbols = engine::parse_symbol_list("GOOG, REV");
  ASSERT_TRUE(symbols.is_ok());
  o.symbols = *symbols;
  o.backtest.run.data.data_dir = dir;
  auto r = engine::run_portfolio_backtest(eng, *doc, o);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  ASSERT_EQ(r->signals.size(), 2u);
  ASSERT_EQ(r->symbol_statistics.size(), 2u);
  EXPECT_EQ(r->result.symbols, (std::vector<std::string>{"GOOG", "REV"}));
  EXPECT_NE(r->signals[0], r->signals[1]);
  // SmaCross is always in the market after its first cross: both signals
  // are +-1 from some bar on, and the portfolio trades both symbols.
  size_t traded[2] = {0, 0};
  for (size_t k = 0; k < r->result.trades.size(); ++k) ++traded[r->result.trade_symbol[k]];
  EXPECT_GT(traded[0], 10u);
  EXPECT_GT(traded[1], 10u);
  EXPECT_EQ(r->result.equity.front(), 10000);
  EXPECT_NE(r->statistics.find("Sharpe Ratio"), nullptr);
  // One symbol: the portfolio makes the single run's round trips.
  o.symbols = {"GOOG"};
  auto one = engine::run_portfolio_backtest(eng, *doc, o);
  ASSERT_TRUE(one.is_ok()) << one.status().message();
  EXPECT_EQ(one->statistics.find("# Trades")->number, one->symbol_statistics[0].find("# Trades")->number);
  // Errors name the symbol or the flag.
  o.symbols = {"GOOG", "NOPE"};
  auto missing = engine::run_portfolio_backtest(eng, *doc, o);
  ASSERT_FALSE(missing.is_ok());
  EXPECT_NE(missing.status().message().find("NOPE"), std::string::npos) << missing.status().message();
  EXPECT_FALSE(engine::parse_symbol_list("A,,B").is_ok());
  EXPECT_NE(engine::parse_symbol_list("A,A").status().message().find("--portfolio"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace nocode::backtest
