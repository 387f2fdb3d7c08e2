// Statistics on small hand-made cases, against the definitions written out
// naively here (docs/backtest.md): drawdown episodes, trade statistics,
// annualization and pandas' text formats.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <thread>

#include "backtest/numeric.h"
#include "backtest/simulator.h"
#include "backtest/statistics.h"
#include "backtest/statistics_parts.h"
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

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// summarize_drawdowns (8-bar vector scan, NaN check fused) against the
// sequential per-bar definition in compute_drawdowns, on curves with ties of
// 0.0 and -0.0, negative and infinite values, NaN, repeated highs and
// lengths that are not multiples of 8 or of the 512-bar chunk.
TEST(Statistics, DrawdownSummaryMatchesTheCurve) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> pick(0, 99);
  const double kInf = std::numeric_limits<double>::infinity();
  for (int trial = 0; trial < 60; ++trial) {
    const size_t n = 1 + static_cast<size_t>(trial) * 37 % 1500;
    std::vector<double> e(n);
    double level = 100;
    for (size_t i = 0; i < n; ++i) {
      const int r = pick(rng);
      level += (r % 7) - 3;
      e[i] = level;
      if (trial % 3 == 1) {  // signed zeros, negatives and ties everywhere
        const double special[] = {0.0, -0.0, -1.0, -0.0, 0.0, 2.0, -kInf, 2.0};
        e[i] = r < 60 ? special[r % 8] : e[i];
      }
      if (trial % 3 == 2) {  // the running max ties 0.0 and -0.0: its sign shows in e/max
        const double zero_or_below[] = {-0.0, 0.0, -1.0, -3.0};
        e[i] = zero_or_below[r % 4];
      }
      if (trial % 5 == 2 && r == 0) e[i] = std::nan("");
      if (trial % 7 == 3 && r < 3) e[i] = kInf;
    }
    std::vector<int64_t> ts(n);
    for (size_t i = 0; i < n; ++i) ts[i] = static_cast<int64_t>(i) * 60'000'000'000;
    const DrawdownCurve c = compute_drawdowns(e, ts.data());
    const DrawdownSummary s = summarize_drawdowns(e, ts.data());
    double max_dd = std::nan("");
    for (double d : c.drawdown)
      if (!std::isnan(d) && (std::isnan(max_dd) || d > max_dd)) max_dd = d;
    EXPECT_TRUE(same_bits(s.max_drawdown, max_dd)) << trial << ": " << s.max_drawdown << " " << max_dd;
    std::vector<size_t> ends;
    for (size_t i = 0; i < n; ++i)
      if (c.duration_ns[i] != kNaT) ends.push_back(i);
    ASSERT_EQ(s.episode_end, ends) << trial;
    for (size_t k = 0; k < ends.size(); ++k) {
      EXPECT_TRUE(same_bits(s.episode_peak[k], c.peak[ends[k]])) << trial << " episode " << k;
      EXPECT_EQ(s.episode_duration[k], static_cast<double>(c.duration_ns[ends[k]]));
    }
    bool has_nan = false;
    for (double v : e) has_nan |= std::isnan(v);
    if (!has_nan) {
      EXPECT_TRUE(same_bits(s.equity_peak, *std::max_element(e.begin(), e.end()))) << trial;
    }
  }
}

// The bar-by-bar scan the day-skipping period_returns replaced.
PeriodReturns naive_daily_returns(const std::vector<double>& e, const std::vector<int64_t>& ts) {
  auto day = [](int64_t t) { return t / kDay - (t % kDay < 0); };
  std::vector<double> last;
  size_t weekend = 0;
  for (size_t i = 0; i < e.size(); ++i) {
    if (i > 0 && day(ts[i]) != day(ts[i - 1])) last.push_back(e[i - 1]);
    weekend += ((day(ts[i]) + 3) % 7 + 7) % 7 >= 5;
  }
  last.push_back(e.back());
  PeriodReturns pr;
  pr.periods_per_year = static_cast<double>(weekend) / static_cast<double>(e.size()) > 2.0 / 7 * .6 ? 365 : 252;
  for (size_t k = 1; k < last.size(); ++k)
    if (const double r = last[k] / last[k - 1] - 1; !std::isnan(r)) pr.returns.push_back(r);
  return pr;
}

TEST(Statistics, DailyPeriodReturnsMatchABarByBarScan) {
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<int> gap(1, 200);
  for (int64_t start : {int64_t{-40} * 365 * kDay + 17, int64_t{18630} * kDay}) {
    for (int weekends : {0, 1}) {
      std::vector<int64_t> ts;
      std::vector<double> e;
      int64_t t = start;
      for (size_t i = 0; i < 20'000; ++i) {
        t += i % 997 == 0 ? 3 * kDay + 5 : 60'000'000'000LL * gap(rng);
        const int64_t d = t / kDay - (t % kDay < 0);
        if (!weekends && ((d + 3) % 7 + 7) % 7 >= 5) continue;
        ts.push_back(t);
        e.push_back(1000 + static_cast<double>(i % 101) - static_cast<double>(i % 37) * 0.5);
      }
      const PeriodReturns got = period_returns(e, ts.data());
      const PeriodReturns want = naive_daily_returns(e, ts);
      EXPECT_EQ(got.periods_per_year, want.periods_per_year);
      EXPECT_EQ(got.returns, want.returns);
    }
  }
}

