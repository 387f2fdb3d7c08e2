// PortfolioBook: fills, FIFO lots and weights.
#include "backtest/portfolio_book.h"

#include <algorithm>
#include <cmath>

namespace nocode::backtest {

PortfolioBook::PortfolioBook(std::span<const PortfolioSymbol> symbols, const PortfolioOptions& options)
    : symbols_(symbols), options_(options), cash_(options.cash), state_(symbols.size()) {}

double PortfolioBook::equity() const {
  double e = cash_;
  for (const State& st : state_) e += st.units * st.last_close;
  return e;
}

double PortfolioBook::target_units(size_t s, double equity, double price) const {
  const double units = state_[s].weight * equity / (price * (1 + options_.commission));
  return options_.fractional ? units : std::trunc(units);
}

void PortfolioBook::fill_at(int64_t t, size_t u) {
  std::vector<size_t> filling;
  for (size_t s = 0; s < state_.size(); ++s)
    if (state_[s].pending && at_bar(s, t)) filling.push_back(s);
  if (filling.empty()) return;
  // Equity at this moment: filling symbols at their Open, others at their Close.
  double e = cash_;
  for (size_t s = 0; s < state_.size(); ++s) {
    const bool now = std::find(filling.begin(), filling.end(), s) != filling.end();
    e += state_[s].units * (now ? symbols_[s].bars.open[state_[s].cursor] : state_[s].last_close);
  }
  std::vector<double> delta(filling.size());
  for (size_t k = 0; k < filling.size(); ++k) {
    const size_t s = filling[k];
    delta[k] = target_units(s, e, symbols_[s].bars.open[state_[s].cursor]) - state_[s].units;
    state_[s].pending = false;
  }
  for (int pass = 0; pass < 2; ++pass) {  // sells (cash in) first, then buys
    for (size_t k = 0; k < filling.size(); ++k) {
      const size_t s = filling[k];
      const double price = symbols_[s].bars.open[state_[s].cursor];
      double d = delta[k];
      if ((pass == 0) != (d < 0) || d == 0) continue;
      if (d > 0) {  // cut to the cash available
        double affordable = std::max(0.0, (cash_ - options_.commission_fixed) / (price * (1 + options_.commission)));
        if (!options_.fractional) affordable = std::floor(affordable);
        d = std::min(d, affordable);
        if (d <= 0) continue;
      }
      trade(s, d, price, u);
    }
  }
}

// Buys (d > 0) or sells `d` units at `price`: closes opposite lots FIFO, then
// opens a lot with what remains. The fee is shared pro rata between the parts.
void PortfolioBook::trade(size_t s, double d, double price, size_t u) {
  State& st = state_[s];
  const double total_fee = fee(d, price);
  cash_ -= d * price + total_fee;
  st.units += d;
  double left = d;
  while (left != 0 && !st.lots.empty() && (st.lots.front().size > 0) != (left > 0)) {
    Trade& lot = st.lots.front();
    const double closed = std::copysign(std::min(std::abs(lot.size), std::abs(left)), lot.size);
    Trade piece = lot;
    piece.size = closed;
    piece.exit_price = price;
    piece.exit_bar = static_cast<int64_t>(u);
    const double entry_share = lot.commissions * (closed / lot.size);
    piece.commissions = entry_share + total_fee * (std::abs(closed) / std::abs(d));
    lot.commissions -= entry_share;
    lot.size -= closed;
    left += closed;
    closed_.push_back(piece);
    closed_symbol_.push_back(s);
    if (lot.size == 0 || (options_.fractional && std::abs(lot.size) < 1e-12 * std::abs(closed)))
      st.lots.erase(st.lots.begin());
  }
  if (left != 0) {
    Trade lot;
    lot.id = next_id_++;
    lot.size = left;
    lot.entry_price = price;
    lot.entry_bar = static_cast<int64_t>(u);
    lot.commissions = total_fee * (std::abs(left) / std::abs(d));
    st.lots.push_back(lot);
  }
}

bool PortfolioBook::close_at(int64_t t) {
  bool changed = false;
  for (size_t s = 0; s < state_.size(); ++s) {
    if (!at_bar(s, t)) continue;
    State& st = state_[s];
    const PortfolioSymbol& sym = symbols_[s];
    st.last_close = sym.bars.close[st.cursor];
    st.has_price = true;
    double sig = sym.signal[st.cursor];
    if (std::isnan(sig) || (options_.long_only && sig < 0)) sig = 0;
    changed |= sig != st.signal;
    st.signal = sig;
    ++st.cursor;
  }
  return changed;
}

void PortfolioBook::decide(size_t) {
  double active = 0, strength = 0;
  for (const State& st : state_)
    if (st.signal != 0) active += 1, strength += std::abs(st.signal);
  for (State& st : state_) {
    double w = 0;
    if (st.signal != 0)
      w = options_.weights == PortfolioWeights::kEqual ? std::copysign(1.0, st.signal) / active
                                                       : st.signal / strength;
    st.weight = w;
    st.pending = true;
  }
}

void PortfolioBook::take_trades(PortfolioResult& out) {
  out.trades = std::move(closed_);
  out.trade_symbol = std::move(closed_symbol_);
  for (size_t s = 0; s < state_.size(); ++s)
    for (const Trade& lot : state_[s].lots) {
      out.open_trades.push_back(lot);
      out.open_trades.back().commissions = 0;
      out.open_trade_symbol.push_back(s);
    }
}

}  // namespace nocode::backtest
