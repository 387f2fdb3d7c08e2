// The optimizer over the direct SmaCrossStrategy path on GOOG: grid order,
// constraints, best set against a naive loop, random determinism, parallel
// == serial, failures as values, objective validation.
#include "optimize/optimizer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <set>

#include "backtest/simulator.h"
#include "backtest/sma_cross.h"
#include "data/csv_loader.h"
#include "support/test_data.h"

namespace nocode::optimize {
namespace {

struct Goog {
  Frame frame;
  backtest::MarketData data;
  Goog() {
    auto f = load_csv(testing::shared_data_dir() + "/GOOG.csv");
    EXPECT_TRUE(f) << f.status().message();
    frame = std::move(*f);
    data = *backtest::MarketData::from_frame(frame);
  }
};

const Goog& goog() {
  static const Goog g;
  return g;
}

Result<backtest::Statistics> sma_stats(size_t fast, size_t slow) {
  const auto& d = goog().data;
  backtest::SmaCrossStrategy strategy({d.close, d.size}, fast, slow);
  backtest::BacktestOptions options;
  options.finalize_trades = true;
  auto r = backtest::run_backtest(d, strategy, options);
  if (!r) return r.status();
  return backtest::compute_statistics(d, *r);
}

Objective sma_objective() {
  return [](const ParamSet& p) {
    return sma_stats(static_cast<size_t>(p[0]), static_cast<size_t>(p[1]));
  };
}

ParameterSpace issue_space() {
  ParameterSpace space;
  space.dims.push_back(*parse_grid_spec("fast=5:30:5"));
  space.dims.push_back(*parse_grid_spec("slow=10:70:5"));
  return space;
}

std::vector<Constraint> fast_below_slow() {
  return {*Constraint::parse("fast<slow", {"fast", "slow"})};
}

TEST(Optimizer, GridMatchesNaiveLoop) {
  OptimizeOptions options;
  options.threads = 2;
  auto result = optimize(issue_space(), fast_below_slow(), options, sma_objective());
  ASSERT_TRUE(result) << result.status().message();
  // Naive loop over the same grid, in the same order.
  std::vector<ParamSet> expected;
  double best_value = -INFINITY;
  ParamSet best;
  size_t rejected = 0;
  for (int fast = 5; fast <= 30; fast += 5) {
    for (int slow = 10; slow <= 70; slow += 5) {
      if (!(fast < slow)) {
        ++rejected;
        continue;
      }
      expected.push_back({double(fast), double(slow)});
      auto s = sma_stats(fast, slow);
      ASSERT_TRUE(s);
      const double v = s->find("Equity Final [$]")->number;
      if (v > best_value) {
        best_value = v;
        best = {double(fast), double(slow)};
      }
    }
  }
  ASSERT_EQ(result->sets.size(), expected.size());
  EXPECT_EQ(result->rejected, rejected);
  for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(result->sets[i].params, expected[i]);
  ASSERT_TRUE(result->has_best());
  EXPECT_EQ(result->sets[result->best].params, best);
  EXPECT_EQ(result->sets[result->best].objective, best_value);
  EXPECT_EQ(result->param_names, (std::vector<std::string>{"fast", "slow"}));
}

TEST(Optimizer, MinimizeAndOtherStatistics) {
  OptimizeOptions options;
  options.objective = "Max. Drawdown [%]";
  options.maximize = false;
  auto result = optimize(issue_space(), fast_below_slow(), options, sma_objective());
  ASSERT_TRUE(result);
  double lowest = INFINITY;
  for (const SetResult& r : result->sets) lowest = std::min(lowest, r.statistics.find("Max. Drawdown [%]")->number);
  EXPECT_EQ(result->sets[result->best].objective, lowest);
  // The statistic is negative in backtesting.py: minimizing picks the deepest.
  EXPECT_LT(lowest, 0);
}

TEST(Optimizer, ParallelEqualsSerial) {
  OptimizeOptions serial;
  serial.threads = 1;
  OptimizeOptions parallel;
  parallel.threads = 8;
  auto a = optimize(issue_space(), fast_below_slow(), serial, sma_objective());
  auto b = optimize(issue_space(), fast_below_slow(), parallel, sma_objective());
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->sets.size(), b->sets.size());
  EXPECT_EQ(a->best, b->best);
  for (size_t i = 0; i < a->sets.size(); ++i) {
    EXPECT_EQ(a->sets[i].params, b->sets[i].params);
    EXPECT_EQ(a->sets[i].statistics.to_json(), b->sets[i].statistics.to_json()) << i;
  }
}

TEST(Optimizer, EveryThreadWorks) {
  std::atomic<size_t> calls{0};
  OptimizeOptions options;
  options.threads = 4;
  auto result = optimize(issue_space(), {}, options, [&](const ParamSet& p) {
    ++calls;
    return sma_stats(static_cast<size_t>(p[0]), static_cast<size_t>(p[1]));
  });
  ASSERT_TRUE(result);
  EXPECT_EQ(calls.load(), 6u * 13u);
  EXPECT_EQ(result->sets.size(), 78u);
}

TEST(Optimizer, FailuresAreValues) {
  OptimizeOptions options;
  options.threads = 3;
  auto result = optimize(issue_space(), fast_below_slow(), options,
                         [](const ParamSet& p) -> Result<backtest::Statistics> {
                           if (p[1] == 40) return Status::invalid_argument("slow 40 is cursed");
                           return sma_stats(static_cast<size_t>(p[0]), static_cast<size_t>(p[1]));
                         });
  ASSERT_TRUE(result);
  size_t failed = 0;
  for (const SetResult& r : result->sets) {
    if (r.params[1] == 40) {
      ++failed;
      EXPECT_EQ(r.status.message(), "slow 40 is cursed");
      EXPECT_TRUE(std::isnan(r.objective));
    } else {
      EXPECT_TRUE(r.status.is_ok());
    }
  }
  EXPECT_EQ(failed, 6u);
  EXPECT_EQ(result->failed, 6u);
  EXPECT_TRUE(result->has_best());
  EXPECT_NE(result->sets[result->best].params[1], 40);
}

TEST(Optimizer, RandomIsDeterministicBySeedAndDistinct) {
  OptimizeOptions options;
  options.method = Method::kRandom;
  options.samples = 20;
  options.seed = 42;
  auto a = candidates(issue_space(), fast_below_slow(), options);
  auto b = candidates(issue_space(), fast_below_slow(), options);
  options.seed = 43;
  auto c = candidates(issue_space(), fast_below_slow(), options);
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ(*a, *b);
  EXPECT_NE(*a, *c);
  ASSERT_EQ(a->size(), 20u);
  std::set<ParamSet> distinct(a->begin(), a->end());
  EXPECT_EQ(distinct.size(), 20u);
  for (const ParamSet& p : *a) {
    EXPECT_LT(p[0], p[1]);
    EXPECT_EQ(std::fmod(p[0], 5), 0);
  }
  options.samples = 1000;  // more than admissible: every admissible point once
  auto all = candidates(issue_space(), fast_below_slow(), options);
  ASSERT_TRUE(all);
  OptimizeOptions grid;
  auto full = candidates(issue_space(), fast_below_slow(), grid);
  ASSERT_TRUE(full);
  EXPECT_EQ(std::set<ParamSet>(all->begin(), all->end()),
            std::set<ParamSet>(full->begin(), full->end()));
}

TEST(Optimizer, RandomContinuousRange) {
  ParameterSpace space;
  space.dims.push_back(*parse_range_spec("sl=0.01:0.05"));
  space.dims.push_back(*parse_range_spec("n=2:4"));
  OptimizeOptions options;
  options.method = Method::kRandom;
  options.samples = 50;
  options.seed = 1;
  auto sets = candidates(space, {}, options);
  ASSERT_TRUE(sets) << sets.status().message();
  ASSERT_EQ(sets->size(), 50u);
  for (const ParamSet& p : *sets) {
    EXPECT_GE(p[0], 0.01);
    EXPECT_LT(p[0], 0.05);
    EXPECT_TRUE(p[1] == 2 || p[1] == 3 || p[1] == 4);
  }
  OptimizeOptions grid;
  auto refused = candidates(space, {}, grid);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.status().message().find("'sl' is a continuous range"), std::string::npos);
}

