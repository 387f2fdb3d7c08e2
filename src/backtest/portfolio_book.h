// PortfolioBook: the cash, positions, FIFO lots and pending orders of one
// portfolio run (internal to src/backtest; see portfolio.h for the rules).
// Used by one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "backtest/portfolio.h"

namespace nocode::backtest {

class PortfolioBook {
 public:
  PortfolioBook(std::span<const PortfolioSymbol> symbols, const PortfolioOptions& options);
  // Fills the pending orders of symbols that have a bar at time t (union bar u).
  void fill_at(int64_t t, size_t u);
  // Marks the Closes of symbols with a bar at t and reads their signals;
  // true when some signal changed.
  bool close_at(int64_t t);
  // Sets every symbol's target weight from its current signal (filled at its
  // next bar's Open).
  void decide(size_t u);
  double equity() const;
  double cash() const { return cash_; }
  double units(size_t s) const { return state_[s].units; }
  void take_trades(PortfolioResult& out);

 private:
  struct State {
    size_t cursor = 0;      // next bar of the symbol
    bool has_price = false;
    double last_close = 0;
    double signal = 0;
    double units = 0;
    bool pending = false;
    double weight = 0;
    std::vector<Trade> lots;  // open, FIFO; `commissions` holds the entry fee
  };
  bool at_bar(size_t s, int64_t t) const {
    const State& st = state_[s];
    return st.cursor < symbols_[s].bars.size && symbols_[s].bars.timestamps[st.cursor] == t;
  }
  double target_units(size_t s, double equity, double price) const;
  void trade(size_t s, double delta, double price, size_t u);
  double fee(double units, double price) const {
    return options_.commission_fixed + std::abs(units) * price * options_.commission;
  }

  std::span<const PortfolioSymbol> symbols_;
  PortfolioOptions options_;
  double cash_;
  std::vector<State> state_;
  std::vector<Trade> closed_;
  std::vector<size_t> closed_symbol_;
  int64_t next_id_ = 0;
};

}  // namespace nocode::backtest
