// BacktestOptions: the broker and run settings of one backtest, with
// backtesting.py's defaults and meanings, validated once before a run.
//
// A plain value; validate() is a pure function (thread-safe).
#pragma once

#include "common/status.h"

namespace nocode::backtest {

struct BacktestOptions {
  // Initial cash; must be > 0.
  double cash = 10000.0;
  // Relative commission per fill (entry and exit each), e.g. 0.002 = 0.2%.
  // In [-0.1, 0.1); negative values are market-maker rebates.
  double commission = 0.0;
  // Fixed commission in cash per fill (entry and exit each); >= 0.
  double commission_fixed = 0.0;
  // Bid-ask spread (or slippage) in basis points of the price, >= 0. Longs
  // enter at price*(1+spread), shorts at price*(1-spread); exits are at the
  // raw price (backtesting.py's `spread`, here given in bps: 2 bps = 0.0002).
  double spread_bps = 0.0;
  // Required margin ratio in (0, 1]; leverage = 1/margin.
  double margin = 1.0;
  // Market orders fill at the close of the bar they were placed on (instead
  // of the next bar's open).
  bool trade_on_close = false;
  // Allow long and short trades at the same time; without it an order first
  // closes opposite trades FIFO.
  bool hedging = false;
  // Each new order cancels pending non-contingent orders and closes open
  // trades first (at most one trade at a time).
  bool exclusive_orders = false;
  // Close trades still open at the end with one more fill pass on the last
  // bar, so they count in the statistics.
  bool finalize_trades = false;
};

// Checks every field; the error names the field and the accepted range.
Status validate(const BacktestOptions& options);

}  // namespace nocode::backtest
