#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

// The MetaTrader 4 QQE, written as its loops read.
std::pair<Series, Series> ref_qqe(const Series& x, int n, int sf, double factor) {
  const int w = 2 * n - 1;
  const Series rsima = ema(rsi(x, n), sf);
  Series atr(x.size(), NaN);
  for (size_t t = 1; t < x.size(); ++t) atr[t] = std::fabs(rsima[t - 1] - rsima[t]);
  const Series dar = ema(ema(atr, w), w);
  Series qqe(x.size(), NaN), trail(x.size(), NaN);
  double tr = 0;
  for (size_t t = 1; t < x.size(); ++t) {
    if (std::isnan(dar[t])) continue;
    const double rsi0 = rsima[t], rsi1 = rsima[t - 1], d = dar[t] * factor, dv = tr;
    if (rsi0 < tr) {
      tr = rsi0 + d;
      if (rsi1 < dv && tr > dv) tr = dv;
    } else if (rsi0 > tr) {
      tr = rsi0 - d;
      if (rsi1 > dv && tr < dv) tr = dv;
    }
    qqe[t] = rsi0;
    trail[t] = tr;
  }
  return {qqe, trail};
}

TEST(Qqe, MatchesMt4Definition) {
  for (const Ohlcv& s : test_series())
    for (auto [n, sf, f] : {std::tuple{14, 5, 4.236}, {8, 3, 2.618}, {2, 1, 1.0}}) {
      const Computed r = run("qqe", {{"period", n}, {"sf", sf}, {"multiplier", f}}, {&s.close});
      const auto [qqe, trail] = ref_qqe(s.close, n, sf, f);
      const std::string where = s.name + " n=" + std::to_string(n);
      expect_matches(r.out[0], qqe, r.lookback, where + " qqe");
      expect_matches(r.out[1], trail, r.lookback, where + " signal");
    }
}

}  // namespace
}  // namespace nocode::testing
