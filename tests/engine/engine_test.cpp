// Engine step semantics on hand-built plans over a tiny CSV, with expected
// bars computed by hand (and re-derived by naive loops from the definitions).
#include "engine/engine.h"

#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "engine/plan_builder.h"
#include "ml/model.h"
#include "support/run_command.h"

namespace nocode::engine::testing {
namespace {

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = nocode::testing::make_temp_dir();
    csv_ = write_bars(dir_ + "/tiny.csv", kClose);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // data -> sma(2), sma(3) -> `kind`(sma2, sma3) -> buy action
  size_t crossing(PlanBuilder& b, const std::string& kind) {
    const size_t d = b.data("data-1");
    const size_t fast = b.indicator("fast", "sma", {{"period", 2}}, d);
    const size_t slow = b.indicator("slow", "sma", {{"period", 3}}, d);
    return b.condition(kind, kind, {},
                       {b.bind("data-input", fast, "output-1"), b.bind("value-input", slow, "output-1")});
  }

  std::string dir_, csv_;
};

TEST_F(EngineTest, CrossoverFiresOnHandCheckedBars) {
  PlanBuilder b;
  const size_t up = crossing(b, "crossover");
  b.action("buy-1", "buy", up);
  auto r = run_on(b.plan, csv_);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  // SMA2 / SMA3 by hand: SMA2 crosses above SMA3 at bars 4 (10 > 9.33, before
  // 8.5 <= 8.67) and 10 (10.5 > 9.33, before 8 <= 8).
  EXPECT_EQ(true_rows(column(r->signals, "crossover")), (std::vector<size_t>{4, 10}));
  // The same from the definition with naive SMAs.
  const auto f = naive_sma(kClose, 2), s = naive_sma(kClose, 3);
  std::vector<size_t> expected;
  for (size_t t = 1; t < kClose.size(); ++t)
    if (f[t] > s[t] && f[t - 1] <= s[t - 1]) expected.push_back(t);
  EXPECT_EQ(true_rows(column(r->signals, "crossover")), expected);
  ASSERT_EQ(r->actions.size(), 1u);
  EXPECT_EQ(r->actions[0].node_id, "buy-1");
  EXPECT_EQ(r->actions[0].decision, "BUY");
  EXPECT_EQ(r->actions[0].bars, (std::vector<size_t>{4, 10}));
  EXPECT_EQ(format_timestamp(r->actions[0].timestamps.front()), "2020-01-05");
  EXPECT_EQ(format_timestamp(r->actions[0].timestamps.back()), "2020-01-11");
  // features: OHLCV of the data node and both indicator columns, on every bar.
  EXPECT_EQ(r->features.rows(), kClose.size());
  EXPECT_EQ(column(r->features, "data-1.close"), kClose);
  const auto fast = column(r->features, "fast.sma");
  ASSERT_EQ(fast.size(), f.size());
  for (size_t t = 1; t < f.size(); ++t) EXPECT_DOUBLE_EQ(fast[t], f[t]) << t;
}

TEST_F(EngineTest, CrossunderAndSellDecision) {
  PlanBuilder b;
  const size_t down = crossing(b, "crossunder");
  b.action("sell-1", "sell", down);
  auto r = run_on(b.plan, csv_);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(true_rows(column(r->signals, "crossunder")), (std::vector<size_t>{7}));
  EXPECT_EQ(r->actions[0].decision, "SELL");
}

TEST_F(EngineTest, ConfirmationBarsNeedConsecutiveBars) {
  PlanBuilder b;
  const size_t d = b.data("data-1");
  ConditionParams p;
  p.value = 8.5;
  p.confirmation_bars = 2;
  const size_t gt = b.condition("gt", "greater_than", p, {b.bind("data-input", d, "data-output")});
  b.action("exit", "close_long", gt);
  auto r = run_on(b.plan, csv_);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  // close > 8.5 on bars 0,1,3,4,5,6,9,10,11; three in a row end at 5, 6, 11.
  EXPECT_EQ(true_rows(column(r->signals, "gt")), (std::vector<size_t>{5, 6, 11}));
  EXPECT_EQ(r->actions[0].decision, "CLOSE_LONG");
}

TEST_F(EngineTest, LogicGatesCombineSignals) {
  PlanBuilder b;
  const size_t up = crossing(b, "crossover");
  const size_t slow = b.plan.step_of_node.at("slow"), fast = b.plan.step_of_node.at("fast");
  const size_t down = b.condition("crossunder", "crossunder", {},
                                  {b.bind("data-input", fast, "output-1"),
                                   b.bind("value-input", slow, "output-1")});
  const size_t any = b.logic("or", "OR", {up, down});
  b.logic("and", "AND", {up, down});
  const size_t neg = b.logic("not", "NOT", {up});
  b.action("a1", "buy", any, "output");
  b.action("a2", "buy", neg, "output");
  auto r = run_on(b.plan, csv_);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(true_rows(column(r->signals, "or")), (std::vector<size_t>{4, 7, 10}));
  EXPECT_TRUE(true_rows(column(r->signals, "and")).empty());
  std::vector<size_t> not_up;
  for (size_t t = 0; t < kClose.size(); ++t)
    if (t != 4 && t != 10) not_up.push_back(t);
  EXPECT_EQ(true_rows(column(r->signals, "not")), not_up);
}

TEST_F(EngineTest, SecondDataInputEdgeIsTheRightOperand) {
  PlanBuilder b;
  const size_t d = b.data("data-1");
  const size_t fast = b.indicator("fast", "sma", {{"period", 2}}, d);
  const size_t slow = b.indicator("slow", "sma", {{"period", 3}}, d);
  const size_t c = b.condition("x", "crossover", {},
                               {b.bind("data-input", fast, "output-1"),
                                b.bind("data-input", slow, "output-1")});
  b.action("a", "buy", c);
  auto r = run_on(b.plan, csv_);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(true_rows(column(r->signals, "x")), (std::vector<size_t>{4, 10}));
}

TEST_F(EngineTest, RiskGateIsTheMaxLossFilterAndSignal) {
  PlanBuilder b;
  const size_t d = b.data("data-1");
  const size_t gate = b.generic("risk-1", "risk", StepKind::kRisk, {{"maxLoss", 15.0}},
                                {b.bind("data-input", d, "data-output")},
                                {{"risk-output", "risk-1", DataType::kRisk}});
  b.action("a", "buy", gate, "risk-output");
  auto r = run_on(b.plan, csv_);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  std::vector<size_t> expected = {0};  // no previous bar: passes
  for (size_t t = 1; t < kClose.size(); ++t)
    if (std::fabs(kClose[t] / kClose[t - 1] - 1) * 100 <= 15) expected.push_back(t);
  EXPECT_EQ(true_rows(column(r->signals, "risk-1")), expected);
  // By hand: moves of +22%, -17%, -20%, +29%, +33% at bars 4, 6, 7, 9, 10 are blocked.
  EXPECT_EQ(expected, (std::vector<size_t>{0, 1, 2, 3, 5, 8, 11}));
}

TEST_F(EngineTest, FeatureAndLabelColumns) {
  PlanBuilder b;
  const size_t d = b.data("data-1");
  b.transform("ret", StepKind::kFeature, "returns", {{"lag", 1}}, {d});
  b.transform("fwd", StepKind::kLabel, "forward_return", {{"horizon", 2}}, {d});
  b.generic("out", "output", StepKind::kOutput, {}, {}, {});
  auto r = run_on(b.plan, csv_);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  const auto ret = column(r->features, "ret"), fwd = column(r->features, "fwd");
  ASSERT_EQ(ret.size(), kClose.size());
  EXPECT_TRUE(std::isnan(ret[0]));
  for (size_t t = 1; t < kClose.size(); ++t)
    EXPECT_NEAR(ret[t], kClose[t] / kClose[t - 1] - 1, 1e-12) << t;
  for (size_t t = 0; t + 2 < kClose.size(); ++t)
    EXPECT_NEAR(fwd[t], kClose[t + 2] / kClose[t] - 1, 1e-12) << t;
  EXPECT_TRUE(std::isnan(fwd[kClose.size() - 1]));
  EXPECT_TRUE(std::isnan(fwd[kClose.size() - 2]));
}

TEST_F(EngineTest, RatioSplitAssignsChronologicalParts) {
  PlanBuilder b;
  const size_t d = b.data("data-1");
  b.generic("split", "split", StepKind::kSplit,
            {{"method", "ratio"}, {"trainRatio", 0.5}, {"validationRatio", 0.25}, {"testRatio", 0.25}},
            {b.bind("data-input", d, "data-output")}, {{"split-output", "split", DataType::kSplit}});
  auto r = run_on(b.plan, csv_);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  // 12 bars: 6 train (1), 3 validation (2), 3 test (3).
  EXPECT_EQ(column(r->features, "split"),
            (std::vector<double>{1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3}));
}

// data -> returns(1) feature, direction(2) label -> model (default split).
size_t model_plan(PlanBuilder& b, const std::string& algorithm) {
  const size_t d = b.data("data-1");
  const size_t f = b.transform("ret", StepKind::kFeature, "returns", {{"lag", 1}}, {d});
  const size_t l = b.transform("fwd", StepKind::kLabel, "direction", {{"horizon", 2}}, {d});
  return b.generic("model-1", "model", StepKind::kModel, {{"algorithm", algorithm}},
                   {b.bind("features-input", f, "output"), b.bind("label-input", l, "label-output")},
                   {{"score-output", "model-1.score", DataType::kNumeric},
                    {"model-output", "model-1.model", DataType::kNumeric}});
}

TEST_F(EngineTest, UnknownModelAlgorithmListsTheAvailableOnes) {
  PlanBuilder b;
  model_plan(b, "xgbost");
  auto r = run_on(b.plan, csv_);
  ASSERT_FALSE(r.is_ok());
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("model-1"), std::string::npos) << m;
  EXPECT_NE(m.find("'xgbost' is not available"), std::string::npos) << m;
  EXPECT_NE(m.find("did you mean 'xgboost'"), std::string::npos) << m;
  EXPECT_NE(m.find("Available:"), std::string::npos) << m;
  for (const auto& a : ml::builtin_models().all()) EXPECT_NE(m.find("'" + a.name + "'"), std::string::npos) << a.name;
}

