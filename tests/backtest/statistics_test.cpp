// Statistics on small hand-made cases, against the definitions written out
// naively here (docs/backtest.md): drawdown episodes, trade statistics,
// annualization and pandas' text formats.
#include <gtest/gtest.h>

#include <cmath>

#include "backtest/numeric.h"
#include "backtest/simulator.h"
#include "backtest/statistics.h"
#include "backtest/time_format.h"
#include "backtest_test_util.h"

namespace nocode::backtest {
namespace {

using test::Bars;
using test::Script;
using test::units;

constexpr int64_t kDay = kNsPerDay;

TEST(Statistics, DrawdownEpisodes) {
  const std::vector<double> e = {100, 110, 99, 105, 110, 120, 108};
  std::vector<int64_t> ts;
  for (size_t i = 0; i < e.size(); ++i) ts.push_back(static_cast<int64_t>(i) * kDay);
  const DrawdownCurve dd = compute_drawdowns(e, ts.data());
  EXPECT_EQ(dd.drawdown[2], 1 - 99.0 / 110);
  EXPECT_EQ(dd.drawdown[6], 1 - 108.0 / 120);
  // Zeros at 0, 1, 4, 5 plus the last bar: episodes 1..4 (3 days) only;
  // 5..6 spans a single step and does not count.
  EXPECT_EQ(dd.duration_ns[4], 3 * kDay);
  EXPECT_EQ(dd.peak[4], 1 - 99.0 / 110);
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) EXPECT_EQ(dd.duration_ns[i], kNaT) << i;
}

TEST(Statistics, TradeStatisticsFollowDefinitions) {
  // Three long trades of 10 units: +10%, -5%, +20% (entries at 100).
  Bars b;
  b.flat(100, 3).flat(110, 2).flat(100, 2).flat(95, 2).flat(100, 2).flat(120, 2);
  Script s([](size_t i, Broker& br) {
    if (i == 1 || i == 5 || i == 9) br.buy(units(10));
    if (i == 3 || i == 7 || i == 11) br.close_position();
  });
  auto r = run_backtest(b.view(), s, {});
  ASSERT_TRUE(r.is_ok());
  ASSERT_EQ(r->trades.size(), 3u);
  const Statistics st = compute_statistics(b.view(), *r);
  auto num = [&](const char* k) { return st.find(k)->number; };
  const double pl[] = {100, -50, 200}, ret[] = {0.1, -0.05, 0.2};
  EXPECT_EQ(num("# Trades"), 3);
  EXPECT_NEAR(num("Win Rate [%]"), 200.0 / 3, 1e-12);
  EXPECT_NEAR(num("Best Trade [%]"), 20, 1e-12);
  EXPECT_NEAR(num("Worst Trade [%]"), -5, 1e-12);
  EXPECT_NEAR(num("Avg. Trade [%]"), (std::cbrt(1.1 * 0.95 * 1.2) - 1) * 100, 1e-12);
  EXPECT_NEAR(num("Profit Factor"), 0.3 / 0.05, 1e-12);
  EXPECT_NEAR(num("Expectancy [%]"), 0.25 / 3 * 100, 1e-12);
  const double m = (pl[0] + pl[1] + pl[2]) / 3;
  double v = 0;
  for (double p : pl) v += (p - m) * (p - m);
  EXPECT_NEAR(num("SQN"), std::sqrt(3.0) * m / std::sqrt(v / 2), 1e-12);
  const double w = 2.0 / 3;
  EXPECT_NEAR(num("Kelly Criterion"), w - (1 - w) / (150.0 / 50.0), 1e-12);
  (void)ret;
  EXPECT_NEAR(num("Equity Final [$]"), 10250, 1e-9);
  EXPECT_NEAR(num("Return [%]"), 2.5, 1e-12);
  // Exposure: bars 2-4, 6-8, 10-12 of 13.
  EXPECT_NEAR(num("Exposure Time [%]"), 9.0 / 13 * 100, 1e-12);
  // Buy & hold from bar 0 (no warm-up): 100 -> 120.
  EXPECT_NEAR(num("Buy & Hold Return [%]"), 20, 1e-12);
  EXPECT_EQ(st.find("Max. Trade Duration")->ns, 2 * kDay);
  // Calendar days incl. weekends -> 365 periods a year.
  EXPECT_EQ(period_returns(r->equity, b.ts.data()).periods_per_year, 365);
  const auto j = st.to_json();
  EXPECT_EQ(j["Duration"], "12 days 00:00:00");
  EXPECT_EQ(j["Start"], "2021-01-04 00:00:00");
}

TEST(Statistics, NoTradesGivesMissingValues) {
  Bars b;
  b.flat(100, 10);
  Script s([](size_t, Broker&) {});
  auto r = run_backtest(b.view(), s, {});
  ASSERT_TRUE(r.is_ok());
  const auto j = compute_statistics(b.view(), *r).to_json();
  EXPECT_EQ(j["# Trades"], 0);
  EXPECT_TRUE(j["Win Rate [%]"].is_null());
  EXPECT_TRUE(j["Avg. Trade Duration"].is_null());
  EXPECT_EQ(j["Return [%]"], 0.0);
  EXPECT_TRUE(j["Max. Drawdown Duration"].is_null());
}

TEST(Statistics, AnnualizationFromNaiveDefinitions) {
  // Weekday bars with a deterministic zig-zag equity: 252 periods a year.
  std::vector<int64_t> ts;
  std::vector<double> e;
  int64_t day = 18630;  // 2021-01-04, Monday
  for (int k = 0; k < 60; ++k, ++day) {
    if ((day + 3) % 7 >= 5) continue;
    ts.push_back(day * kDay);
    e.push_back(1000 + (k % 3) * 7.5 + k);
  }
  const PeriodReturns pr = period_returns(e, ts.data());
  EXPECT_EQ(pr.periods_per_year, 252);
  ASSERT_EQ(pr.returns.size(), e.size() - 1);
  double slog = 0;
  for (size_t i = 1; i < e.size(); ++i) {
    EXPECT_NEAR(pr.returns[i - 1], e[i] / e[i - 1] - 1, 1e-15);
    slog += std::log(e[i] / e[i - 1]);
  }
  EXPECT_NEAR(geometric_mean(pr.returns), std::exp(slog / pr.returns.size()) - 1, 1e-15);
}

TEST(TimeFormat, PandasText) {
  EXPECT_EQ(format_pandas_timedelta(3116 * kDay), "3116 days 00:00:00");
  EXPECT_EQ(format_pandas_timedelta(-3600'000'000'000), "-1 days +23:00:00");
  EXPECT_EQ(format_pandas_timedelta(1'500'000'000), "0 days 00:00:01.500000");
  EXPECT_EQ(format_pandas_timestamp(1092873600LL * 1'000'000'000), "2004-08-19 00:00:00");
  EXPECT_EQ(ceil_to(40 * kDay + 1, kDay), 41 * kDay);
  EXPECT_EQ(resolution_unit_ns(kDay), kDay);
  EXPECT_EQ(resolution_unit_ns(3600'000'000'000), 3600'000'000'000);
  EXPECT_EQ(resolution_unit_ns(90 * 60'000'000'000), 60'000'000'000);
}

TEST(Numeric, PairwiseSumMatchesNumpyStructure) {
  // 1e16 + 1 + 1 - 1e16 sequentially is 0 (both 1s lost) for n < 8, but
  // numpy's 8-accumulator blocks keep them in separate partial sums.
  std::vector<double> v(16, 0.0);
  v[0] = 1e16;
  v[1] = 1;
  v[9] = 1;
  v[8] = -1e16;
  // accumulators: r0 = 1e16 + -1e16 = 0, r1 = 1 + 1 = 2 -> 2
  EXPECT_EQ(pairwise_sum(v), 2.0);
  EXPECT_EQ(variance(std::vector<double>{1, 2, 3, 4}), 5.0 / 3);
}

}  // namespace
}  // namespace nocode::backtest
