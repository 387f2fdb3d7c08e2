// Broker: order processing as backtesting.py's _Broker does it. Comments name
// the rule; the order of floating-point operations is deliberate (results must
// match backtesting.py bit for bit).
#include "backtest/broker.h"

#include <algorithm>
#include <limits>

#include "backtest/py_float.h"
#include "common/strings.h"
#include "data/frame.h"

namespace nocode::backtest {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double or_else(double price, double fallback) { return has_price(price) ? price : fallback; }

}  // namespace

Broker::Broker(const BacktestOptions& o, const MarketData& data)
    : data_(data),
      commission_rate_(o.commission),
      commission_fixed_(o.commission_fixed),
      spread_(o.spread_bps / 10000.0),
      leverage_(1.0 / o.margin),
      trade_on_close_(o.trade_on_close),
      hedging_(o.hedging),
      exclusive_orders_(o.exclusive_orders),
      cash_(o.cash) {
  orders_.reserve(16);
  trades_.reserve(16);
  order_scratch_.reserve(16);
  trade_scratch_.reserve(16);
}

void Broker::fail(std::string message) {
  if (!error_.is_ok()) return;
  error_ = Status::invalid_argument("bar " + std::to_string(bar_) + " (" +
                                    format_timestamp(data_.timestamps[bar_]) + "): " + message);
}

double Broker::margin_available() const {
  double used = 0;
  for (const Trade& t : trades_) used += std::fabs(t.size) * last_close_ / leverage_;
  const double free = equity() - used;
  return free > 0 ? free : 0.0;
}

int Broker::find_order(OrderId id) const {
  for (size_t k = 0; k < orders_.size(); ++k)
    if (orders_[k].id == id) return static_cast<int>(k);
  return -1;
}

int Broker::find_trade(TradeId id) const {
  for (size_t k = 0; k < trades_.size(); ++k)
    if (trades_[k].id == id) return static_cast<int>(k);
  return -1;
}

void Broker::remove_order(OrderId id) {
  const int k = find_order(id);
  if (k < 0) return;
  // During a fill pass the slot is only marked (compacted when the pass
  // ends): shifting the queue made the next order's copy wait on the move.
  if (in_fill_pass_) orders_[k].id = kRemovedOrder;
  else orders_.erase(orders_.begin() + k);
}

void Broker::refresh_position() {
  double size = 0, value = 0;
  for (const Trade& t : trades_) {
    size += t.size;
    value += t.size * t.entry_price;
  }
  position_size_ = size;
  position_entry_value_ = value;
}

// The order is built in its queue slot: building it on the stack and copying
// it in made the copy's wide loads wait on the narrow stores just made.
// (The next fill's Open line is prefetched by the simulator's quiet loop.)
Order& Broker::enqueue(bool front) {
  Order& order = front ? *orders_.emplace(orders_.begin()) : orders_.emplace_back();
  order.id = next_id_++;
  return order;
}

// ---- Strategy API ----

OrderId Broker::new_order(const OrderRequest& r, int sign) {
  if (!error_.is_ok()) return kNoId;
  const bool fraction = r.size > 0 && r.size < 1;
  const bool units = r.size >= 1 && std::isfinite(r.size) && r.size == std::nearbyint(r.size);
  if (!fraction && !units) {
    fail("order size must be a fraction in (0, 1) or a whole number of units >= 1, got " +
         format_double(r.size));
    return kNoId;
  }
  const double prices[] = {r.limit, r.stop, r.sl, r.tp};
  const char* names[] = {"limit", "stop", "sl", "tp"};
  for (int k = 0; k < 4; ++k) {
    if (has_price(prices[k]) && !(std::isfinite(prices[k]) && prices[k] > 0)) {
      fail(std::string("order ") + names[k] + " price must be finite and > 0, got " +
           format_double(prices[k]));
      return kNoId;
    }
  }
  const double size = sign * r.size;
  const double adjusted = last_close_ * (1 + signed_spread(size));
  const double ref = or_else(r.limit, or_else(r.stop, adjusted));
  const bool ok = size > 0 ? (or_else(r.sl, -kInf) < ref && ref < or_else(r.tp, kInf))
                           : (or_else(r.tp, -kInf) < ref && ref < or_else(r.sl, kInf));
  if (!ok) {
    fail(std::string(size > 0 ? "long orders require SL < price < TP"
                              : "short orders require TP < price < SL") +
         ", got SL " + format_double(r.sl) + ", price " + format_double(ref) + ", TP " +
         format_double(r.tp));
    return kNoId;
  }
  if (exclusive_orders_) {
    // As backtesting.py iterates a list it removes from, every other pending
    // non-contingent order survives when several are queued.
    for (size_t k = 0; k < orders_.size(); ++k)
      if (!orders_[k].is_contingent()) cancel_order(orders_[k].id);
    for (size_t k = 0; k < trades_.size(); ++k) close_trade(trades_[k].id, 1.0);
  }
  Order& order = enqueue(false);
  order.size = size;
  order.limit = r.limit;
  order.stop = r.stop;
  order.sl = r.sl;
  order.tp = r.tp;
  order.tag = r.tag;
  return order.id;
}