// A model that "trains" kRounds rounds: train loss 1/round, validation loss
// |round - 3| + 0.5 (lowest at round 3); importance f<k> = k for 12 names.
constexpr size_t kRounds = 5;

class RoundsModel : public ml::Model {
 public:
  Status fit(const ml::TrainingData& d) override {
    for (size_t k = 1; k <= kRounds; ++k) {
      const double valid = d.validation ? std::abs(static_cast<double>(k) - 3) + 0.5 : kNaN;
      if (d.progress) d.progress({k, kRounds, 1.0 / static_cast<double>(k), valid});
    }
    return Status::ok();
  }
  Result<std::vector<double>> predict(const ml::FeatureMatrix& f) const override {
    std::vector<double> out;
    for (size_t i = 0; i < f.rows; ++i) out.push_back(0.5 + 0.4 * std::tanh(100 * f.at(i, 0)));
    return out;
  }
  Result<std::vector<double>> predict_proba(const ml::FeatureMatrix& f) const override {
    auto p = predict(f);
    std::vector<double> out;
    for (double v : *p) out.push_back(1 - v), out.push_back(v);
    return out;
  }
  Result<std::vector<std::string>> save(const std::string&) const override { return std::vector<std::string>{}; }
  Status load(const std::string&) override { return Status::ok(); }
  std::vector<std::pair<std::string, double>> feature_importance() const override {
    std::vector<std::pair<std::string, double>> out;
    for (int k = 0; k < 12; ++k) out.emplace_back("f" + std::to_string(k), k);
    return out;
  }
  nlohmann::json library_versions() const override { return nlohmann::json::object(); }
};

