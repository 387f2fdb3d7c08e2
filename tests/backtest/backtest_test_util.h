// Helpers for backtest tests: hand-made bar series and a scripted strategy.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "backtest/broker.h"
#include "backtest/market_data.h"
#include "backtest/strategy.h"

namespace nocode::backtest::test {

// Daily bars from 2021-01-04 (a Monday), one calendar day apart.
struct Bars {
  std::vector<int64_t> ts;
  std::vector<double> open, high, low, close;

  Bars& add(double o, double h, double l, double c) {
    ts.push_back(1609718400LL * 1'000'000'000 + static_cast<int64_t>(ts.size()) * 86'400'000'000'000);
    open.push_back(o);
    high.push_back(h);
    low.push_back(l);
    close.push_back(c);
    return *this;
  }
  Bars& flat(double p, size_t count = 1) {
    for (size_t k = 0; k < count; ++k) add(p, p, p, p);
    return *this;
  }
  MarketData view() const {
    return MarketData{ts.data(), open.data(), high.data(), low.data(), close.data(), ts.size()};
  }
};

// Calls `on_bar(i, broker)` at every decision bar (from warmup + 1).
class Script final : public Strategy {
 public:
  explicit Script(std::function<void(size_t, Broker&)> on_bar, size_t warmup = 0)
      : on_bar_(std::move(on_bar)), warmup_(warmup) {}
  size_t warmup_bars() const override { return warmup_; }
  void next(size_t i, const MarketData&, Broker& broker) override { on_bar_(i, broker); }

 private:
  std::function<void(size_t, Broker&)> on_bar_;
  size_t warmup_;
};

inline OrderRequest units(double n) {
  OrderRequest r;
  r.size = n;
  return r;
}

}  // namespace nocode::backtest::test
