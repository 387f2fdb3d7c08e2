// Trade: an open or closed position piece, as backtesting.py records it.
// Closed trades carry exit price/bar and the total commission (entry + exit,
// both computed on the closed size). Plain value, no thread-safety concerns.
#pragma once

#include <cmath>
#include <cstdint>

#include "backtest/order.h"

namespace nocode::backtest {

struct Trade {
  TradeId id = kNoId;
  double size = 0;          // signed whole units (negative = short)
  double entry_price = 0;   // includes the spread adjustment
  int64_t entry_bar = 0;
  double exit_price = kNone;
  int64_t exit_bar = -1;    // -1 while open
  double sl = kNone;        // stop-loss price while/when its order existed
  double tp = kNone;        // take-profit price while/when its order existed
  OrderId sl_order = kNoId;
  OrderId tp_order = kNoId;
  double commissions = 0;   // set when closed: entry + exit commission
  int32_t tag = -1;

  bool is_long() const { return size > 0; }
  bool is_closed() const { return exit_bar >= 0; }

  // Profit in cash at `price` (the exit price once closed), net of commissions.
  double pnl(double price) const { return size * (price - entry_price) - commissions; }
  double pnl() const { return pnl(exit_price); }
  // Return relative to the entry, net of commissions per unit of entry value.
  double return_pct(double price) const {
    const double gross = std::copysign(1.0, size) * (price / entry_price - 1);
    return gross - commissions / (std::fabs(size) * entry_price);
  }
  double return_pct() const { return return_pct(exit_price); }
};

}  // namespace nocode::backtest