const ml::ModelRegistry& rounds_registry() {
  static const ml::ModelRegistry r = [] {
    ml::ModelRegistry reg;
    ml::ModelAlgorithm a;
    a.name = "rounds";
    a.tasks = {ml::Task::kBinary, ml::Task::kRegression};
    a.create = [](const ml::ModelAlgorithm&, const nlohmann::json&, ml::Task,
                  size_t) -> std::unique_ptr<ml::Model> { return std::make_unique<RoundsModel>(); };
    EXPECT_TRUE(reg.add(a).is_ok());
    return reg;
  }();
  return r;
}

TEST_F(EngineTest, TrainingProgressAndModelReport) {
  std::vector<double> close;
  for (int i = 0; i < 120; ++i) close.push_back(100 + 10 * std::sin(i * 0.7) + 0.1 * i);
  const std::string csv = write_bars(dir_ + "/long.csv", close);
  PlanBuilder b;
  model_plan(b, "rounds");
  NodeCache cache;
  const Engine engine(cache, rounds_registry());
  RunOptions o;
  o.data.data_file = csv;
  std::vector<size_t> steps;
  o.training = [&](const workflow::Step& step, const ml::TrainingProgress& p) {
    EXPECT_EQ(step.node_id, "model-1");
    EXPECT_EQ(p.total, kRounds);
    EXPECT_FALSE(std::isnan(p.validation_loss));  // the default split has validation rows
    steps.push_back(p.step);
  };
  auto r = engine.run(b.plan, o);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(steps, (std::vector<size_t>{1, 2, 3, 4, 5}));
  ASSERT_EQ(r->models.size(), 1u);
  const ModelReport& m = r->models[0];
  EXPECT_EQ(m.node_id, "model-1");
  EXPECT_EQ(m.algorithm, "rounds");
  EXPECT_EQ(m.task, "binary");
  EXPECT_EQ(m.features, (std::vector<std::string>{"ret"}));
  EXPECT_EQ(m.label, "fwd");
  EXPECT_TRUE(m.validation.is_object()) << m.validation;
  EXPECT_TRUE(m.test.is_object()) << m.test;
  EXPECT_EQ(m.best_iteration, 3);  // lowest validation loss
  ASSERT_EQ(m.importance.size(), 10u);  // top 10 of 12, largest first
  for (size_t k = 0; k < 10; ++k) {
    EXPECT_EQ(m.importance[k].first, "f" + std::to_string(11 - k));
    EXPECT_EQ(m.importance[k].second, static_cast<double>(11 - k));
  }
  const nlohmann::json summary = summary_json(*r);
  ASSERT_EQ(summary["models"].size(), 1u);
  EXPECT_EQ(summary["models"][0]["node"], "model-1");
  EXPECT_EQ(summary["models"][0]["best_iteration"], 3);
  EXPECT_EQ(summary["models"][0]["importance"][0]["feature"], "f11");
  EXPECT_EQ(summary["models"][0]["features"], nlohmann::json::array({"ret"}));
  // A second run takes the model from the cache: no training, same report.
  steps.clear();
  auto again = engine.run(b.plan, o);
  ASSERT_TRUE(again.is_ok()) << again.status().message();
  EXPECT_TRUE(steps.empty());
  ASSERT_EQ(again->models.size(), 1u);
  EXPECT_EQ(again->models[0].best_iteration, 3);
}

