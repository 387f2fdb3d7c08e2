// Portfolio backtest: N symbols, each with its own bars and a per-bar target
// signal (> 0 long, < 0 short, 0 flat; the magnitude is the strength), on the
// union of their timelines. backtesting.py has no portfolios; the rules are
// ours (docs/backtest.md, "Portfolios"):
//  - at the close of union bar u a rebalance may be due (options.rebalance);
//    each symbol's signal is its last one at or before u; weights go to the
//    active symbols (signal != 0; long_only: > 0): `equal` gives each
//    sign(signal)/N_active, `signal` gives signal/Σ|signal|;
//  - each symbol's order fills at the Open of its next bar after u (no
//    look-ahead); the units are sized then, from the equity marked at that
//    moment (filling symbols at their Open, others at their last Close):
//    target = weight * equity / (Open * (1 + commission)), whole units
//    (toward zero) unless `fractional`; sells fill before buys and a buy is
//    cut to the cash available;
//  - a symbol without a bar at some time keeps its last Close and cannot trade.
// Trades are FIFO lots per symbol, as backtesting.py records them (a
// reduction closes the oldest lots, partially if needed); their bars index
// the union timeline.
// Thread-safety: run_portfolio is reentrant (no shared state).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "backtest/market_data.h"
#include "backtest/statistics.h"
#include "backtest/trade.h"
#include "common/status.h"

namespace nocode::backtest {

enum class PortfolioWeights { kEqual, kSignal };
enum class PortfolioRebalance { kOnSignal, kDaily, kWeekly, kMonthly, kEveryNBars };

struct PortfolioOptions {
  double cash = 10000.0;          // initial cash, > 0
  PortfolioWeights weights = PortfolioWeights::kEqual;
  // kOnSignal: when some symbol's signal changes (and at the first bar);
  // kDaily/kWeekly/kMonthly: at the first union bar of each calendar day,
  // week (Monday-Sunday, UTC) or month, and at the first bar;
  // kEveryNBars: at union bars 0, N, 2N, ...
  PortfolioRebalance rebalance = PortfolioRebalance::kOnSignal;
  size_t every_n_bars = 0;        // N for kEveryNBars, >= 1 (ignored otherwise)
  double commission = 0.0;        // per fill, relative, in [0, 0.1)
  double commission_fixed = 0.0;  // per fill, cash, >= 0
  bool long_only = false;         // negative signals count as flat
  bool fractional = false;        // fractional units instead of whole ones
};

// Errors name the field and the accepted range.
Status validate(const PortfolioOptions& options);

// Parses "equal" | "signal" and "on_signal" | "daily" | "weekly" |
// "monthly" | "N" (every N bars, N >= 1) into `options`.
Status parse_portfolio_weights(const std::string& text, PortfolioOptions& options);
Status parse_portfolio_rebalance(const std::string& text, PortfolioOptions& options);

struct PortfolioSymbol {
  std::string name;
  MarketData bars;                 // checked (MarketData::make / from_frame)
  std::span<const double> signal;  // one per bar of `bars`; NaN counts as 0
};

struct PortfolioResult {
  std::vector<std::string> symbols;
  std::vector<int64_t> timestamps;             // union timeline
  std::vector<double> equity;                  // per union bar, at the closes
  std::vector<std::vector<double>> positions;  // [symbol][union bar] units held at the close
  std::vector<std::vector<double>> closes;     // [symbol][union bar] Close, NaN without a bar
  std::vector<Trade> trades;                   // closed lots, in closing order
  std::vector<size_t> trade_symbol;            // symbol index of each closed lot
  std::vector<Trade> open_trades;              // lots still open at the end
  std::vector<size_t> open_trade_symbol;
  double final_cash = 0;
};

// Errors: invalid options, no symbols, a symbol with no bars, unchecked bars
// (names the symbol and row), a signal of the wrong length.
Result<PortfolioResult> run_portfolio(std::span<const PortfolioSymbol> symbols,
                                      const PortfolioOptions& options);

// compute_statistics' definitions on the portfolio: equity-based ones on the
// portfolio's equity, trade-based ones over the closed lots of all symbols.
// Buy & Hold and Beta use an equal-weight basket: the mean over symbols of
// Close / first Close (Close carried forward; 1 before a symbol's first bar).
Statistics portfolio_statistics(const PortfolioResult& result);

}  // namespace nocode::backtest
