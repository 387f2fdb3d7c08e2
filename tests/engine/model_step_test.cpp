// The engine's model and signal steps with a tiny model defined here (a
// local registry), so row selection, scores, signals and metrics are checked
// against naive loops over the run's own feature / label / split columns.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "ml/training_set.h"
#include "support/test_data.h"
#include "workflow/compiler.h"

namespace nocode::engine {
namespace {

// Score = clamp(label mean + 0.001 * (x0 - mean of x0), 0, 1) (binary) or
// unclamped (regression); means over the train rows it is given.
class TinyModel : public ml::Model {
 public:
  explicit TinyModel(ml::Task task) : task_(task) {}
  Status fit(const ml::TrainingData& d) override {
    if (d.features.rows == 0) return Status::invalid_argument("no rows");
    for (size_t i = 0; i < d.features.rows; ++i) mean_x_ += d.features.at(i, 0), mean_y_ += d.label[i];
    mean_x_ /= static_cast<double>(d.features.rows);
    mean_y_ /= static_cast<double>(d.features.rows);
    return Status::ok();
  }
  Result<std::vector<double>> predict(const ml::FeatureMatrix& f) const override {
    std::vector<double> out;
    for (size_t i = 0; i < f.rows; ++i) out.push_back(score(f.at(i, 0)));
    return out;
  }
  Result<std::vector<double>> predict_proba(const ml::FeatureMatrix& f) const override {
    std::vector<double> out;
    for (size_t i = 0; i < f.rows; ++i) out.push_back(1 - score(f.at(i, 0))), out.push_back(score(f.at(i, 0)));
    return out;
  }
  Result<std::vector<std::string>> save(const std::string&) const override { return std::vector<std::string>{}; }
  Status load(const std::string&) override { return Status::ok(); }
  std::vector<std::pair<std::string, double>> feature_importance() const override { return {}; }
  nlohmann::json library_versions() const override { return nlohmann::json::object(); }
  double score(double x) const {
    const double s = mean_y_ + 0.001 * (x - mean_x_);
    return task_ == ml::Task::kRegression ? s : std::clamp(s, 0.0, 1.0);
  }

 private:
  ml::Task task_;
  double mean_x_ = 0, mean_y_ = 0;
};

std::unique_ptr<ml::Model> make_tiny(const ml::ModelAlgorithm&, const nlohmann::json&, ml::Task task, size_t) {
  return std::make_unique<TinyModel>(task);
}

const ml::ModelRegistry& tiny_registry() {
  static const ml::ModelRegistry r = [] {
    ml::ModelRegistry reg;
    ml::ModelAlgorithm a;
    a.name = "linear";
    a.tasks = {ml::Task::kRegression, ml::Task::kBinary};
    a.create = make_tiny;
    (void)reg.add(a);
    return reg;
  }();
  return r;
}

std::string workflow(const std::string& label_type, const std::string& model_params,
                     const std::string& signal_params) {
  return R"({"name": "tiny", "nodes": [
    {"id": "data-1", "type": "dataSource", "data": {"parameters": {"symbol": "GOOG", "timeframe": "1d"}}},
    {"id": "rsi", "type": "technicalIndicator", "data": {"parameters": {"indicator": "RSI", "period": 14}}},
    {"id": "ret", "type": "feature", "data": {"parameters": {"transform": "returns", "lag": 5}}},
    {"id": "lab", "type": "label", "data": {"parameters": {"labelType": ")" + label_type + R"(", "horizon": 5}}},
    {"id": "split", "type": "split", "data": {"parameters": {"method": "ratio", "trainRatio": 0.6, "validationRatio": 0.2, "testRatio": 0.2}}},
    {"id": "model", "type": "model", "data": {"parameters": {"algorithm": "linear")" + model_params + R"(}}},
    {"id": "sig", "type": "signal", "data": {"parameters": {)" + signal_params + R"(}}},
    {"id": "out", "type": "output", "data": {"parameters": {}}}],
   "edges": [
    {"source": "data-1", "target": "rsi"}, {"source": "data-1", "target": "ret"},
    {"source": "data-1", "target": "lab"}, {"source": "data-1", "target": "split"},
    {"source": "rsi", "target": "model", "targetHandle": "features-input"},
    {"source": "ret", "target": "model", "targetHandle": "features-input"},
    {"source": "lab", "target": "model", "targetHandle": "label-input"},
    {"source": "split", "target": "model", "targetHandle": "split-input"},
    {"source": "model", "sourceHandle": "score-output", "target": "sig"},
    {"source": "sig", "target": "out"}]})";
}

struct ModelRun {
  RunResult result;
  std::shared_ptr<const ml::FittedModel> fit;
};

ModelRun run_wf(const std::string& wf, const ml::ModelRegistry& models = tiny_registry()) {
  workflow::Plan plan = workflow::compile_json(wf);
  EXPECT_TRUE(plan.ok()) << workflow::plan_to_text(plan, true);
  NodeCache cache;
  Engine engine(cache, models);
  RunOptions o;
  o.data.data_file = testing::shared_data_dir() + "/GOOG.csv";
  auto r = engine.run(plan, o);
  EXPECT_TRUE(r.is_ok()) << r.status().message();
  ModelRun out{*r, nullptr};
  for (const auto& s : r->steps)
    if (s.node_id == "model")
      out.fit = cache.find(std::stoull(s.cache_key, nullptr, 16))->by_handle.at("model-output").model;
  return out;
}

