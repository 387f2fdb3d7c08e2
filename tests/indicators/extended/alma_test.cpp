#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

Series ref_alma(const Series& x, int n, double offset, double sigma) {
  const double m = offset * (n - 1), s = n / sigma;
  Series y(x.size(), NaN);
  for (size_t t = size_t(n) - 1; t < x.size(); ++t) {
    double num = 0, den = 0;
    for (int i = 0; i < n; ++i) {  // i = 0 oldest
      const double w = std::exp(-(i - m) * (i - m) / (2 * s * s));
      num += w * x[t - size_t(n - 1 - i)];
      den += w;
    }
    y[t] = num / den;
  }
  return y;
}

TEST(Alma, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (auto [n, off, sig] : {std::tuple{9, 0.85, 6.0}, {20, 0.5, 3.0}, {1, 0.85, 6.0},
                               {50, 0.0, 10.0}, {14, 1.0, 0.5}}) {
      const Computed r = run("alma", {{"period", n}, {"offset", off}, {"sigma", sig}}, {&s.close});
      expect_matches(r.out[0], ref_alma(s.close, n, off, sig), r.lookback,
                     s.name + " n=" + std::to_string(n));
    }
}

}  // namespace
}  // namespace nocode::testing
