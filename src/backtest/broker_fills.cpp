// Broker fill pass: triggers, fill prices, sizing, FIFO netting and trade
// settlement (backtesting.py's _process_orders, _open/_reduce/_close_trade).
#include <algorithm>
#include <limits>

#include "backtest/broker.h"
#include "backtest/py_float.h"

namespace nocode::backtest {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double or_else(double price, double fallback) { return has_price(price) ? price : fallback; }

}  // namespace

void Broker::process_queue() {
  open_ = data_.open[bar_];  // High/Low are read only by stop/limit checks
  in_fill_pass_ = true;
  bool again = true;
  while (again) {
    again = false;
    order_scratch_.clear();
    for (const Order& o : orders_)
      if (o.id != kRemovedOrder) order_scratch_.push_back(o.id);
    for (OrderId id : order_scratch_) {
      const int k = find_order(id);
      if (k >= 0 && process_one(static_cast<size_t>(k))) again = true;
    }
  }
  in_fill_pass_ = false;
  std::erase_if(orders_, [](const Order& o) { return o.id == kRemovedOrder; });
}

// Returns true when the fill added SL/TP orders that must be checked again on
// this bar.
bool Broker::process_one(size_t index) {
  Order& queued = orders_[index];
  const double stop_price = queued.stop;
  if (has_price(stop_price)) {
    const bool hit = queued.is_long() ? high() >= stop_price : low() <= stop_price;
    if (!hit) return false;
    queued.stop = kNone;  // a triggered stop becomes a market / limit order
  }
  const Order o = queued;  // the queue may change below
  const bool is_long = o.is_long();
  const bool contingent = o.is_contingent();
  double price;
  if (has_price(o.limit)) {
    const bool hit = is_long ? low() <= o.limit : high() >= o.limit;
    // Stop and limit in one bar: assume the limit was touched before the stop.
    const bool before_stop = hit && (is_long ? o.limit <= or_else(stop_price, -kInf)
                                             : o.limit >= or_else(stop_price, kInf));
    if (!hit || before_stop) return false;
    price = is_long ? std::min(or_else(stop_price, open_), o.limit)
                    : std::max(or_else(stop_price, open_), o.limit);
  } else {
    price = (trade_on_close_ && !contingent) ? data_.close[bar_ - 1] : open_;
    if (has_price(stop_price))
      price = is_long ? std::max(price, stop_price) : std::min(price, stop_price);
  }
  const bool market = !has_price(o.limit) && !has_price(stop_price);
  const int64_t time_index = static_cast<int64_t>(bar_) -
                             ((market && trade_on_close_ && !contingent) ? 1 : 0);
  if (o.parent_trade != kNoId) {
    fill_parent_order(o, price, time_index);
    return false;
  }
  return fill_entry_order(o, price, stop_price, time_index);
}

// SL / TP / close orders reduce or close their trade.
void Broker::fill_parent_order(const Order& o, double price, int64_t time_index) {
  const int t = find_trade(o.parent_trade);
  if (t >= 0) {
    const double size = std::copysign(std::min(std::fabs(trades_[t].size), std::fabs(o.size)), o.size);
    reduce_trade(static_cast<size_t>(t), price, size, time_index);
  }
  remove_order(o.id);  // bracket orders are already gone with their trade
}

