#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

TEST(Ac, EqualsAoMinusSmaOfAo) {
  for (const Ohlcv& s : test_series())
    for (auto [f, sl, sig] : {std::tuple{5, 34, 5}, {3, 10, 2}, {2, 2, 1}}) {
      const Computed r = run("ac", {{"fast_period", f}, {"slow_period", sl}, {"signal_period", sig}},
                        {&s.high, &s.low});
      const Series med = median_price(s);
      const Series a = sma(med, f), b = sma(med, sl);
      Series ao(s.size());
      for (size_t t = 0; t < s.size(); ++t) ao[t] = a[t] - b[t];
      const Series ao_sma = sma(ao, sig);
      Series ref(s.size());
      for (size_t t = 0; t < s.size(); ++t) ref[t] = ao[t] - ao_sma[t];
      expect_matches(r.out[0], ref, r.lookback, s.name + " " + std::to_string(f));
      // and AC = AO − SMA(AO) with the registry's AO
      const Computed ao_run = run("ao", {{"fast_period", f}, {"slow_period", sl}}, {&s.high, &s.low});
      for (size_t t = size_t(r.lookback); t < s.size(); ++t)
        ASSERT_NEAR(r.out[0][t] + sma_at(ao_run.out[0], t, sig), ao_run.out[0][t],
                    1e-9 * std::max(1.0, std::fabs(ao_run.out[0][t])));
    }
}

}  // namespace
}  // namespace nocode::testing
