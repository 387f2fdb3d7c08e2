// `nocode run`: outputs (features.csv, signals.csv, summary.json), exit codes,
// --set, and no partial output directory on failure. Runs the built binary;
// skipped while main.cpp does not register the command yet.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/plan_builder.h"
#include "support/run_command.h"
#include "support/test_data.h"

namespace nocode::engine::testing {
namespace {

namespace fs = std::filesystem;

// The binary under test: NOCODE_BINARY, or $NOCODE_TEST_BINARY when set (to
// test a build of the command before main.cpp registers it).
nocode::testing::CommandResult run_nocode(const std::string& args) {
  const char* over = std::getenv("NOCODE_TEST_BINARY");
  std::string command = "'";
  command += over ? over : NOCODE_BINARY;
  command += "' ";
  command += args;
  return nocode::testing::run_shell(command);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);) out.push_back(line);
  return out;
}

class RunCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (run_nocode("--help").out.find("\n  run ") == std::string::npos)
      GTEST_SKIP() << "`nocode run` is not registered in main.cpp yet";
    dir_ = nocode::testing::make_temp_dir();
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  std::string dir_;
};

TEST_F(RunCommandTest, WritesFeaturesSignalsAndSummary) {
  fs::create_directories(dir_ + "/data");
  write_bars(dir_ + "/data/TINY_1d.csv", kClose);
  const std::string wf = tiny_workflow(dir_ + "/wf.json");
  auto r = run_nocode("run '" + wf + "' --data-dir '" + dir_ + "/data' --out '" + dir_ + "/out'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto features = lines_of(slurp(dir_ + "/out/features.csv"));
  const auto signals = lines_of(slurp(dir_ + "/out/signals.csv"));
  ASSERT_EQ(features.size(), kClose.size() + 1);
  EXPECT_EQ(features[0].rfind("date,", 0), 0u) << features[0];
  EXPECT_NE(features[0].find("data-1.close"), std::string::npos) << features[0];
  ASSERT_EQ(signals.size(), kClose.size() + 1);
  // close crosses above SMA3 (by hand): bar 3 (9 > 8.67, before 8 <= 9) and
  // bar 9 (9 > 8, before 7 <= 8.33).
  std::vector<size_t> fired;
  for (size_t i = 1; i < signals.size(); ++i)
    if (signals[i].substr(signals[i].rfind(',') + 1) == "1") fired.push_back(i - 1);
  EXPECT_EQ(fired, (std::vector<size_t>{3, 9}));
  const auto summary = nlohmann::json::parse(slurp(dir_ + "/out/summary.json"));
  EXPECT_EQ(summary["rows"], kClose.size());
  EXPECT_EQ(summary["actions"][0]["node"], "buy-1");
  EXPECT_EQ(summary["actions"][0]["fires"], 2);
  EXPECT_EQ(summary["actions"][0]["first_fire"], "2020-01-04");
  EXPECT_EQ(summary["actions"][0]["last_fire"], "2020-01-10");
  EXPECT_EQ(summary["nodes_run"], 4);
}

TEST_F(RunCommandTest, SetOverridesAWorkflowParameter) {
  write_bars(dir_ + "/tiny.csv", kClose);
  const std::string wf = tiny_workflow(dir_ + "/wf.json");
  auto r = run_nocode("run '" + wf + "' --data '" + dir_ + "/tiny.csv' --set period=2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto summary = nlohmann::json::parse(r.out);
  // close crosses above SMA2 where close[t] > close[t-1] after close[t-1] <= close[t-2]:
  // bars 3 (9 > 8 after 8 <= 9) and 9 (9 > 7 after 7 <= 8).
  EXPECT_EQ(summary["actions"][0]["fires"], 2);
  EXPECT_EQ(summary["actions"][0]["first_fire"], "2020-01-04");
}

TEST_F(RunCommandTest, CacheDirServesASecondProcess) {
  write_bars(dir_ + "/tiny.csv", kClose);
  const std::string wf = tiny_workflow(dir_ + "/wf.json");
  const std::string args = "run '" + wf + "' --data '" + dir_ + "/tiny.csv' --cache-dir '" + dir_ + "/cache'";
  auto first = run_nocode(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto second = run_nocode(args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const auto a = nlohmann::json::parse(first.out), b = nlohmann::json::parse(second.out);
  EXPECT_EQ(a["disk_cache_hits"], 0);
  EXPECT_EQ(b["nodes_run"], 0);
  EXPECT_EQ(b["disk_cache_hits"], b["nodes"].size());
  EXPECT_EQ(b["actions"], a["actions"]);
  EXPECT_EQ(b["signals"], a["signals"]);
  // A changed parameter recomputes the SMA and what depends on it only.
  auto third = run_nocode(args + " --set period=2");
  ASSERT_EQ(third.exit_code, 0) << third.err;
  const auto c = nlohmann::json::parse(third.out);
  EXPECT_EQ(c["disk_cache_hits"], 1);  // the data step
  EXPECT_EQ(c["nodes_run"], c["nodes"].size() - 1);
}

TEST_F(RunCommandTest, FailureLeavesNoOutputDirectory) {
  const std::string wf = tiny_workflow(dir_ + "/wf.json");
  fs::create_directories(dir_ + "/empty");
  auto r = run_nocode("run '" + wf + "' --data-dir '" + dir_ + "/empty' --out '" + dir_ + "/out'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("TINY"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ + "/out"));
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().find("out."), std::string::npos) << e.path();
}

TEST_F(RunCommandTest, ExitCodes) {
  write_bars(dir_ + "/tiny.csv", kClose);
  const std::string wf = tiny_workflow(dir_ + "/wf.json");
  EXPECT_EQ(run_nocode("run").exit_code, 2);
  EXPECT_EQ(run_nocode("run '" + wf + "' --data a.csv --data-dir b").exit_code, 2);
  auto bad = run_nocode("run '" + nocode::testing::source_dir() +
                        "/../shared/editor/examples/test_enhanced_compiler_no_datasource.json' "
                        "--data '" + dir_ + "/tiny.csv'");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("data source"), std::string::npos) << bad.err;
  EXPECT_EQ(run_nocode("run '" + wf + "' --data '" + dir_ + "/tiny.csv' --set nope=1").exit_code, 1);
}

TEST_F(RunCommandTest, GoogExampleThroughTheCli) {
  auto r = run_nocode("run '" + nocode::testing::source_dir() +
                      "/../shared/editor/examples/frontend_template_rsi-momentum.json' --data '" +
                      nocode::testing::shared_data_dir() + "/GOOG.csv' --out '" + dir_ + "/out'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto summary = nlohmann::json::parse(slurp(dir_ + "/out/summary.json"));
  EXPECT_EQ(summary["rows"], 1000);
  EXPECT_EQ(summary["actions"].size(), 2u);
}

// An ML workflow with a backtest node: the summary reports the trained model
// (as the workflow declares it) and the backtest, identical to what
// `nocode backtest` computes for the same workflow; --out adds the trade list
// and equity curve.
TEST_F(RunCommandTest, MlWorkflowReportsModelsAndBacktest) {
  const std::string wf = nocode::testing::source_dir() + "/examples/workflows/ml_xgboost.json";
  const std::string data = nocode::testing::shared_data_dir() + "/GOOG.csv";
  auto r = run_nocode("run '" + wf + "' --data '" + data + "' --out '" + dir_ + "/out'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(slurp(wf));
  nlohmann::json model_node;
  for (const auto& n : doc["nodes"])
    if (n["type"] == "model") model_node = n;
  size_t feature_edges = 0;
  for (const auto& e : doc["edges"]) feature_edges += e.value("targetHandle", "") == "features-input";
  const auto summary = nlohmann::json::parse(slurp(dir_ + "/out/summary.json"));
  ASSERT_EQ(summary["models"].size(), 1u) << summary.dump(1);
  const auto& m = summary["models"][0];
  EXPECT_EQ(m["node"], model_node["id"]);
  EXPECT_EQ(m["algorithm"], model_node["data"]["parameters"]["algorithm"]);
  EXPECT_EQ(m["task"], "binary");  // a direction label
  EXPECT_EQ(m["features"].size(), feature_edges);
  EXPECT_GT(m["validation"]["rows"].get<int>(), 0);
  EXPECT_GT(m["test"]["rows"].get<int>(), 0);
  EXPECT_TRUE(m["ic"].contains("rank_icir")) << m["ic"];
  EXPECT_EQ(m["importance"].size(), feature_edges);  // fewer than 10 features: all listed
  const int rounds = model_node["data"]["parameters"]["hyperparameters"]["n_estimators"];
  EXPECT_GE(m["best_iteration"].get<int>(), 1);
  EXPECT_LE(m["best_iteration"].get<int>(), rounds);
  // The backtest: as `nocode backtest` reports it.
  auto bt = run_nocode("backtest '" + wf + "' --data '" + data + "' --format json --trades '" + dir_ +
                       "/trades.csv' --equity '" + dir_ + "/equity.csv'");
  ASSERT_EQ(bt.exit_code, 0) << bt.err;
  EXPECT_EQ(summary["backtest"], nlohmann::json::parse(bt.out));
  EXPECT_EQ(slurp(dir_ + "/out/trades.csv"), slurp(dir_ + "/trades.csv"));
  EXPECT_EQ(slurp(dir_ + "/out/equity.csv"), slurp(dir_ + "/equity.csv"));
  EXPECT_EQ(lines_of(slurp(dir_ + "/out/trades.csv")).size(), summary["backtest"]["# Trades"].get<size_t>() + 1);
}

}  // namespace
}  // namespace nocode::engine::testing