bool Broker::fill_entry_order(const Order& o, double price, double stop_price,
                              int64_t time_index) {
  const double adjusted = price * (1 + signed_spread(o.size));
  const double cost_per_unit = adjusted + commission(o.size, price) / std::fabs(o.size);
  double size = o.size;
  if (-1 < size && size < 1) {
    const double units =
        py_floor_div(margin_available() * leverage_ * std::fabs(size), cost_per_unit);
    size = std::copysign(std::trunc(units), size);
    if (size == 0) {  // not enough margin for one unit: the broker cancels
      remove_order(o.id);
      return false;
    }
  }
  double need = size;
  if (!hedging_) {  // close opposite trades FIFO at the unadjusted price
    trade_scratch_.clear();
    for (const Trade& t : trades_) trade_scratch_.push_back(t.id);
    for (TradeId id : trade_scratch_) {
      const int k = find_trade(id);
      if (k < 0 || trades_[k].is_long() == o.is_long()) continue;
      const double trade_size = trades_[k].size;
      if (std::fabs(need) >= std::fabs(trade_size)) {
        close_trade_at(static_cast<size_t>(k), price, time_index);
        need += trade_size;
      } else {
        reduce_trade(static_cast<size_t>(k), price, need, time_index);
        need = 0;
      }
      if (need == 0) break;
    }
  }
  if (std::fabs(need) * cost_per_unit > margin_available() * leverage_) {
    remove_order(o.id);  // insufficient margin: the broker cancels
    return false;
  }
  bool again = false;
  if (need != 0) {
    open_trade(adjusted, need, o, time_index);
    if (has_price(o.sl) || has_price(o.tp)) {
      const bool market = !has_price(o.limit) && !has_price(stop_price);
      // A stop entry and its TP hit in one bar is unambiguous when the SL was
      // not touched (both move the same way).
      const bool stop_then_tp =
          has_price(stop_price) && !has_price(o.limit) && has_price(o.tp) &&
          (o.is_long() ? (o.tp <= high() && or_else(o.sl, -kInf) < low())
                       : (o.tp >= low() && or_else(o.sl, kInf) > high()));
      again = market || stop_then_tp;
    }
  }
  remove_order(o.id);
  return again;
}

void Broker::open_trade(double price, double size, const Order& o, int64_t time_index) {
  Trade t;
  t.id = next_id_++;
  t.size = size;
  t.entry_price = price;
  t.entry_bar = time_index;
  t.tag = o.tag;
  trades_.push_back(t);
  refresh_position();
  cash_ -= commission(size, price);
  const size_t k = trades_.size() - 1;
  if (has_price(o.tp)) set_contingent(k, OrderRole::kTakeProfit, o.tp);
  if (has_price(o.sl)) set_contingent(k, OrderRole::kStopLoss, o.sl);
}

// `size` has the opposite sign of the trade and |size| <= |trade size|.
void Broker::reduce_trade(size_t k, double price, double size, int64_t time_index) {
  const double left = trades_[k].size + size;
  if (left == 0) return close_trade_at(k, price, time_index);
  Trade& t = trades_[k];
  t.size = left;
  if (t.sl_order != kNoId) orders_[find_order(t.sl_order)].size = -left;
  if (t.tp_order != kNoId) orders_[find_order(t.tp_order)].size = -left;
  Trade piece = t;  // the closed part, without contingent orders
  piece.size = -size;
  piece.sl_order = piece.tp_order = kNoId;
  piece.sl = piece.tp = kNone;
  refresh_position();
  settle(piece, price, time_index);
}

void Broker::close_trade_at(size_t k, double price, int64_t time_index) {
  const Trade t = trades_[k];
  trades_.erase(trades_.begin() + static_cast<std::ptrdiff_t>(k));
  if (t.sl_order != kNoId) remove_order(t.sl_order);
  if (t.tp_order != kNoId) remove_order(t.tp_order);
  refresh_position();
  settle(t, price, time_index);
}

// Cash gets the trade's P&L less the exit commission (the entry commission
// was paid at entry); the record keeps both commissions on the closed size.
void Broker::settle(Trade t, double price, int64_t time_index) {
  t.exit_price = price;
  t.exit_bar = time_index;
  const double exit_commission = commission(t.size, price);
  cash_ += (t.size * (price - t.entry_price) - t.commissions) - exit_commission;
  t.commissions = exit_commission + commission(t.size, t.entry_price);
  closed_.push_back(t);
}

}  // namespace nocode::backtest
