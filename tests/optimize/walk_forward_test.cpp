// Walk-forward: window layouts checked by hand, and the whole procedure
// (per-window best set, out-of-sample run, stitched equity) against a naive
// loop over the direct SmaCrossStrategy path on GOOG.
#include "optimize/walk_forward.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "backtest/simulator.h"
#include "backtest/sma_cross.h"
#include "data/csv_loader.h"
#include "support/test_data.h"

namespace nocode::optimize {
namespace {

using Rows = std::vector<std::array<size_t, 4>>;

Rows layout(size_t rows, WalkForwardOptions o) {
  auto w = walk_forward_windows(rows, o);
  EXPECT_TRUE(w) << w.status().message();
  Rows out;
  if (w) for (const Window& x : *w) out.push_back({x.train_begin, x.train_end, x.test_begin, x.test_end});
  return out;
}

TEST(WalkForwardWindows, RollingAnchoredFolds) {
  WalkForwardOptions o;
  o.train_bars = 4;
  o.test_bars = 3;
  EXPECT_EQ(layout(10, o), (Rows{{0, 4, 4, 7}, {3, 7, 7, 10}}));
  EXPECT_EQ(layout(11, o), (Rows{{0, 4, 4, 7}, {3, 7, 7, 10}, {6, 10, 10, 11}}));
  o.anchored = true;
  EXPECT_EQ(layout(10, o), (Rows{{0, 4, 4, 7}, {0, 7, 7, 10}}));
  WalkForwardOptions f;
  f.folds = 3;
  EXPECT_EQ(layout(10, f), (Rows{{0, 4, 4, 6}, {2, 6, 6, 8}, {4, 8, 8, 10}}));
  f.anchored = true;
  EXPECT_EQ(layout(11, f), (Rows{{0, 5, 5, 7}, {0, 7, 7, 9}, {0, 9, 9, 11}}));
}

TEST(WalkForwardWindows, Errors) {
  WalkForwardOptions none;
  EXPECT_FALSE(walk_forward_windows(10, none));
  WalkForwardOptions both;
  both.train_bars = 3;
  both.test_bars = 2;
  both.folds = 2;
  EXPECT_FALSE(walk_forward_windows(10, both));
  WalkForwardOptions half;
  half.train_bars = 3;
  EXPECT_FALSE(walk_forward_windows(10, half));
  WalkForwardOptions big;
  big.train_bars = 10;
  big.test_bars = 2;
  auto r = walk_forward_windows(10, big);
  ASSERT_FALSE(r);
  EXPECT_NE(r.status().message().find("no out-of-sample window"), std::string::npos);
  WalkForwardOptions many;
  many.folds = 20;
  EXPECT_FALSE(walk_forward_windows(10, many));
}

struct Goog {
  Frame frame;
  backtest::MarketData data;
  Goog() {
    auto f = load_csv(testing::shared_data_dir() + "/GOOG.csv");
    EXPECT_TRUE(f) << f.status().message();
    frame = std::move(*f);
    data = *backtest::MarketData::from_frame(frame);
  }
  backtest::MarketData rows(size_t begin, size_t end) const {
    backtest::MarketData d = data;
    d.timestamps += begin;
    d.open += begin;
    d.high += begin;
    d.low += begin;
    d.close += begin;
    d.size = end - begin;
    return d;
  }
};

// Equity and final equity of SMA cross on rows [begin, end).
backtest::BacktestResult sma_run(const Goog& g, size_t fast, size_t slow, size_t begin, size_t end) {
  const backtest::MarketData d = g.rows(begin, end);
  backtest::SmaCrossStrategy s({d.close, d.size}, fast, slow);
  auto r = backtest::run_backtest(d, s, backtest::BacktestOptions{});
  EXPECT_TRUE(r) << r.status().message();
  return *r;
}

TEST(WalkForward, MatchesNaiveLoop) {
  const Goog g;
  const size_t train = 500, test = 250, n = g.data.size;
  ParameterSpace space;
  space.dims.push_back(*parse_grid_spec("fast=5:20:5"));
  space.dims.push_back(*parse_grid_spec("slow=10:40:10"));
  std::vector<Constraint> cs{*Constraint::parse("fast<slow", space.names())};
  OptimizeOptions options;
  options.threads = 2;
  WalkForwardOptions wf;
  wf.train_bars = train;
  wf.test_bars = test;
  WindowObjective objective = [&](const ParamSet& p, size_t b, size_t e,
                                  bool full) -> Result<WindowRun> {
    const backtest::MarketData d = g.rows(b, e);
    backtest::BacktestResult r = sma_run(g, size_t(p[0]), size_t(p[1]), b, e);
    WindowRun run;
    run.statistics = backtest::compute_statistics(d, r);
    if (full) {
      run.equity = r.equity;
      run.timestamps.assign(d.timestamps, d.timestamps + d.size);
    }
    return run;
  };
  auto result = walk_forward(space, cs, options, wf, n, 10000, objective);
  ASSERT_TRUE(result) << result.status().message();

  // Naive: every window by hand.
  std::vector<double> equity;
  std::vector<int64_t> ts;
  double level = 10000;
  size_t k = 0;
  for (size_t start = 0; start + train < n; start += test, ++k) {
    ASSERT_LT(k, result->windows.size());
    const WindowResult& w = result->windows[k];
    EXPECT_EQ(w.window.train_begin, start);
    EXPECT_EQ(w.window.test_end, std::min(n, start + train + test));
    double best = -INFINITY;
    size_t bf = 0, bs = 0;
    for (size_t fast = 5; fast <= 20; fast += 5) {
      for (size_t slow = 10; slow <= 40; slow += 10) {
        if (fast >= slow) continue;
        const double v = sma_run(g, fast, slow, start, start + train).equity.back();
        if (v > best) best = v, bf = fast, bs = slow;
      }
    }
    EXPECT_EQ(w.best, (ParamSet{double(bf), double(bs)})) << "window " << k;
    EXPECT_EQ(w.in_sample, best);
    const size_t tb = start + train, te = std::min(n, tb + test);
    const std::vector<double> oos = sma_run(g, bf, bs, tb, te).equity;
    EXPECT_EQ(w.out_of_sample, oos.back());
    for (size_t i = 0; i < oos.size(); ++i) {
      equity.push_back(level * (oos[i] / oos.front()));
      ts.push_back(g.data.timestamps[tb + i]);
    }
    level = equity.back();
  }
  EXPECT_EQ(result->windows.size(), k);
  ASSERT_EQ(result->equity.size(), equity.size());
  EXPECT_EQ(result->equity.size(), n - train);
  EXPECT_EQ(result->timestamps, ts);
  for (size_t i = 0; i < equity.size(); ++i) {
    ASSERT_NEAR(result->equity[i], equity[i], 1e-9 * equity[i]) << i;
  }
}

TEST(WalkForward, FailedWindowKeepsLevel) {
  ParameterSpace space;
  space.dims.push_back(*parse_grid_spec("p=1,2"));
  WalkForwardOptions wf;
  wf.train_bars = 2;
  wf.test_bars = 2;
  OptimizeOptions options;
  options.threads = 1;
  auto result = walk_forward(space, {}, options, wf, 6, 100,
                             [](const ParamSet& p, size_t b, size_t e, bool full) -> Result<WindowRun> {
                               if (b == 4 && full) return Status::invalid_argument("no data");
                               WindowRun r;
                               backtest::StatValue v;
                               v.number = p[0] * 10 + double(b);
                               r.statistics.items.push_back({"Equity Final [$]", v});
                               if (full) {
                                 for (size_t i = b; i < e; ++i) r.equity.push_back(50.0 * double(i - b + 1));
                                 for (size_t i = b; i < e; ++i) r.timestamps.push_back(int64_t(i));
                               }
                               return r;
                             });
  ASSERT_TRUE(result) << result.status().message();
  ASSERT_EQ(result->windows.size(), 2u);
  EXPECT_EQ(result->windows[0].best, ParamSet{2});
  EXPECT_EQ(result->windows[0].in_sample, 20);
  EXPECT_EQ(result->windows[0].out_of_sample, 22);
  EXPECT_FALSE(result->windows[1].status.is_ok());
  EXPECT_TRUE(std::isnan(result->windows[1].out_of_sample));
  // Window 0's curve 50, 100 rescaled to start at 100: 100, 200.
  EXPECT_EQ(result->equity, (std::vector<double>{100, 200}));
  EXPECT_EQ(result->timestamps, (std::vector<int64_t>{2, 3}));
}

}  // namespace
}  // namespace nocode::optimize