const std::vector<double>& col(const RunResult& r, const std::string& name) {
  const auto* c = r.features.column(name);
  if (!c) throw std::runtime_error("no column " + name);
  return *c;
}

// The expected scores by naive loops: train rows = split 1, features and
// label present, from the first bar with every feature.
std::vector<double> expected_scores(const RunResult& r, bool regression, bool all_rows) {
  const auto &x0 = col(r, "rsi.rsi"), &x1 = col(r, "ret.returns"), &y = col(r, "lab." + std::string(regression ? "forward_return" : "direction"));
  const auto& part = col(r, "split.split");
  double mx = 0, my = 0, n = 0;
  for (size_t i = 0; i < y.size(); ++i)
    if (part[i] == 1 && !std::isnan(x0[i]) && !std::isnan(x1[i]) && !std::isnan(y[i])) mx += x0[i], my += y[i], ++n;
  mx /= n, my /= n;
  std::vector<double> out(y.size(), std::nan(""));
  for (size_t i = 0; i < y.size(); ++i) {
    if (std::isnan(x0[i]) || std::isnan(x1[i])) continue;
    if (!all_rows && part[i] != 2 && part[i] != 3) continue;
    const double s = my + 0.001 * (x0[i] - mx);
    out[i] = regression ? s : std::clamp(s, 0.0, 1.0);
  }
  return out;
}

void expect_same(const std::vector<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  size_t scored = 0;
  for (double w : want) scored += !std::isnan(w);
  EXPECT_GT(scored, want.size() / 4);
  for (size_t i = 0; i < got.size(); ++i) {
    if (std::isnan(want[i])) {
      EXPECT_TRUE(std::isnan(got[i])) << "row " << i;
    } else {
      EXPECT_NEAR(got[i], want[i], 1e-12 * std::max(1.0, std::fabs(want[i]))) << "row " << i;
    }
  }
}

TEST(ModelStepTest, BinaryScoresOnlyOutOfSampleAndLongOnlySignal) {
  ModelRun r = run_wf(workflow("direction", "", R"("longThreshold": 0.5)"));
  const auto want = expected_scores(r.result, false, false);
  expect_same(col(r.result, "model.score"), want);
  const auto& sig = col(r.result, "sig.signal");
  for (size_t i = 0; i < want.size(); ++i)
    EXPECT_EQ(sig[i], !std::isnan(want[i]) && want[i] > 0.5 ? 1.0 : 0.0) << i;
  ASSERT_TRUE(r.fit);
  EXPECT_EQ(r.fit->metrics["task"], "binary");
  EXPECT_EQ(r.fit->feature_names, (std::vector<std::string>{"rsi.rsi", "ret.returns"}));
  for (const char* part : {"train", "validation", "test"}) {
    ASSERT_TRUE(r.fit->metrics[part].is_object()) << part;
    EXPECT_TRUE(r.fit->metrics[part]["accuracy"].is_number()) << part;
  }
  EXPECT_TRUE(r.fit->metrics["ic"]["ic"].is_number());
  EXPECT_EQ(r.fit->metrics["rows"]["warmup"], 14u);  // RSI(14) warm-up
}

TEST(ModelStepTest, RegressionOnForwardReturnAllRowsLongShort) {
  ModelRun r = run_wf(workflow("forward_return", R"(, "scoreRows": "all")",
                       R"("mode": "long_short", "longThreshold": 0.001, "shortThreshold": -0.001)"));
  const auto want = expected_scores(r.result, true, true);
  expect_same(col(r.result, "model.score"), want);
  const auto& sig = col(r.result, "sig.signal");
  for (size_t i = 0; i < want.size(); ++i) {
    const double w = std::isnan(want[i]) ? 0 : want[i] > 0.001 ? 1 : want[i] < -0.001 ? -1 : 0;
    EXPECT_EQ(sig[i], w) << i;
  }
  EXPECT_EQ(r.fit->metrics["task"], "regression");
  EXPECT_TRUE(r.fit->metrics["test"]["rmse"].is_number());
}

TEST(ModelStepTest, TaskOverrideAndBadParameters) {
  ModelRun r = run_wf(workflow("forward_return", R"(, "task": "binary")", ""));
  EXPECT_EQ(r.fit->metrics["task"], "binary");
  workflow::Plan plan = workflow::compile_json(workflow("direction", R"(, "scoreRows": "sometimes")", ""));
  EXPECT_FALSE(plan.ok());
}

TEST(ModelStepTest, WalkForwardCrossValidationScoresEveryTestFold) {
  ModelRun r = run_wf(workflow("direction", R"(, "crossValidation": "walk_forward", "folds": 3)", ""));
  ASSERT_TRUE(r.fit);
  ASSERT_EQ(r.fit->metrics["folds"].size(), 3u);
  size_t scored = 0, tested = 0;
  for (double v : col(r.result, "model.score")) scored += !std::isnan(v);
  for (const auto& f : r.fit->metrics["folds"]) tested += f["test_rows"].get<size_t>();
  EXPECT_EQ(scored, tested);
  EXPECT_GT(tested, 700u);  // 3 of 4 blocks of the ~980 usable rows (the data node keeps 1000 bars)
}

