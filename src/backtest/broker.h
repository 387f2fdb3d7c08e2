// Broker: the order queue, fills, sizing, commission and margin of one
// backtest, with backtesting.py's exact semantics (see docs/backtest.md):
//  - orders are processed in queue order once per bar, against that bar's
//    Open/High/Low (market orders at Open, or the previous Close with
//    trade_on_close); gaps fill at Open; an SL stop is queued first, a TP
//    last, so an SL and TP hit in the same bar resolve as the SL;
//  - fractional sizes become whole units: floor(margin_available * leverage *
//    |size| / (P*(1±spread) + commission(P)/|size|));
//  - without hedging, an order first closes opposite trades FIFO;
//  - an order that cannot be covered by margin is cancelled;
//  - commission (fixed + |size|*price*rate) is charged on entry and on exit;
//    cash changes only by P&L and fees.
// A Broker is used by one thread; the per-bar path does not allocate once its
// scratch buffers have grown (they start with room for 16 orders/trades).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "backtest/market_data.h"
#include "backtest/options.h"
#include "backtest/order.h"
#include "backtest/trade.h"
#include "common/status.h"

namespace nocode::backtest {

class Broker {
 public:
  // `options` must have passed validate(); `data` must outlive the broker.
  Broker(const BacktestOptions& options, const MarketData& data);

  // ---- Strategy API (call from Strategy::next) ----
  // Place a long / short order (request.size is positive). Returns the order
  // id, or kNoId after recording an error (see error()) for an invalid size
  // or SL/limit/TP ordering; the simulator then stops with that error.
  OrderId buy(const OrderRequest& request) { return new_order(request, +1); }
  OrderId sell(const OrderRequest& request) { return new_order(request, -1); }
  // Queue close orders for `portion` (0, 1] of every open trade (filled at
  // the next fill pass, before other orders).
  void close_position(double portion = 1.0);
  // Queue a close order for `portion` of the open trade with this id.
  void close_trade(TradeId id, double portion = 1.0);
  // Set / replace / clear (NaN) the SL or TP of an open trade.
  void set_stop_loss(TradeId id, double price);
  void set_take_profit(TradeId id, double price);
  // Remove a pending order (no-op if it is gone).
  void cancel_order(OrderId id);

  double position_size() const { return position_size_; }  // signed units
  // Σ size * entry_price over open trades (equity = cash + Close*size - this).
  double position_entry_value() const { return position_entry_value_; }
  double cash() const { return cash_; }
  double equity() const { return cash_ + (last_close_ * position_size_ - position_entry_value_); }
  double margin_available() const;
  size_t bar() const { return bar_; }
  std::span<const Trade> trades() const { return trades_; }        // open, FIFO order
  std::span<const Order> orders() const { return orders_; }        // queue order
  const std::vector<Trade>& closed_trades() const { return closed_; }

  // ---- Engine API (used by the simulator) ----
  void begin_bar(size_t i) {  // makes bar i current (O/H/L are read on demand)
    bar_ = i;
    last_close_ = data_.close[i];
  }
  // One fill pass (repeated when a fill added SL/TP orders to check).
  void process_orders() {
    if (!orders_.empty()) process_queue();
  }
  void close_all_for_finalize();  // queue close orders for all trades
  void close_out_of_money();  // equity <= 0: close at Close, cash = 0
  const Status& error() const { return error_; }
  std::vector<Trade>&& take_closed_trades() { return std::move(closed_); }

 private:
  void process_queue();
  OrderId new_order(const OrderRequest& request, int sign);
  Order& enqueue(bool front);  // a new order with its id, at the front or back
  bool process_one(size_t index);
  void fill_parent_order(const Order& order, double price, int64_t time_index);
  bool fill_entry_order(const Order& order, double price, double stop_price, int64_t time_index);
  void open_trade(double price, double size, const Order& order, int64_t time_index);
  void set_contingent(size_t trade_index, OrderRole role, double price);
  void reduce_trade(size_t trade_index, double price, double size, int64_t time_index);
  void close_trade_at(size_t trade_index, double price, int64_t time_index);
  void settle(Trade trade, double price, int64_t time_index);
  void remove_order(OrderId id);
  int find_order(OrderId id) const;
  int find_trade(TradeId id) const;
  void refresh_position();
  double commission(double size, double price) const {
    return commission_fixed_ + std::fabs(size) * price * commission_rate_;
  }
  // copysign(spread_, size) for size != 0 and spread_ >= 0 (validated), as a
  // select: GCC's copysign reloaded a spilled `size` with a wider load than
  // its store, a stalled store-to-load forward on every order.
  double signed_spread(double size) const { return size > 0 ? spread_ : -spread_; }
  void fail(std::string message);
  double high() const { return data_.high[bar_]; }
  double low() const { return data_.low[bar_]; }

  MarketData data_;
  double commission_rate_, commission_fixed_, spread_, leverage_;
  bool trade_on_close_, hedging_, exclusive_orders_;
  double cash_;
  size_t bar_ = 0;
  double open_ = 0, last_close_ = 0;
  double position_size_ = 0;          // sum of trade sizes
  double position_entry_value_ = 0;   // sum of size * entry_price, in trade order
  int64_t next_id_ = 0;
  static constexpr OrderId kRemovedOrder = -2;  // a slot removed during a fill pass
  bool in_fill_pass_ = false;
  std::vector<Order> orders_;
  std::vector<Trade> trades_;
  std::vector<Trade> closed_;
  std::vector<OrderId> order_scratch_;
  std::vector<TradeId> trade_scratch_;
  Status error_;
};

}  // namespace nocode::backtest