TEST(Optimizer, OptionErrors) {
  OptimizeOptions options;
  options.objective = "Sharpe Ratoi";
  Status s = options.validate();
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("unknown statistic 'Sharpe Ratoi'; did you mean 'Sharpe Ratio'"),
            std::string::npos) << s.message();
  options.objective = "Start";
  EXPECT_FALSE(options.validate().is_ok());
  options.objective = "SQN";
  options.method = Method::kRandom;
  EXPECT_FALSE(options.validate().is_ok());
  auto none = optimize(issue_space(), {*Constraint::parse("fast>100", {"fast", "slow"})},
                       OptimizeOptions{}, sma_objective());
  ASSERT_FALSE(none);
  EXPECT_NE(none.status().message().find("no parameter set satisfies the constraints (78 rejected)"),
            std::string::npos);
}

TEST(Optimizer, DurationObjectiveInDays) {
  backtest::Statistics s;
  backtest::StatValue v;
  v.kind = backtest::StatValue::Kind::kDuration;
  v.ns = 86'400'000'000'000LL * 3 / 2;
  s.items.push_back({"Max. Drawdown Duration", v});
  EXPECT_DOUBLE_EQ(objective_value(s, "Max. Drawdown Duration"), 1.5);
  EXPECT_TRUE(std::isnan(objective_value(s, "SQN")));
  EXPECT_EQ(objective_value(s, "Commissions [$]"), 0.0);
}

}  // namespace
}  // namespace nocode::optimize
