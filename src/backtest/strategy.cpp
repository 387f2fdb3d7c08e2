// SignalStrategy: turns decision arrays into orders.
#include "backtest/strategy.h"

#include <algorithm>
#include <cstdint>

#include "backtest/decision_scan.h"

namespace nocode::backtest {

OrderRequest SignalStrategy::request(double close, bool is_long) const {
  OrderRequest r = options_.order;
  const double dir = is_long ? 1.0 : -1.0;
  if (options_.sl_pct > 0) r.sl = close * (1 - dir * options_.sl_pct);
  if (options_.tp_pct > 0) r.tp = close * (1 + dir * options_.tp_pct);
  return r;
}

// Entries act on any bar; exits only while a position of their side is open
// (it cannot change before the returned bar: no order is queued).
size_t SignalStrategy::next_action_bar(size_t i, const Broker& broker) const {
  size_t first = SIZE_MAX;
  const auto scan = [&](std::span<const uint8_t> a) {
    if (i < a.size()) first = std::min(first, first_nonzero(a.data(), i, std::min(a.size(), first)));
  };
  scan(signals_.enter_long);
  scan(signals_.enter_short);
  const double pos = broker.position_size();
  if (pos > 0) scan(signals_.exit_long);
  if (pos < 0) scan(signals_.exit_short);
  return first;
}

void SignalStrategy::next(size_t i, const MarketData& data, Broker& broker) {
  if (at(signals_.enter_long, i)) {
    broker.close_position();
    broker.buy(request(data.close[i], true));
  } else if (at(signals_.enter_short, i)) {
    broker.close_position();
    broker.sell(request(data.close[i], false));
  } else {
    const double pos = broker.position_size();
    if ((pos > 0 && at(signals_.exit_long, i)) || (pos < 0 && at(signals_.exit_short, i)))
      broker.close_position();
  }
}

}  // namespace nocode::backtest
