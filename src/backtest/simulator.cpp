// Simulator main loop.
#include "backtest/simulator.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

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

// Bars [i, j) where no order is queued and the strategy does not act: the
// position is fixed, so equity = cash + (Close*size - entry value), the same
// expression Broker::equity() evaluates, 8 bars at a time.
// Returns the first bar whose equity is <= 0 (to be stepped normally), or j.
size_t quiet_bars(const Broker& broker, const double* close, size_t i, size_t j,
                  std::vector<double>& equity) {
  typedef double V8 __attribute__((vector_size(64)));
  typedef int64_t V8i __attribute__((vector_size(64)));
  const double cash = broker.cash(), size = broker.position_size();
  const double value = broker.position_entry_value();
  double* out = equity.data();
  size_t k = i;
  V8i broke{};  // lanes with equity <= 0 (8 bars at a time: the loop vectorizes)
  for (; k + 8 <= j; k += 8) {
    V8 c;
    std::memcpy(&c, close + k, sizeof c);
    const V8 e = cash + (c * size - value);
    std::memcpy(out + k, &e, sizeof e);
    broke |= e <= 0;
  }
  bool any = false;
  for (int l = 0; l < 8; ++l) any |= broke[l] != 0;
  for (; k < j; ++k) {
    out[k] = cash + (close[k] * size - value);
    any |= out[k] <= 0;
  }
  if (any)
    for (k = i; k < j; ++k)
      if (out[k] <= 0) return k;
  return j;
}

// Bars ahead of the current one whose Open is prefetched in quiet stretches.
constexpr size_t kOpenAhead = 128;

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
    if (broker.orders().empty()) {  // skip ahead to the strategy's next action
      const size_t act = std::min(strategy.next_action_bar(i, broker), n);
      if (act > i) {
        // The fills' Open lines, a few events ahead: a prefetch of the next
        // fill's line alone comes too late (the load then waits on memory).
        for (size_t k = i + kOpenAhead; k < std::min(act + kOpenAhead, n); k += 8)
          __builtin_prefetch(data.open + k);
        const size_t stop = quiet_bars(broker, data.close, i, act, result.equity);
        if (stop == act) {
          broker.begin_bar(act - 1);  // the state a per-bar loop would leave
          i = act - 1;
          continue;
        }
        i = stop;  // out of money: the normal step below closes out
      }
    }
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
