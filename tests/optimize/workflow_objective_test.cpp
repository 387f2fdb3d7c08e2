// The workflow objective on examples/workflows/sma_cross.json: statistics
// equal the direct SmaCrossStrategy path, one shared NodeCache computes each
// SMA period once for the whole grid, parallel == serial, and errors.
#include "optimize/workflow_objective.h"

#include <gtest/gtest.h>

#include <set>

#include "backtest/simulator.h"
#include "backtest/sma_cross.h"
#include "data/csv_loader.h"
#include "optimize/optimizer.h"
#include "support/test_data.h"

namespace nocode::optimize {
namespace {

std::string example() { return testing::source_dir() + "/examples/workflows/sma_cross.json"; }
std::string goog_csv() { return testing::source_dir() + "/examples/data/GOOG.csv"; }

workflow::Document load_example() {
  workflow::Diagnostics diags;
  auto doc = workflow::load_document(example(), diags);
  EXPECT_TRUE(doc) << doc.status().message();
  return *doc;
}

ParameterSpace space() {
  ParameterSpace s;
  s.dims.push_back(*parse_grid_spec("fast=5:25:5"));
  s.dims.push_back(*parse_grid_spec("slow=10:40:10"));
  return s;
}

WorkflowObjectiveOptions options() {
  WorkflowObjectiveOptions o;
  o.backtest.run.data.data_file = goog_csv();
  return o;
}

TEST(WorkflowObjective, EqualsDirectSmaCross) {
  engine::NodeCache cache;
  engine::Engine eng(cache);
  auto obj = WorkflowObjective::make(load_example(), space(), eng, options());
  ASSERT_TRUE(obj) << obj.status().message();
  auto frame = load_csv(goog_csv());
  ASSERT_TRUE(frame);
  const auto md = *backtest::MarketData::from_frame(*frame);
  for (ParamSet p : {ParamSet{10, 20}, ParamSet{5, 30}, ParamSet{25, 40}}) {
    auto stats = (*obj)(p);
    ASSERT_TRUE(stats) << stats.status().message();
    backtest::SmaCrossStrategy s({md.close, md.size}, size_t(p[0]), size_t(p[1]));
    auto direct = backtest::run_backtest(md, s, backtest::BacktestOptions{});
    ASSERT_TRUE(direct);
    const auto expected = backtest::compute_statistics(md, *direct);
    EXPECT_EQ(stats->find("Equity Final [$]")->number, expected.find("Equity Final [$]")->number);
    EXPECT_EQ(stats->find("# Trades")->number, expected.find("# Trades")->number);
  }
}

TEST(WorkflowObjective, SharedCacheComputesEachPeriodOnce) {
  engine::NodeCache cache;
  engine::Engine eng(cache);
  const ParameterSpace s = space();
  auto obj = WorkflowObjective::make(load_example(), s, eng, options());
  ASSERT_TRUE(obj);
  OptimizeOptions o;
  auto sets = candidates(s, {*Constraint::parse("fast<slow", s.names())}, o);
  ASSERT_TRUE(sets);
  std::set<double> periods;
  size_t sma_computed = 0, data_computed = 0, sma_steps = 0;
  for (const ParamSet& p : *sets) {
    periods.insert(p[0]);
    periods.insert(p[1]);
    // A full run: the statistics-only path of an SMA-cross workflow skips the
    // SMA steps altogether (workflow_backtest.h), so it would show nothing.
    auto r = obj->run(p, false);
    ASSERT_TRUE(r) << r.status().message();
    for (const engine::StepRecord& step : r->run.steps) {
      if (step.type == "technicalIndicator") {
        ++sma_steps;
        sma_computed += step.cached ? 0 : 1;
      }
      if (step.type == "dataSource") data_computed += step.cached ? 0 : 1;
    }
  }
  EXPECT_EQ(sma_steps, 2 * sets->size());
  // SMA(10) as the fast line of one set is the slow line of another: one key.
  EXPECT_EQ(sma_computed, periods.size());
  EXPECT_EQ(data_computed, 1u);
}

TEST(WorkflowObjective, ParallelEqualsSerial) {
  const ParameterSpace s = space();
  std::vector<Constraint> cs{*Constraint::parse("fast<slow", s.names())};
  std::vector<nlohmann::ordered_json> out;
  for (size_t threads : {1u, 4u}) {
    engine::NodeCache cache;
    engine::Engine eng(cache);
    auto obj = WorkflowObjective::make(load_example(), s, eng, options());
    ASSERT_TRUE(obj);
    OptimizeOptions o;
    o.threads = threads;
    auto r = optimize(s, cs, o, *obj);
    ASSERT_TRUE(r) << r.status().message();
    EXPECT_EQ(r->failed, 0u);
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const SetResult& x : r->sets) j.push_back(x.statistics.to_json());
    j.push_back(r->best);
    out.push_back(j);
  }
  EXPECT_EQ(out[0], out[1]);
}

TEST(WorkflowObjective, Errors) {
  engine::NodeCache cache;
  engine::Engine eng(cache);
  ParameterSpace s;
  s.dims.push_back(*parse_grid_spec("fsat=5,10"));
  auto bad = WorkflowObjective::make(load_example(), s, eng, options());
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.status().message().find("'fsat' is not a parameter of the workflow (it has 'fast' and 'slow'); did you mean 'fast'?"),
            std::string::npos) << bad.status().message();
  // A set the workflow rejects fails alone.
  ParameterSpace z;
  z.dims.push_back(*parse_grid_spec("fast=0,5"));
  auto obj = WorkflowObjective::make(load_example(), z, eng, options());
  ASSERT_TRUE(obj) << obj.status().message();
  auto r = optimize(z, {}, OptimizeOptions{}, *obj);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->sets[0].status.is_ok());
  EXPECT_TRUE(r->sets[1].status.is_ok()) << r->sets[1].status.message();
  EXPECT_EQ(r->best, 1u);
}

}  // namespace
}  // namespace nocode::optimize