TEST_F(EngineTest, PlanWithCompileErrorsDoesNotRun) {
  PlanBuilder b;
  b.data("data-1");
  b.plan.diagnostics.error("unknown_indicator", "rsi-1", "/nodes/1", "unknown indicator 'rsy'");
  auto r = run_on(b.plan, csv_);
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("rsy"), std::string::npos);
}

TEST_F(EngineTest, DataRestrictionKeepsTheLastBarsInTheDateRange) {
  PlanBuilder b;
  b.data("data-1", {{"startDate", "2020-01-03"}, {"endDate", "2020-01-10"}, {"bars", 5}});
  b.generic("out", "output", StepKind::kOutput, {}, {}, {});
  auto r = run_on(b.plan, csv_);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  // 2020-01-03 .. 2020-01-10 = rows 2..9; the last 5 are rows 5..9.
  EXPECT_EQ(column(r->features, "data-1.close"), (std::vector<double>{12, 10, 8, 7, 9}));
  EXPECT_EQ(format_timestamp(r->features.timestamps().front()), "2020-01-06");
}

TEST_F(EngineTest, DerivedPriceSourcesAreComputed) {
  std::vector<double> high, low;
  for (double c : kClose) {
    high.push_back(c + 3);
    low.push_back(c - 1);
  }
  write_bars(csv_, kClose, high, low);
  PlanBuilder b;
  const size_t d = b.data("data-1");
  b.indicator("typ", "sma", {{"period", 2}}, d, "data-output", "hlc3");
  b.indicator("mid", "sma", {{"period", 2}}, d, "data-output", "hl2");
  b.generic("out", "output", StepKind::kOutput, {}, {}, {});
  auto r = run_on(b.plan, csv_);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  std::vector<double> hlc3, hl2;
  for (size_t i = 0; i < kClose.size(); ++i) {
    hlc3.push_back((high[i] + low[i] + kClose[i]) / 3);
    hl2.push_back((high[i] + low[i]) / 2);
  }
  const auto want3 = naive_sma(hlc3, 2), want2 = naive_sma(hl2, 2);
  const auto got3 = column(r->features, "typ.sma"), got2 = column(r->features, "mid.sma");
  for (size_t t = 1; t < kClose.size(); ++t) {
    EXPECT_NEAR(got3[t], want3[t], 1e-12) << t;
    EXPECT_NEAR(got2[t], want2[t], 1e-12) << t;  // (c+3 + c-1)/2 = c+1
  }
}

