// The node cache: a re-run reuses every unchanged step, a parameter change
// recomputes only the steps that depend on it, changed data recomputes all.
#include "engine/node_cache.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "engine/plan_builder.h"
#include "workflow/compiler.h"

namespace nocode::engine::testing {
namespace {

class CacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = nocode::testing::make_temp_dir();
    csv_ = write_bars(dir_ + "/tiny.csv", kClose);
    options_.data.data_file = csv_;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_, csv_;
  NodeCache cache_;
  RunOptions options_;
};

TEST_F(CacheTest, RerunIsServedFromTheCache) {
  Engine engine(cache_);
  auto first = engine.run(crossing_plan(3), options_);
  ASSERT_TRUE(first.is_ok()) << first.status().message();
  EXPECT_EQ(first->counters.computed, 5u);
  EXPECT_EQ(first->counters.cache_hits, 0u);
  EXPECT_EQ(first->counters.kernel_executions, 5u);
  auto second = engine.run(crossing_plan(3), options_);
  ASSERT_TRUE(second.is_ok());
  EXPECT_EQ(second->counters.computed, 0u);
  EXPECT_EQ(second->counters.cache_hits, 5u);
  EXPECT_EQ(second->counters.kernel_executions, 0u);
  // Same results either way.
  EXPECT_EQ(*second->signals.column("x"), *first->signals.column("x"));
  EXPECT_EQ(second->actions[0].bars, first->actions[0].bars);
}

TEST_F(CacheTest, ParameterChangeRecomputesOnlyWhatDependsOnIt) {
  Engine engine(cache_);
  ASSERT_TRUE(engine.run(crossing_plan(3), options_).is_ok());
  auto r = engine.run(crossing_plan(4), options_);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  // data and the fast SMA are reused; slow SMA, crossover and action rerun.
  EXPECT_EQ(r->counters.cache_hits, 2u);
  EXPECT_EQ(r->counters.computed, 3u);
  EXPECT_EQ(r->counters.kernel_executions, 3u);
  std::vector<std::string> computed;
  for (const auto& s : r->steps)
    if (!s.cached) computed.push_back(s.node_id);
  EXPECT_EQ(computed, (std::vector<std::string>{"slow", "x", "buy"}));
}

TEST_F(CacheTest, ChangedDataIsNotServedFromTheCache) {
  Engine engine(cache_);
  ASSERT_TRUE(engine.run(crossing_plan(3), options_).is_ok());
  std::vector<double> other = kClose;
  other.push_back(14);  // one more bar: different size
  write_bars(csv_, other);
  auto r = engine.run(crossing_plan(3), options_);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->counters.cache_hits, 0u);
  EXPECT_EQ(r->features.rows(), other.size());
}

TEST_F(CacheTest, CacheIsSharedBetweenEnginesAndBounded) {
  {
    Engine engine(cache_);
    ASSERT_TRUE(engine.run(crossing_plan(3), options_).is_ok());
  }
  Engine again(cache_);
  auto r = again.run(crossing_plan(3), options_);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->counters.cache_hits, 5u);

  NodeCache small(2);
  Engine bounded(small);
  ASSERT_TRUE(bounded.run(crossing_plan(3), options_).is_ok());
  EXPECT_LE(small.size(), 2u);
}

TEST_F(CacheTest, CompiledPlanRerunAfterSetRecomputesOnlyDependents) {
  const std::string doc = tiny_workflow_json().dump();
  Engine engine(cache_);
  workflow::CompileOptions p3, p4;
  p4.overrides = {"period=4"};
  auto first = engine.run(workflow::compile_json(doc, p3), options_);
  ASSERT_TRUE(first.is_ok()) << first.status().message();
  EXPECT_EQ(first->counters.computed, 4u);
  auto again = engine.run(workflow::compile_json(doc, p3), options_);
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(again->counters.cache_hits, 4u);
  EXPECT_EQ(again->counters.kernel_executions, 0u);
  auto changed = engine.run(workflow::compile_json(doc, p4), options_);
  ASSERT_TRUE(changed.is_ok()) << changed.status().message();
  std::vector<std::string> computed;
  for (const auto& s : changed->steps)
    if (!s.cached) computed.push_back(s.node_id);
  EXPECT_EQ(computed, (std::vector<std::string>{"sma-1", "cond-1", "buy-1"}));
  EXPECT_EQ(changed->counters.cache_hits, 1u);  // the data step
}

TEST(Fnv1a, KnownVectors) {
  // FNV-1a 64 test vectors (Fowler/Noll/Vo reference): "" and "a".
  EXPECT_EQ(fnv1a(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(fnv1a("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(hex64(0xaf63dc4c8601ec8cull), "af63dc4c8601ec8c");
}

}  // namespace
}  // namespace nocode::engine::testing
