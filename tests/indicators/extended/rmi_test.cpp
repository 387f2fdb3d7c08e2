#include "naive.h"
#include "support/talib_oracle.h"

namespace nocode::testing {
namespace {
using namespace naive;

// RMI straight from the definition: up/down m-bar moves, Wilder-averaged.
Series ref_rmi(const Series& x, int n, int m) {
  Series y(x.size(), NaN);
  if (x.size() < size_t(m + n)) return y;
  double up = 0, down = 0;
  for (size_t t = size_t(m); t < x.size(); ++t) {
    const double d = x[t] - x[t - size_t(m)];
    const double u = std::max(d, 0.0), v = std::max(-d, 0.0);
    const size_t k = t - size_t(m);  // 0-based index of this move
    if (k < size_t(n)) {
      up += u;
      down += v;
      if (k + 1 < size_t(n)) continue;
      up /= n;
      down /= n;
    } else {
      up = (up * (n - 1) + u) / n;
      down = (down * (n - 1) + v) / n;
    }
    y[t] = std::fabs(up + down) < 1e-14 ? 0.0 : 100 * up / (up + down);
  }
  return y;
}

TEST(Rmi, MatchesDefinition) {
  for (const Ohlcv& s : test_series())
    for (auto [n, m] : {std::pair{14, 5}, {20, 5}, {2, 1}, {9, 3}, {30, 10}}) {
      const Computed r = run("rmi", {{"period", n}, {"momentum", m}}, {&s.close});
      expect_matches(r.out[0], ref_rmi(s.close, n, m), r.lookback,
                     s.name + " n=" + std::to_string(n) + " m=" + std::to_string(m));
    }
}

// With 1-bar momentum the RMI is the RSI: compare against TA-Lib itself.
TEST(Rmi, MomentumOneEqualsTalibRsi) {
  std::vector<Ohlcv> all = {shared_series("GOOG.csv")};
  for (auto& s : synthetic_series()) all.push_back(std::move(s));
  for (const Ohlcv& s : all) {
    const auto res = run_talib(s, {{"RSI", {{"optInTimePeriod", 14}}}, {"RSI", {{"optInTimePeriod", 5}}}});
    int k = 0;
    for (int n : {14, 5}) {
      ASSERT_TRUE(res[size_t(k)].error.empty()) << res[size_t(k)].error;
      const Computed r = run("rmi", {{"period", n}, {"momentum", 1}}, {&s.close});
      if (s.size() > size_t(n)) EXPECT_EQ(r.lookback, res[size_t(k)].beg_index) << s.name;
      expect_matches(r.out[0], res[size_t(k)].outputs[0], r.lookback,
                     s.name + " vs TA_RSI " + std::to_string(n), false);
      ++k;
    }
  }
}

}  // namespace
}  // namespace nocode::testing