void Broker::close_position(double portion) {
  for (size_t k = 0; k < trades_.size(); ++k) close_trade(trades_[k].id, portion);
}

void Broker::close_trade(TradeId id, double portion) {
  if (!(portion > 0 && portion <= 1)) {
    fail("close portion must be in (0, 1], got " + format_double(portion));
    return;
  }
  const int k = find_trade(id);
  if (k < 0) return;
  const Trade& t = trades_[k];
  Order& order = enqueue(true);
  order.size = std::copysign(std::max(1.0, std::nearbyint(std::fabs(t.size) * portion)), -t.size);
  order.parent_trade = t.id;
  order.role = OrderRole::kClose;
  order.tag = t.tag;
}

void Broker::set_stop_loss(TradeId id, double price) {
  const int k = find_trade(id);
  if (k < 0) return;
  if (has_price(price) && !(std::isfinite(price) && price > 0))
    return fail("stop-loss price must be finite and > 0, got " + format_double(price));
  set_contingent(static_cast<size_t>(k), OrderRole::kStopLoss, price);
}

void Broker::set_take_profit(TradeId id, double price) {
  const int k = find_trade(id);
  if (k < 0) return;
  if (has_price(price) && !(std::isfinite(price) && price > 0))
    return fail("take-profit price must be finite and > 0, got " + format_double(price));
  set_contingent(static_cast<size_t>(k), OrderRole::kTakeProfit, price);
}

void Broker::cancel_order(OrderId id) {
  const int k = find_order(id);
  if (k < 0) return;
  const Order& o = orders_[k];
  if (o.is_contingent()) {
    const int t = find_trade(o.parent_trade);
    if (t >= 0 && o.role == OrderRole::kStopLoss) {
      trades_[t].sl_order = kNoId;
      trades_[t].sl = kNone;
    } else if (t >= 0) {
      trades_[t].tp_order = kNoId;
      trades_[t].tp = kNone;
    }
  }
  remove_order(id);
}

// SL orders go to the front of the queue (processed first), TP to the back.
void Broker::set_contingent(size_t ti, OrderRole role, double price) {
  const bool sl = role == OrderRole::kStopLoss;
  OrderId& slot = sl ? trades_[ti].sl_order : trades_[ti].tp_order;
  if (slot != kNoId) {
    remove_order(slot);
    slot = kNoId;
    (sl ? trades_[ti].sl : trades_[ti].tp) = kNone;
  }
  if (!has_price(price)) return;
  Order& order = enqueue(sl);
  order.size = -trades_[ti].size;
  (sl ? order.stop : order.limit) = price;
  order.parent_trade = trades_[ti].id;
  order.role = role;
  order.tag = trades_[ti].tag;
  slot = order.id;
  (sl ? trades_[ti].sl : trades_[ti].tp) = price;
}

// ---- Engine API ----

void Broker::close_all_for_finalize() {
  for (size_t k = trades_.size(); k-- > 0;) close_trade(trades_[k].id, 1.0);
}

void Broker::close_out_of_money() {
  // backtesting.py closes while iterating the list it removes from, so with
  // several open trades every other one is closed; we do the same.
  for (size_t k = 0; k < trades_.size(); ++k) close_trade_at(k, last_close_, bar_);
  cash_ = 0;
}

}  // namespace nocode::backtest
