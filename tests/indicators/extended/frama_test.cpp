#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

// Ehlers (2005), literally: windows re-scanned every bar.
Series ref_frama(const Ohlcv& s, int period) {
  const int n = period / 2 * 2, h = n / 2;
  Series y(s.size(), NaN);
  double dimen = 0, filt = 0;
  for (size_t t = size_t(n) - 1; t < s.size(); ++t) {
    const double price = (s.high[t] + s.low[t]) / 2;
    const double n1 = (highest(s.high, t, h) - lowest(s.low, t, h)) / h;
    const double n2 = (highest(s.high, t - size_t(h), h) - lowest(s.low, t - size_t(h), h)) / h;
    const double n3 = (highest(s.high, t, n) - lowest(s.low, t, n)) / n;
    if (n1 > 0 && n2 > 0 && n3 > 0) dimen = (std::log(n1 + n2) - std::log(n3)) / std::log(2.0);
    if (t == size_t(n) - 1) {
      filt = price;
      continue;
    }
    const double alpha = std::clamp(std::exp(-4.6 * (dimen - 1)), 0.01, 1.0);
    filt = alpha * price + (1 - alpha) * filt;
    y[t] = filt;
  }
  return y;
}

TEST(Frama, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (int n : {16, 2, 4, 10, 11, 40}) {
      const Computed r = run("frama", {{"period", n}}, {&s.high, &s.low});
      expect_matches(r.out[0], ref_frama(s, n), r.lookback, s.name + " n=" + std::to_string(n));
    }
}

}  // namespace
}  // namespace nocode::testing
