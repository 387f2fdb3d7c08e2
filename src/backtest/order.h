// Order: one pending instruction in the broker's queue, and OrderRequest, what
// a strategy asks for. Semantics follow backtesting.py:
//  - size: 0 < |size| < 1 is a fraction of available margin (kAllIn, the
//    default, is 1 - 2^-52: "all in"); |size| >= 1 is a whole number of units.
//    Negative = short.
//  - market (no limit, no stop): fills at the next bar's open (or this bar's
//    close with trade_on_close);
//  - limit: fills when the bar trades through the limit, at the limit or at a
//    better open (gap);
//  - stop: becomes a market order (stop-limit: a limit order) once the bar
//    reaches the stop; fills at the stop or a worse open (gap);
//  - sl / tp attach contingent stop-loss / take-profit orders to the trade the
//    order opens.
// Absent prices are NaN. Plain values, no thread-safety concerns.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace nocode::backtest {

inline constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
// backtesting.py's default order size: 1 - machine epsilon of all margin.
inline constexpr double kAllIn = 1.0 - std::numeric_limits<double>::epsilon();

inline bool has_price(double p) { return !std::isnan(p); }

using OrderId = int64_t;
using TradeId = int64_t;
inline constexpr int64_t kNoId = -1;

// What a strategy passes to Broker::buy / Broker::sell. size is positive;
// sell() makes it short.
struct OrderRequest {
  double size = kAllIn;   // fraction in (0, 1) or whole units >= 1
  double limit = kNone;   // limit price
  double stop = kNone;    // stop (trigger) price
  double sl = kNone;      // stop-loss price for the resulting trade
  double tp = kNone;      // take-profit price for the resulting trade
  int32_t tag = -1;       // user tag copied to the trade
};

enum class OrderRole : uint8_t {
  kEntry,      // stand-alone order: opens (or FIFO-reduces) trades
  kStopLoss,   // contingent SL of parent_trade
  kTakeProfit, // contingent TP of parent_trade
  kClose,      // Trade::close / position close order of parent_trade
};

struct Order {
  OrderId id = kNoId;
  double size = 0;        // signed; fraction or units (see above)
  double limit = kNone;
  double stop = kNone;    // cleared once triggered
  double sl = kNone;
  double tp = kNone;
  TradeId parent_trade = kNoId;  // for kStopLoss / kTakeProfit / kClose
  OrderRole role = OrderRole::kEntry;
  int32_t tag = -1;

  bool is_long() const { return size > 0; }
  bool is_contingent() const {
    return role == OrderRole::kStopLoss || role == OrderRole::kTakeProfit;
  }
};

}  // namespace nocode::backtest
