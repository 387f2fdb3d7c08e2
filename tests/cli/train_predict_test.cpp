// `nocode train` and `nocode predict` end to end: train on the first part of
// GOOG, predict on the whole file; the scores on the training bars equal the
// trained model's in-sample scores (`nocode run`'s model-output column, every
// bar) bit for bit, as printed; a feature mismatch and missing artifact files
// are clear errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_command.h"
#include "support/test_data.h"

namespace nocode {
namespace {

namespace fs = std::filesystem;
using testing::make_temp_dir;
using testing::run_nocode;

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// date -> the text of column `name` in a CSV with a header row.
std::map<std::string, std::string> column_by_date(const std::string& csv, const std::string& name) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> head;
  std::stringstream hs(line);
  for (std::string c; std::getline(hs, c, ',');) head.push_back(c);
  const size_t col = std::find(head.begin(), head.end(), name) - head.begin();
  std::map<std::string, std::string> out;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ls(line);
    for (std::string c; std::getline(ls, c, ',');) cells.push_back(c);
    if (col < cells.size()) out[cells[0]] = cells[col];
  }
  return out;
}

class TrainPredictTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    goog_ = testing::shared_data_dir() + "/GOOG.csv";
    // The first 1400 bars of GOOG.
    std::istringstream all(slurp(goog_));
    std::ofstream part(dir_ + "/first.csv");
    std::string line;
    for (int i = 0; i <= 1400 && std::getline(all, line); ++i) part << line << "\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A copy of ml_xgboost.json with another algorithm / hyperparameters.
  std::string workflow(const std::string& algorithm, const nlohmann::json& hp) {
    auto doc = nlohmann::json::parse(slurp(testing::source_dir() + "/examples/workflows/ml_xgboost.json"));
    for (auto& n : doc["nodes"])
      if (n["id"] == "model") {
        n["data"]["parameters"]["algorithm"] = algorithm;
        n["data"]["parameters"]["hyperparameters"] = hp;
      }
    const std::string path = dir_ + "/" + algorithm + ".json";
    std::ofstream(path) << doc.dump(1);
    return path;
  }

  void check_in_sample_scores_equal(const std::string& wf) {
    const std::string art = dir_ + "/art", run = dir_ + "/run", pred = dir_ + "/pred.csv";
    auto t = run_nocode("train '" + wf + "' --data '" + dir_ + "/first.csv' --out '" + art + "'");
    ASSERT_EQ(t.exit_code, 0) << t.err;
    auto report = nlohmann::json::parse(t.out);
    EXPECT_TRUE(report["metrics"]["test"]["accuracy"].is_number());
    for (const char* f : {"metadata.json", "workflow.json", "pipeline.json"})
      EXPECT_TRUE(fs::exists(art + "/" + f)) << f;
    auto meta = nlohmann::json::parse(slurp(art + "/metadata.json"));
    EXPECT_EQ(meta["feature_names"].size(), 6u);
    EXPECT_EQ(slurp(art + "/workflow.json"), slurp(wf));
    auto r = run_nocode("run '" + wf + "' --data '" + dir_ + "/first.csv' --out '" + run + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto p = run_nocode("predict '" + art + "' --data '" + goog_ + "' --out '" + pred + "'");
    ASSERT_EQ(p.exit_code, 0) << p.err;
    const auto in_sample = column_by_date(slurp(run + "/features.csv"), "model.model");
    const auto predicted = column_by_date(slurp(pred), "score");
    const auto signal = column_by_date(slurp(pred), "signal");
    ASSERT_EQ(in_sample.size(), 1400u);
    EXPECT_EQ(predicted.size(), 2148u);
    size_t compared = 0;
    for (const auto& [date, score] : in_sample) {
      ASSERT_TRUE(predicted.count(date)) << date;
      EXPECT_EQ(predicted.at(date), score) << date;
      compared += score != "NaN" && !score.empty();
    }
    EXPECT_GT(compared, 1300u);
    for (const auto& [date, s] : signal) EXPECT_TRUE(s == "0" || s == "1") << date << " " << s;
  }

  std::string dir_, goog_;
};

TEST_F(TrainPredictTest, XGBoostPredictionsOnTrainingBarsEqualInSampleScores) {
  check_in_sample_scores_equal(testing::source_dir() + "/examples/workflows/ml_xgboost.json");
}

// Logistic: the same check; then errors on its artifact.
TEST_F(TrainPredictTest, LogisticScoresThenFeatureMismatchAndMissingFilesAreClearErrors) {
  const std::string wf = workflow("logistic", nlohmann::json::object());
  check_in_sample_scores_equal(wf);
  const std::string art = dir_ + "/art";
  // The model was trained on other names (as if the workflow had changed).
  auto meta = nlohmann::json::parse(slurp(art + "/metadata.json"));
  meta["feature_names"][0] = "rsi-21.rsi";
  std::swap(meta["feature_names"][1], meta["feature_names"][2]);
  const std::string bad = dir_ + "/bad";
  fs::copy(art, bad);
  std::ofstream(bad + "/metadata.json") << meta.dump(1);
  auto p = run_nocode("predict '" + bad + "' --data '" + goog_ + "'");
  EXPECT_EQ(p.exit_code, 1);
  EXPECT_NE(p.err.find("missing"), std::string::npos) << p.err;
  EXPECT_NE(p.err.find("rsi-21.rsi"), std::string::npos) << p.err;
  EXPECT_NE(p.err.find("order"), std::string::npos) << p.err;
  EXPECT_TRUE(p.out.empty());
  // Missing artifact files.
  for (const char* f : {"pipeline.json", "workflow.json", "metadata.json"}) {
    const std::string broken = dir_ + "/broken-" + f;
    fs::copy(art, broken);
    fs::remove(broken + "/" + f);
    auto q = run_nocode("predict '" + broken + "' --data '" + goog_ + "'");
    EXPECT_EQ(q.exit_code, 1) << f;
    EXPECT_NE(q.err.find(f), std::string::npos) << f << ": " << q.err;
  }
  // No model node chosen among several / unknown --model.
  auto t = run_nocode("train '" + wf + "' --data '" + goog_ + "' --out '" + dir_ + "/x' --model nope");
  EXPECT_EQ(t.exit_code, 1);
  EXPECT_NE(t.err.find("nope"), std::string::npos) << t.err;
  EXPECT_FALSE(fs::exists(dir_ + "/x"));
}

}  // namespace
}  // namespace nocode
