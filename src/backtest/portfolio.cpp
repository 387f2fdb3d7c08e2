// Portfolio simulation over the union timeline (rules in portfolio.h).
#include "backtest/portfolio.h"

#include <algorithm>
#include <cmath>

#include "backtest/portfolio_book.h"
#include "common/strings.h"

namespace nocode::backtest {
namespace {

std::vector<int64_t> union_timeline(std::span<const PortfolioSymbol> symbols) {
  std::vector<int64_t> ts;
  for (const PortfolioSymbol& s : symbols) ts.insert(ts.end(), s.bars.timestamps, s.bars.timestamps + s.bars.size);
  std::sort(ts.begin(), ts.end());
  ts.erase(std::unique(ts.begin(), ts.end()), ts.end());
  return ts;
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Calendar period of a timestamp for the scheduled rebalances.
int64_t period_of(int64_t ns, PortfolioRebalance r) {
  const int64_t day = floor_div(ns, 86'400'000'000'000);
  if (r == PortfolioRebalance::kWeekly) return floor_div(day + 3, 7);  // weeks start Monday
  if (r == PortfolioRebalance::kMonthly) {
    const int64_t z = day + 719468, era = floor_div(z, 146097), doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    const int64_t month = mp < 10 ? mp + 3 : mp - 9, year = yoe + era * 400 + (month <= 2);
    return year * 12 + month;
  }
  return day;
}

bool rebalance_due(size_t u, const std::vector<int64_t>& ts, bool signal_changed,
                   const PortfolioOptions& o) {
  if (u == 0) return true;
  switch (o.rebalance) {
    case PortfolioRebalance::kOnSignal: return signal_changed;
    case PortfolioRebalance::kEveryNBars: return u % o.every_n_bars == 0;
    default: return period_of(ts[u], o.rebalance) != period_of(ts[u - 1], o.rebalance);
  }
}

Status check_inputs(std::span<const PortfolioSymbol> symbols) {
  if (symbols.empty()) return Status::invalid_argument("portfolio: no symbols");
  for (const PortfolioSymbol& s : symbols) {
    if (s.bars.size == 0) return Status::invalid_argument("portfolio symbol '" + s.name + "': no bars");
    if (s.signal.size() != s.bars.size)
      return Status::invalid_argument("portfolio symbol '" + s.name + "': " + std::to_string(s.signal.size()) +
                                      " signal values for " + std::to_string(s.bars.size) + " bars");
    if (!s.bars.checked) {
      Status st = s.bars.check();
      if (!st.is_ok()) return Status::invalid_argument("portfolio symbol '" + s.name + "': " + st.message());
    }
  }
  return Status::ok();
}

}  // namespace

Status validate(const PortfolioOptions& o) {
  if (!(o.cash > 0 && std::isfinite(o.cash)))
    return Status::invalid_argument("portfolio option 'cash' must be finite and > 0, got " + format_double(o.cash));
  if (!(o.commission >= 0 && o.commission < 0.1))
    return Status::invalid_argument("portfolio option 'commission' must be in [0, 0.1), got " + format_double(o.commission));
  if (!(o.commission_fixed >= 0 && std::isfinite(o.commission_fixed)))
    return Status::invalid_argument("portfolio option 'commission_fixed' must be finite and >= 0, got " +
                                    format_double(o.commission_fixed));
  if (o.rebalance == PortfolioRebalance::kEveryNBars && o.every_n_bars == 0)
    return Status::invalid_argument("portfolio option 'every_n_bars' must be >= 1 to rebalance every N bars");
  return Status::ok();
}

Status parse_portfolio_weights(const std::string& text, PortfolioOptions& o) {
  if (text == "equal") return o.weights = PortfolioWeights::kEqual, Status::ok();
  if (text == "signal") return o.weights = PortfolioWeights::kSignal, Status::ok();
  return Status::invalid_argument("portfolio option 'weights': expected equal or signal, got '" + text + "'");
}

Status parse_portfolio_rebalance(const std::string& text, PortfolioOptions& o) {
  if (text == "on_signal") return o.rebalance = PortfolioRebalance::kOnSignal, Status::ok();
  if (text == "daily") return o.rebalance = PortfolioRebalance::kDaily, Status::ok();
  if (text == "weekly") return o.rebalance = PortfolioRebalance::kWeekly, Status::ok();
  if (text == "monthly") return o.rebalance = PortfolioRebalance::kMonthly, Status::ok();
  if (!text.empty() && text.size() < 10 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      std::stoul(text) >= 1) {
    o.rebalance = PortfolioRebalance::kEveryNBars;
    o.every_n_bars = std::stoul(text);
    return Status::ok();
  }
  return Status::invalid_argument("portfolio option 'rebalance': expected on_signal, daily, weekly, monthly or a bar count >= 1, got '" +
                                  text + "'");
}

Result<PortfolioResult> run_portfolio(std::span<const PortfolioSymbol> symbols, const PortfolioOptions& options) {
  NOCODE_RETURN_IF_ERROR(validate(options));
  NOCODE_RETURN_IF_ERROR(check_inputs(symbols));
  PortfolioResult out;
  out.timestamps = union_timeline(symbols);
  const size_t n = symbols.size(), u_count = out.timestamps.size();
  PortfolioBook book(symbols, options);
  out.equity.resize(u_count);
  out.positions.assign(n, std::vector<double>(u_count, 0.0));
  out.closes.assign(n, std::vector<double>(u_count, std::nan("")));
  std::vector<size_t> cursor(n, 0);
  for (size_t u = 0; u < u_count; ++u) {
    const int64_t t = out.timestamps[u];
    for (size_t s = 0; s < n; ++s)
      if (cursor[s] < symbols[s].bars.size && symbols[s].bars.timestamps[cursor[s]] == t)
        out.closes[s][u] = symbols[s].bars.close[cursor[s]++];
    book.fill_at(t, u);                      // pending orders at this bar's Opens
    const bool changed = book.close_at(t);   // marks Closes, reads signals
    out.equity[u] = book.equity();
    for (size_t s = 0; s < n; ++s) out.positions[s][u] = book.units(s);
    if (rebalance_due(u, out.timestamps, changed, options)) book.decide(u);
  }
  for (const PortfolioSymbol& s : symbols) out.symbols.push_back(s.name);
  book.take_trades(out);
  out.final_cash = book.cash();
  return out;
}

}  // namespace nocode::backtest
