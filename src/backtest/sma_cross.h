// SmaCrossStrategy: backtesting.py's reference strategy. SMA(close, fast) and
// SMA(close, slow) (pandas-exact rolling means); on a strict cross up
// (fast[i-1] < slow[i-1] and fast[i] > slow[i]) close the position and buy
// all-in; on a strict cross down close and sell all-in.
// The constructor computes the cross decisions in one causal pass (one byte
// per bar; the cross at i uses bars <= i only), so next() is a byte test.
// One instance per run; not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "backtest/strategy.h"

namespace nocode::backtest {

class SmaCrossStrategy final : public Strategy {
 public:
  // fast, slow >= 1 (0 is taken as 1).
  SmaCrossStrategy(std::span<const double> close, size_t fast, size_t slow);
  size_t warmup_bars() const override { return warmup_; }
  void next(size_t i, const MarketData& data, Broker& broker) override;
  size_t next_action_bar(size_t i, const Broker& broker) const override;
  // +1 cross up, -1 cross down, 0 none, per bar.
  const std::vector<int8_t>& crosses() const { return cross_; }

 private:
  std::vector<int8_t> cross_;
  size_t warmup_ = 0;
};

}  // namespace nocode::backtest
