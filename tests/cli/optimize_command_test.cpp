// `nocode optimize` end to end: the issue's example command against a naive
// loop over the direct SmaCrossStrategy path, outputs (JSON, CSV, HTML),
// random search determinism, walk-forward, and errors.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "backtest/simulator.h"
#include "backtest/sma_cross.h"
#include "data/csv_loader.h"
#include "support/run_command.h"
#include "support/test_data.h"

namespace nocode::testing {
namespace {

std::string wf() { return source_dir() + "/examples/workflows/sma_cross.json"; }
std::string goog() { return source_dir() + "/examples/data/GOOG.csv"; }
std::string base() { return "optimize " + wf() + " --data " + goog() + " "; }

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(OptimizeCommand, IssueExampleMatchesNaiveLoop) {
  const std::string dir = make_temp_dir();
  auto r = run_nocode(base() +
                      "--grid fast=5:30:5 --grid slow=10:70:5 --constraint 'fast<slow' "
                      "--maximize 'Equity Final [$]' --format json --csv " + dir +
                      "/all.csv --report " + dir + "/report.html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  // Naive loop over the direct path (backtesting.py's defaults, as the workflow).
  auto frame = load_csv(goog());
  ASSERT_TRUE(frame);
  const auto md = *backtest::MarketData::from_frame(*frame);
  double best = -INFINITY;
  int best_fast = 0, best_slow = 0, sets = 0;
  for (int fast = 5; fast <= 30; fast += 5) {
    for (int slow = 10; slow <= 70; slow += 5) {
      if (fast >= slow) continue;
      ++sets;
      backtest::SmaCrossStrategy s({md.close, md.size}, fast, slow);
      auto run = backtest::run_backtest(md, s, backtest::BacktestOptions{});
      ASSERT_TRUE(run);
      if (run->equity.back() > best) best = run->equity.back(), best_fast = fast, best_slow = slow;
    }
  }
  EXPECT_EQ(j["sets_run"], sets);
  EXPECT_EQ(j["rejected"], 6 * 13 - sets);
  EXPECT_EQ(j["best"]["params"]["fast"], best_fast);
  EXPECT_EQ(j["best"]["params"]["slow"], best_slow);
  EXPECT_EQ(j["best"]["objective"].get<double>(), best);
  EXPECT_EQ(j["best"]["statistics"]["Equity Final [$]"].get<double>(), best);
  EXPECT_EQ(j["sets"].size(), size_t(sets));

  const std::string csv = read(dir + "/all.csv");
  std::stringstream lines(csv);
  std::string header, line;
  std::getline(lines, header);
  EXPECT_EQ(header.rfind("fast,slow,Start,End,Duration,Exposure Time [%],Equity Final [$]", 0), 0u);
  EXPECT_NE(header.find("Kelly Criterion,error"), std::string::npos);
  int rows = 0;
  while (std::getline(lines, line)) ++rows;
  EXPECT_EQ(rows, sets);
  const std::string html = read(dir + "/report.html");
  EXPECT_NE(html.find("id=\"heatmap\""), std::string::npos);
  EXPECT_NE(html.find("id=\"equity\""), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(OptimizeCommand, TableOutput) {
  auto r = run_nocode(base() + "--grid fast=5,10 --grid slow=20 --threads 1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 parameter sets run (0 rejected by constraints, 0 failed)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("best: fast="), std::string::npos);
  EXPECT_NE(r.out.find("Sharpe Ratio"), std::string::npos);
}

TEST(OptimizeCommand, RandomIsDeterministicBySeed) {
  const std::string cmd = base() + "--random 5 --range fast=5:30 --range slow=31:60 --format json ";
  auto a = run_nocode(cmd + "--seed 7");
  auto b = run_nocode(cmd + "--seed 7 --threads 1");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(a.out, b.out);
  const auto j = nlohmann::json::parse(a.out);
  ASSERT_EQ(j["sets"].size(), 5u);
  for (const auto& s : j["sets"]) {
    EXPECT_GE(s["params"]["fast"].get<int>(), 5);
    EXPECT_LE(s["params"]["fast"].get<int>(), 30);
    EXPECT_GE(s["params"]["slow"].get<int>(), 31);
  }
}

TEST(OptimizeCommand, WalkForward) {
  const std::string dir = make_temp_dir();
  auto r = run_nocode(base() + "--grid fast=5:15:5 --grid slow=20:40:10 --walk-forward "
                      "--train-bars 600 --test-bars 400 --format json --csv " + dir + "/wf.csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  auto frame = load_csv(goog());
  ASSERT_TRUE(frame);
  const size_t n = frame->rows();
  size_t windows = 0;
  for (size_t start = 0; start + 600 < n; start += 400) ++windows;
  ASSERT_EQ(j["windows"].size(), windows);
  EXPECT_EQ(j["out_of_sample_bars"], n - 600);
  EXPECT_EQ(j["windows"][0]["train"], nlohmann::json({0, 600}));
  EXPECT_EQ(j["windows"][1]["test"][0], 1000);
  EXPECT_TRUE(j["final_equity"].is_number());
  const std::string csv = read(dir + "/wf.csv");
  EXPECT_EQ(csv.rfind("window,train_begin,train_end,test_begin,test_end", 0), 0u);
  std::filesystem::remove_all(dir);
}

// Each case is one process (~1 s of library loading): the flag errors not
// listed here are covered by the library tests (tests/optimize/).
TEST(OptimizeCommand, Errors) {
  struct Case {
    std::string args, needle;
  } cases[] = {
      {"--grid fast=5:x:5", "--grid fast (START:STOP:STEP): expected a number, got 'x'"},
      {"--grid fast=5:30:5 --constraint 'fast<slwo'", "column 6: unknown parameter 'slwo'"},
      {"--grid fast=5:30:5 --maximize 'Sharpe Ratoi'", "did you mean 'Sharpe Ratio'"},
      {"--grid fsat=5:30:5", "'fsat' is not a parameter of the workflow"},
      {"--grid fast=5:30:5 --grid slow=1 --constraint 'fast<slow'", "no parameter set satisfies the constraints"},
  };
  for (const Case& c : cases) {
    auto r = run_nocode(base() + c.args);
    EXPECT_EQ(r.exit_code, 1) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.needle), std::string::npos) << c.args << "\n" << r.err;
  }
  auto usage = run_nocode(base() + "--grid fast=5 --maximize SQN --minimize SQN");
  EXPECT_EQ(usage.exit_code, 2);
}

}  // namespace
}  // namespace nocode::testing
