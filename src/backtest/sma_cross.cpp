// SmaCrossStrategy.
#include "backtest/sma_cross.h"

#include <algorithm>

#include "backtest/decision_scan.h"
#include "backtest/rolling_mean.h"

namespace nocode::backtest {

SmaCrossStrategy::SmaCrossStrategy(std::span<const double> close, size_t fast, size_t slow)
    : cross_(close.size(), 0) {
  warmup_ = std::max(rolling_mean_warmup(close, fast), rolling_mean_warmup(close, slow));
  // Both means advance in one loop (local state stays in registers; the two
  // Kahan dependency chains overlap).
  RollingMean f(fast), s(slow);
  double f_prev = 0, s_prev = 0;
  for (size_t i = 0; i < close.size(); ++i) {
    const double a = f.update(close.data(), i), b = s.update(close.data(), i);
    if (i > 0) cross_[i] = static_cast<int8_t>((f_prev < s_prev && a > b) - (s_prev < f_prev && b > a));
    f_prev = a;
    s_prev = b;
  }
}

size_t SmaCrossStrategy::next_action_bar(size_t i, const Broker&) const {
  return first_nonzero(reinterpret_cast<const uint8_t*>(cross_.data()), i, cross_.size());
}

void SmaCrossStrategy::next(size_t i, const MarketData&, Broker& broker) {
  const int8_t c = cross_[i];
  if (c == 0) return;
  broker.close_position();
  if (c > 0)
    broker.buy(OrderRequest{});
  else
    broker.sell(OrderRequest{});
}

}  // namespace nocode::backtest