TEST(ModelStepTest, PurgedKFoldScoresEveryUsableRowOutOfFold) {
  ModelRun r = run_wf(workflow("direction", R"(, "crossValidation": "purged_kfold", "folds": 4, "embargo": 3)", ""));
  ASSERT_TRUE(r.fit);
  ASSERT_EQ(r.fit->metrics["folds"].size(), 4u);
  const auto& rows = r.fit->metrics["rows"];
  const size_t usable = rows["train"].get<size_t>() + rows["validation"].get<size_t>() + rows["test"].get<size_t>();
  size_t scored = 0, tested = 0;
  for (double v : col(r.result, "model.score")) scored += !std::isnan(v);
  for (const auto& f : r.fit->metrics["folds"]) {
    tested += f["test_rows"].get<size_t>();
    // Purged (horizon 5 on both sides) and embargoed: train never touches the test fold.
    EXPECT_LE(f["train_rows"].get<size_t>() + f["test_rows"].get<size_t>(), usable);
  }
  EXPECT_EQ(tested, usable);
  EXPECT_EQ(scored, usable);
}

TEST(ModelStepTest, ImputeKeepsTrainMediansForScoring) {
  ModelRun r = run_wf(workflow("direction", R"(, "nanPolicy": "impute")", ""));
  ASSERT_TRUE(r.fit);
  EXPECT_EQ(r.fit->nan_policy, ml::NanPolicy::kImpute);
  ASSERT_EQ(r.fit->fill.size(), 2u);
  // The train median of RSI, by a naive loop over the run's columns.
  const auto &x0 = col(r.result, "rsi.rsi"), &x1 = col(r.result, "ret.returns");
  const auto &y = col(r.result, "lab.direction"), &part = col(r.result, "split.split");
  std::vector<double> v;
  for (size_t i = 0; i < y.size(); ++i)
    if (part[i] == 1 && !std::isnan(x0[i]) && !std::isnan(x1[i]) && !std::isnan(y[i])) v.push_back(x0[i]);
  std::sort(v.begin(), v.end());
  const double median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  EXPECT_EQ(r.fit->fill[0], median);
  EXPECT_EQ(r.fit->metrics["rows"]["dropped_nan"], 0u);
}

// Every finite number in a metrics tree, or a failure naming the path.
void expect_finite(const nlohmann::json& j, const std::string& path) {
  if (j.is_number()) EXPECT_TRUE(std::isfinite(j.get<double>())) << path;
  if (j.is_object())
    for (const auto& [k, v] : j.items())
      if (k != "ic" && k != "by_period") expect_finite(v, path + "." + k);
  if (j.is_array())
    for (size_t i = 0; i < j.size(); ++i) expect_finite(j[i], path + "[" + std::to_string(i) + "]");
}

// examples/workflows/ml_*.json with the built-in models on GOOG.
TEST(ModelStepTest, ExampleWorkflowsTrainAndSignalOutOfSampleOnly) {
  for (const char* name : {"ml_xgboost", "ml_random_forest", "ml_lstm", "ml_transformer"}) {
    SCOPED_TRACE(name);
    std::ifstream f(testing::source_dir() + "/examples/workflows/" + name + ".json");
    std::stringstream text;
    text << f.rdbuf();
    ModelRun r = run_wf(text.str(), ml::builtin_models());
    ASSERT_TRUE(r.fit);
    EXPECT_EQ(r.fit->metrics["task"], "binary");
    for (const char* part : {"train", "validation", "test"}) {
      ASSERT_TRUE(r.fit->metrics[part].is_object()) << part;
      EXPECT_GT(r.fit->metrics[part]["rows"].get<size_t>(), 100u) << part;
      for (const char* k : {"accuracy", "f1", "roc_auc", "log_loss"})
        EXPECT_TRUE(r.fit->metrics[part][k].is_number()) << part << " " << k;
    }
    expect_finite(r.fit->metrics, name);
    EXPECT_TRUE(r.fit->metrics["ic"]["ic"].is_number());
    const auto& score = col(r.result, "model.score");
    const auto& part = col(r.result, "split.split");
    const auto& sig = col(r.result, "signal.signal");
    size_t scored = 0, longs = 0;
    for (size_t i = 0; i < score.size(); ++i) {
      const bool oos = part[i] == 2 || part[i] == 3;
      if (!oos) EXPECT_TRUE(std::isnan(score[i])) << "in-sample score on row " << i;
      if (!oos) EXPECT_EQ(sig[i], 0.0) << "signal on in-sample row " << i;
      scored += !std::isnan(score[i]);
      longs += sig[i] > 0;
    }
    EXPECT_GT(scored, 700u);
    EXPECT_LE(longs, scored);
  }
}

}  // namespace
}  // namespace nocode::engine