// A long equity curve and benchmark (compute_statistics' two-thread path).
struct LongSeries {
  std::vector<double> e, close;
  std::vector<int64_t> ts;
  explicit LongSeries(uint64_t seed, size_t n = 150'001) : e(n), close(n), ts(n) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> step(0, 0.001);
    double a = 0, b = 0;
    for (size_t i = 0; i < n; ++i) {
      a += step(rng);
      b = 0.7 * b + step(rng) + 0.3 * a;
      e[i] = 10'000 * std::exp(a);
      close[i] = 100 * std::exp(b);
      ts[i] = static_cast<int64_t>(i) * 60'000'000'000;
    }
  }
  StatisticsInput input() const {
    StatisticsInput in;
    in.equity = e;
    in.timestamps = ts.data();
    in.benchmark = close;
    return in;
  }
};

TEST(Statistics, BetaOnTwoThreadsEqualsSerial) {
  const LongSeries s(3);
  const double serial = log_return_beta(s.e, s.close);
  EXPECT_TRUE(same_bits(compute_statistics(s.input()).find("Beta")->number, serial));
  EXPECT_TRUE(std::isfinite(serial));
}

TEST(Statistics, PrecomputedBenchmarkReturnsGiveTheSameBeta) {
  // Long (two threads, the drawdowns first beside) and short (one thread).
  for (size_t bars : {150'000u, 5'000u}) {
    SCOPED_TRACE(bars);
    LongSeries s(5, bars);
    const BenchmarkReturns r = benchmark_returns(s.close);
    ASSERT_EQ(r.logs.size(), bars - 1);
    StatisticsInput in = s.input();
    const std::string plain = compute_statistics(in).to_json().dump();
    in.benchmark_returns = &r;
    const Statistics with = compute_statistics(in);
    EXPECT_EQ(with.to_json().dump(), plain);
    EXPECT_TRUE(same_bits(with.find("Beta")->number, log_return_beta(s.e, s.close)));
    EXPECT_TRUE(same_bits(log_return_beta(s.e, s.close, &r), log_return_beta(s.e, s.close)));
  }
  EXPECT_TRUE(benchmark_returns(std::vector<double>{1.0, 2.0}).logs.empty());
}

TEST(Statistics, ConcurrentCallsGiveTheSameStatistics) {
  // Several callers at once: one gets the reused helper thread, the others
  // threads of their own; every result equals a lone call's.
  std::vector<LongSeries> series;
  for (uint64_t k = 0; k < 4; ++k) series.emplace_back(10 + k);
  std::vector<nlohmann::ordered_json> alone;
  for (const LongSeries& s : series) alone.push_back(compute_statistics(s.input()).to_json());
  for (int round = 0; round < 3; ++round) {
    std::vector<nlohmann::ordered_json> got(series.size());
    std::vector<std::thread> callers;
    for (size_t k = 0; k < series.size(); ++k)
      callers.emplace_back([&, k] { got[k] = compute_statistics(series[k].input()).to_json(); });
    for (std::thread& t : callers) t.join();
    for (size_t k = 0; k < series.size(); ++k) EXPECT_EQ(got[k].dump(), alone[k].dump()) << k;
  }
}

TEST(Numeric, CenteredDotHalvesAtTheTopSplitEqualTheWhole) {
  std::mt19937_64 rng(21);
  std::normal_distribution<double> z(0, 1);
  for (size_t n : {1u, 7u, 128u, 129u, 1000u, 4097u, 150'001u}) {
    SCOPED_TRACE(n);
    std::vector<double> x(n), y(n);
    for (size_t i = 0; i < n; ++i) x[i] = z(rng), y[i] = 0.3 * x[i] + z(rng);
    const double mx = 0.01, my = -0.02;
    const std::array<double, 2> both = centered_dots(x, mx, y, my);
    const size_t split = pairwise_top_split(n);
    EXPECT_EQ(split == 0, n <= 128);
    const double halves = split == 0 ? centered_dot_part(x, mx, y, my, 0, n)
                                     : centered_dot_part(x, mx, y, my, 0, split) +
                                           centered_dot_part(x, mx, y, my, split, n - split);
    EXPECT_TRUE(same_bits(halves, both[0]));
    EXPECT_TRUE(same_bits(centered_dot(x, mx, y, my), both[0]));
    EXPECT_TRUE(same_bits(centered_dot(y, my, y, my), both[1]));
  }
}

TEST(Numeric, FilledPairwiseSumEqualsPairwiseSum) {
  for (size_t n : {0ul, 1ul, 7ul, 8ul, 129ul, 2048ul, 2049ul, 5000ul, 100'003ul}) {
    std::vector<double> src(n), v(n);
    for (size_t i = 0; i < n; ++i) src[i] = std::sin(static_cast<double>(i)) * 1e3 + 1e-7 * i;
    size_t next = 0;
    bool aligned = true;
    const double got = pairwise_sum_filled(v, [&](size_t begin, size_t count) {
      EXPECT_EQ(begin, next);  // contiguous blocks, in order
      // Every block but the last starts and ends at a multiple of 8, so
      // 8-wide kernels split the array as they would in one call.
      if (begin + count != n) aligned &= begin % 8 == 0 && count % 8 == 0;
      std::copy(src.begin() + begin, src.begin() + begin + count, v.begin() + begin);
      next = begin + count;
    });
    EXPECT_EQ(next, n);
    EXPECT_TRUE(aligned) << n;
    EXPECT_TRUE(same_bits(got, pairwise_sum(src))) << n;
  }
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