TEST_F(EngineTest, SecondSourceIsAlignedAsOfWithoutLookAhead) {
  // B has only every third day: each base bar sees B's last bar at or before it.
  const std::string dir = dir_ + "/d";
  std::filesystem::create_directories(dir);
  write_bars(dir + "/AAA_1d.csv", kClose);
  {
    std::ofstream out(dir + "/BBB_1d.csv");
    out << "Date,Open,High,Low,Close,Volume\n";
    out << "2020-01-02,5,6,4,5,1\n2020-01-05,20,21,19,20,1\n2020-01-08,1,2,0.5,1,1\n";
  }
  PlanBuilder b;
  const size_t a = b.data("a", {{"symbol", "AAA"}, {"timeframe", "1d"}});
  const size_t bb = b.data("b", {{"symbol", "BBB"}, {"timeframe", "1d"}});
  const size_t c = b.condition("gt", "greater_than", {},
                               {b.bind("data-input", a, "data-output"),
                                b.bind("value-input", bb, "data-output")});
  b.action("buy", "buy", c);
  NodeCache cache;
  RunOptions o;
  o.data.data_dir = dir;
  auto r = Engine(cache).run(b.plan, o);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  // Base = a (12 days from 2020-01-01). B as-of: day 0 none, days 1-3 -> 5,
  // days 4-6 -> 20, days 7+ -> 1.
  std::vector<size_t> want;
  for (size_t t = 0; t < kClose.size(); ++t) {
    const double rb = t == 0 ? kNaN : t <= 3 ? 5 : t <= 6 ? 20 : 1;
    if (kClose[t] > rb) want.push_back(t);
  }
  EXPECT_EQ(true_rows(column(r->signals, "gt")), want);
  EXPECT_EQ(column(r->features, "b.close")[5], 20);
  EXPECT_TRUE(std::isnan(column(r->features, "b.close")[0]));
}

TEST(AsOfRows, LastRowAtOrBefore) {
  EXPECT_EQ(as_of_rows({10, 20, 30}, {5, 10, 15, 30, 40}),
            (std::vector<int64_t>{-1, 0, 0, 2, 2}));
}

}  // namespace
}  // namespace nocode::engine::testing
