#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Pmo, MatchesStockChartsDefinition) {
  for (const Ohlcv& s : test_series())
    for (auto [p1, p2, sig] : {std::tuple{35, 20, 10}, {20, 10, 5}, {2, 2, 1}}) {
      const Computed r = run("pmo", {{"first_period", p1}, {"second_period", p2},
                                {"signal_period", sig}}, {&s.close});
      const Series& x = s.close;
      Series roc(x.size(), NaN);
      for (size_t t = 1; t < x.size(); ++t) roc[t] = x[t] / x[t - 1] * 100 - 100;
      Series s1 = ema(roc, p1, 2.0 / p1);
      for (double& v : s1) v *= 10;
      Series pmo = ema(s1, p2, 2.0 / p2);
      const Series signal = ema(pmo, sig);
      for (size_t t = 0; t < x.size(); ++t)
        if (std::isnan(signal[t])) pmo[t] = NaN;
      const std::string where = s.name + " " + std::to_string(p1);
      expect_matches(r.out[0], pmo, r.lookback, where + " pmo");
      expect_matches(r.out[1], signal, r.lookback, where + " signal");
    }
}

}  // namespace
}  // namespace nocode::testing
