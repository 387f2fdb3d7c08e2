// Strategy: what the simulator calls once per bar (backtesting.py's next()),
// and SignalStrategy, a ready-made strategy driven by per-bar entry/exit
// decision arrays.
//
// Contract: next(i, ...) may read bars <= i only (the simulator passes the
// whole MarketData for speed; reading beyond i is look-ahead). A strategy
// instance belongs to one run on one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "backtest/broker.h"
#include "backtest/market_data.h"
#include "backtest/order.h"

namespace nocode::backtest {

class Strategy {
 public:
  virtual ~Strategy() = default;
  // Leading bars whose indicators are not yet valid (most leading NaNs over
  // the strategy's indicators). next() first runs at bar warmup_bars() + 1;
  // Buy & Hold is measured from bar warmup_bars().
  virtual size_t warmup_bars() const = 0;
  // Decide at bar i (fills happen from bar i+1 on, or at Close[i] with
  // trade_on_close). Place orders through `broker`.
  virtual void next(size_t i, const MarketData& data, Broker& broker) = 0;
  // The first bar >= i at which next() may act (place, close, cancel or
  // change anything), given the broker's state now; any value >= the data's
  // size means never. Called only when no order is queued, so the position
  // cannot change before that bar: the simulator then records the equity of
  // the bars in between in one tight loop and skips their next() calls.
  // Default: i (next() runs on every bar).
  virtual size_t next_action_bar(size_t i, const Broker& broker) const {
    (void)broker;
    return i;
  }
};

// Decision arrays (one byte per bar, non-zero = true), all of the data's
// length (empty = never). At bar i, in this order:
//   enter_long[i]:  close the position, then buy(order)
//   enter_short[i]: close the position, then sell(order)  (if not enter_long)
//   exit_long[i]:   close a long position   (if no entry that bar)
//   exit_short[i]:  close a short position  (if no entry that bar)
// `order` (size, sl/tp as absolute prices, limit/stop) is used for every
// entry; sl_pct / tp_pct, when > 0, set SL/TP relative to Close[i] instead
// (long: SL below, TP above; short: mirrored).
struct Signals {
  std::span<const uint8_t> enter_long, enter_short, exit_long, exit_short;
};

struct SignalOptions {
  OrderRequest order;   // default: all-in market order
  double sl_pct = 0;    // e.g. 0.05 = 5% from Close[i]
  double tp_pct = 0;
  size_t warmup = 0;    // see Strategy::warmup_bars
};

class SignalStrategy final : public Strategy {
 public:
  SignalStrategy(Signals signals, SignalOptions options)
      : signals_(signals), options_(options) {}
  size_t warmup_bars() const override { return options_.warmup; }
  void next(size_t i, const MarketData& data, Broker& broker) override;
  size_t next_action_bar(size_t i, const Broker& broker) const override;

 private:
  static bool at(std::span<const uint8_t> a, size_t i) { return i < a.size() && a[i]; }
  OrderRequest request(double close, bool is_long) const;
  Signals signals_;
  SignalOptions options_;
};

}  // namespace nocode::backtest
