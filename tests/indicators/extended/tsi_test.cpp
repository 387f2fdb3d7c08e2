#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

std::pair<Series, Series> ref_tsi(const Series& x, int r1, int r2, int sig) {
  Series m(x.size(), NaN), a(x.size(), NaN);
  for (size_t t = 1; t < x.size(); ++t) {
    m[t] = x[t] - x[t - 1];
    a[t] = std::fabs(m[t]);
  }
  const Series num = ema(ema(m, r1), r2), den = ema(ema(a, r1), r2);
  Series tsi(x.size(), NaN);
  for (size_t t = 0; t < x.size(); ++t)
    if (!std::isnan(num[t])) tsi[t] = den[t] == 0 ? 0.0 : 100 * num[t] / den[t];
  Series signal = ema(tsi, sig);
  for (size_t t = 0; t < x.size(); ++t)
    if (std::isnan(signal[t])) tsi[t] = NaN;  // both outputs start together
  return {tsi, signal};
}

TEST(Tsi, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (auto [r1, r2, sig] : {std::tuple{25, 13, 7}, {12, 26, 9}, {1, 1, 1}, {40, 5, 13}}) {
      const Computed r = run("tsi", {{"slowPeriod", r1}, {"fastPeriod", r2}, {"signalPeriod", sig}},
                        {&s.close});
      const auto [tsi, signal] = ref_tsi(s.close, r1, r2, sig);
      const std::string where = s.name + " " + std::to_string(r1) + "/" + std::to_string(r2);
      expect_matches(r.out[0], tsi, r.lookback, where + " tsi");
      expect_matches(r.out[1], signal, r.lookback, where + " signal");
    }
}

}  // namespace
}  // namespace nocode::testing
