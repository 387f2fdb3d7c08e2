// Portfolio statistics: compute_statistics' definitions on the portfolio's
// equity and lots, against an equal-weight basket.
#include <cmath>

#include "backtest/portfolio.h"

namespace nocode::backtest {

Statistics portfolio_statistics(const PortfolioResult& r) {
  const size_t u_count = r.timestamps.size(), n = r.positions.size();
  // Basket: mean over symbols of Close / first Close (1 before the first bar).
  std::vector<double> basket(u_count, 0.0);
  for (size_t s = 0; s < n && s < r.closes.size(); ++s) {
    double first = 0, last = 1;
    for (size_t u = 0; u < u_count; ++u) {
      const double c = r.closes[s][u];
      if (!std::isnan(c)) {
        if (first == 0) first = c;
        last = c / first;
      }
      basket[u] += last / static_cast<double>(n);
    }
  }
  StatisticsInput in;
  in.equity = r.equity;
  in.timestamps = r.timestamps.data();
  in.trades = r.trades;
  in.benchmark = basket;
  in.benchmark_start = 0;
  return compute_statistics(in);
}

}  // namespace nocode::backtest
