// backtest_plan's statistics-only lean path (the engine loads only the bars
// when every action is an exact SMA cross) against the full path: the same
// trades, equity and statistics, and a fallback to the full path whenever
// the lean one does not apply.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "backtest/rolling_mean.h"
#include "data/csv_loader.h"
#include "engine/exact_crosses.h"
#include "engine/workflow_backtest.h"
#include "support/test_data.h"
#include "workflow/compiler.h"

namespace nocode::engine {
namespace {

using nlohmann::json;

json sma_cross_doc() {
  std::ifstream in(testing::source_dir() + "/examples/workflows/sma_cross.json");
  return json::parse(in);
}

Result<WorkflowBacktest> run(const json& doc, int fast, int slow, bool statistics_only) {
  workflow::CompileOptions c;
  c.overrides = {"fast=" + std::to_string(fast), "slow=" + std::to_string(slow)};
  const workflow::Plan plan = workflow::compile_json(doc.dump(), c);
  EXPECT_TRUE(plan.ok());
  NodeCache cache;
  const Engine engine(cache);
  WorkflowBacktestOptions opts;
  opts.run.data.data_file = testing::shared_data_dir() + "/GOOG.csv";
  opts.statistics_only = statistics_only;
  return backtest_plan(engine, plan, opts);
}

bool same_number(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

void expect_same(const WorkflowBacktest& full, const WorkflowBacktest& lean) {
  ASSERT_EQ(full.result.equity.size(), lean.result.equity.size());
  for (size_t i = 0; i < full.result.equity.size(); ++i)
    ASSERT_EQ(full.result.equity[i], lean.result.equity[i]) << i;
  ASSERT_EQ(full.result.trades.size(), lean.result.trades.size());
  for (size_t i = 0; i < full.result.trades.size(); ++i) {
    EXPECT_EQ(full.result.trades[i].entry_bar, lean.result.trades[i].entry_bar) << i;
    EXPECT_EQ(full.result.trades[i].exit_bar, lean.result.trades[i].exit_bar) << i;
    EXPECT_EQ(full.result.trades[i].size, lean.result.trades[i].size) << i;
  }
  ASSERT_EQ(full.statistics.items.size(), lean.statistics.items.size());
  for (size_t i = 0; i < full.statistics.items.size(); ++i) {
    const auto &a = full.statistics.items[i], &b = lean.statistics.items[i];
    EXPECT_EQ(a.name, b.name);
    EXPECT_TRUE(same_number(a.value.number, b.value.number)) << a.name;
    EXPECT_EQ(a.value.ns, b.value.ns) << a.name;
  }
}

TEST(WorkflowBacktestLean, SmaCrossStatisticsOnlyEqualsTheFullRun) {
  const json doc = sma_cross_doc();
  for (auto [fast, slow] : {std::pair{10, 20}, {5, 10}, {10, 30}, {20, 20}, {25, 65}, {30, 10}}) {
    SCOPED_TRACE(std::to_string(fast) + "/" + std::to_string(slow));
    auto full = run(doc, fast, slow, false);
    auto lean = run(doc, fast, slow, true);
    ASSERT_TRUE(full.is_ok()) << full.status().to_string();
    ASSERT_TRUE(lean.is_ok()) << lean.status().to_string();
    EXPECT_EQ(lean->run.steps.size(), 1u);  // only the data step ran: the lean path
    EXPECT_GT(full->run.steps.size(), 1u);
    expect_same(*full, *lean);
  }
}

TEST(WorkflowBacktestLean, ConstantLevelCrossEqualsTheFullRun) {
  json doc = sma_cross_doc();
  auto& edges = doc["workflow_data"]["edges"];
  for (size_t i = edges.size(); i-- > 0;)  // cross the fast SMA with a constant level
    if (edges[i]["targetHandle"] == "value-input") edges.erase(i);
  for (auto& n : doc["workflow_data"]["nodes"])
    if (n["type"] == "condition") n["data"]["parameters"]["value"] = 600;
  auto full = run(doc, 10, 20, false);
  auto lean = run(doc, 10, 20, true);
  ASSERT_TRUE(full.is_ok()) << full.status().to_string();
  ASSERT_TRUE(lean.is_ok()) << lean.status().to_string();
  EXPECT_GT(full->result.trades.size(), 0u);
  expect_same(*full, *lean);
}

TEST(WorkflowBacktestLean, FallsBackToTheFullRunWhenItDoesNotApply) {
  json doc = sma_cross_doc();  // a risk gate on the buy action: not lean
  doc["workflow_data"]["nodes"].push_back(
      {{"id", "risk-1"}, {"type", "riskManagement"}, {"data", {{"parameters", {{"maxLoss", 1.0}}}}}});
  doc["workflow_data"]["edges"].push_back({{"id", "r1"}, {"source", "data-1"}, {"target", "risk-1"},
                                           {"sourceHandle", "data-output"}, {"targetHandle", "data-input"}});
  doc["workflow_data"]["edges"].push_back({{"id", "r2"}, {"source", "risk-1"}, {"target", "buy"},
                                           {"sourceHandle", "risk-output"}, {"targetHandle", "risk-input"}});
  auto full = run(doc, 10, 30, false);
  auto lean = run(doc, 10, 30, true);
  ASSERT_TRUE(full.is_ok()) << full.status().to_string();
  ASSERT_TRUE(lean.is_ok()) << lean.status().to_string();
  EXPECT_GT(lean->run.steps.size(), 1u);
  expect_same(*full, *lean);
}

// Five SMAs (beyond the fixed-count fast paths), a constant level and a
// shared mean: every streamed signal equals the batch definition (pandas
// rolling means, strict cross on the previous bar).
TEST(WorkflowBacktestLean, StreamedCrossesEqualTheBatchDefinition) {
  json doc = sma_cross_doc();
  auto& nodes = doc["workflow_data"]["nodes"];
  auto& edges = doc["workflow_data"]["edges"];
  auto add_sma = [&](const std::string& id, int period, const std::string& source) {
    nodes.push_back({{"id", id}, {"type", "technicalIndicator"},
                     {"data", {{"parameters", {{"indicator", "SMA"}, {"period", period}, {"source", source}}}}}});
    edges.push_back({{"id", "e-" + id}, {"source", "data-1"}, {"target", id},
                     {"sourceHandle", "data-output"}, {"targetHandle", "data-input"}});
  };
  auto add_cross = [&](const std::string& id, const std::string& kind, const std::string& left,
                       const std::string& right, double value) {
    nodes.push_back({{"id", id}, {"type", "condition"},
                     {"data", {{"parameters", {{"condition", kind}, {"value", value}}}}}});
    edges.push_back({{"id", "l-" + id}, {"source", left}, {"target", id},
                     {"sourceHandle", "output-1"}, {"targetHandle", "data-input"}});
    if (!right.empty())
      edges.push_back({{"id", "r-" + id}, {"source", right}, {"target", id},
                       {"sourceHandle", "output-1"}, {"targetHandle", "value-input"}});
  };
  add_sma("sma-a", 7, "close");
  add_sma("sma-b", 15, "high");
  add_sma("sma-c", 40, "low");
  add_cross("cross-a", "crossover", "sma-a", "sma-b", 0);
  add_cross("cross-b", "crossunder", "sma-c", "sma-fast", 0);
  add_cross("cross-c", "crossover", "sma-a", "", 500);
  for (auto [from, to] : {std::pair{"cross-a", "buy"}, {"cross-b", "sell"}, {"cross-c", "buy"}})
    edges.push_back({{"id", std::string("s-") + from}, {"source", from}, {"target", to},
                     {"sourceHandle", "signal-output"}, {"targetHandle", "signal-input"}});
  const workflow::Plan plan = workflow::compile_json(doc.dump(), {});
  ASSERT_TRUE(plan.ok());
  auto frame = load_csv(testing::shared_data_dir() + "/GOOG.csv");
  ASSERT_TRUE(frame.is_ok());
  const std::string bars_column = plan.steps[plan.step_of_node.at("data-1")].outputs.front().column;
  struct Want { std::string id, left_col; int left; std::string right_col; int right; double dir, value; };
  const std::vector<Want> wants{{"cross-up", "close", 10, "close", 20, 1, 0},
                                {"cross-down", "close", 10, "close", 20, -1, 0},
                                {"cross-a", "close", 7, "high", 15, 1, 0},
                                {"cross-b", "low", 40, "close", 10, -1, 0},
                                {"cross-c", "close", 7, "", 0, 1, 500}};
  std::vector<const workflow::Step*> conds;
  for (const Want& w : wants) conds.push_back(&plan.steps[plan.step_of_node.at(w.id)]);
  auto got = exact_crosses(plan, conds, *frame, bars_column);
  ASSERT_TRUE(got.has_value());
  ASSERT_EQ(got->size(), wants.size());
  for (size_t k = 0; k < wants.size(); ++k) {
    const Want& w = wants[k];
    SCOPED_TRACE(w.id);
    const auto a = backtest::rolling_mean(*frame->column(w.left_col), w.left);
    std::vector<double> b(a.size(), w.value);
    if (!w.right_col.empty()) b = backtest::rolling_mean(*frame->column(w.right_col), w.right);
    std::vector<size_t> want;
    for (size_t t = 1; t < a.size(); ++t)
      if (w.dir * (a[t - 1] - b[t - 1]) < 0 && w.dir * (a[t] - b[t]) > 0) want.push_back(t);
    EXPECT_EQ((*got)[k], want);
    EXPECT_FALSE(want.empty());
  }
  auto full = run(doc, 10, 20, false);  // and the lean backtest of this plan equals the full one
  auto lean = run(doc, 10, 20, true);
  ASSERT_TRUE(full.is_ok()) << full.status().to_string();
  ASSERT_TRUE(lean.is_ok()) << lean.status().to_string();
  EXPECT_EQ(lean->run.steps.size(), 1u);
  expect_same(*full, *lean);
}

}  // namespace
}  // namespace nocode::engine
