// Simulator main loop.
#include "backtest/simulator.h"

#include <algorithm>
#include <cmath>

#include "backtest/broker.h"

namespace nocode::backtest {
namespace {

// One broker step on bar i: fill, record equity, stop when out of money.
bool step(Broker& broker, size_t i, std::vector<double>& equity) {
  broker.begin_bar(i);
  broker.process_orders();
  const double e = broker.equity();
  equity[i] = e;
  if (e <= 0) {
    broker.close_out_of_money();
    std::fill(equity.begin() + static_cast<std::ptrdiff_t>(i), equity.end(), 0.0);
    return false;
  }
  return true;
}

}  // namespace

Result<BacktestResult> run_backtest(const MarketData& data, Strategy& strategy,
                                    const BacktestOptions& options) {
  BacktestResult result;
  NOCODE_RETURN_IF_ERROR(run_backtest(data, strategy, options, result));
  return result;
}

Status run_backtest(const MarketData& data, Strategy& strategy, const BacktestOptions& options,
                    BacktestResult& result) {
  NOCODE_RETURN_IF_ERROR(validate(options));
  if (!data.checked) NOCODE_RETURN_IF_ERROR(data.check());
  result.warmup = strategy.warmup_bars();
  const size_t n = data.size;
  const size_t start = result.warmup + 1;
  result.equity.resize(n);  // every entry is written below
  Broker broker(options, data);
  bool completed = true;
  for (size_t i = start; i < n; ++i) {
    if (!step(broker, i, result.equity)) {
      completed = false;
      break;
    }
    strategy.next(i, data, broker);
    if (!broker.error().is_ok()) return broker.error();
  }
  result.out_of_money = !completed;
  if (completed && options.finalize_trades && start < n) {
    broker.close_all_for_finalize();
    result.out_of_money = !step(broker, n - 1, result.equity);
  }
  // Bars before the first decision: back-fill, or the cash if none ran.
  const double first = start < n ? result.equity[start] : broker.cash();
  std::fill(result.equity.begin(), result.equity.begin() + static_cast<std::ptrdiff_t>(std::min(start, n)), first);
  result.final_cash = broker.cash();
  result.open_trades.assign(broker.trades().begin(), broker.trades().end());
  result.trades = broker.take_closed_trades();
  return Status::ok();
}

}  // namespace nocode::backtest
