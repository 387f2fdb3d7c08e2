// `nocode backtest` end to end: real binary, real files. Numbers are checked
// against backtesting.py's reference run (../shared/reference/backtest).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "support/run_command.h"
#include "support/test_data.h"

namespace nocode::testing {
namespace {

namespace fs = std::filesystem;

std::string goog() { return shared_data_dir() + "/GOOG.csv"; }
std::string example() { return source_dir() + "/examples/workflows/sma_cross.json"; }
std::string reference(const std::string& what) {
  return shared_data_dir() + "/../reference/backtest/backtestingpy_testsuite_sma10_30_nocomm_" +
         what;
}
std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}
std::string base() {
  return "backtest '" + example() + "' --data '" + goog() + "' --set fast=10 --set slow=30 ";
}

// One run writes every output; the tests below read it (the binary's start-up
// dominates a run, so the suite runs it as few times as it can).
class BacktestRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(make_temp_dir());
    run_ = new CommandResult(run_nocode(base() + "--finalize-trades --format json --trades '" +
                                        *dir_ + "/t.csv' --equity '" + *dir_ + "/e.csv' --report '" +
                                        *dir_ + "/r.html' --chart '" + *dir_ + "/c.svg'"));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete run_;
  }
  static std::string* dir_;
  static CommandResult* run_;
};
std::string* BacktestRun::dir_ = nullptr;
CommandResult* BacktestRun::run_ = nullptr;

TEST_F(BacktestRun, JsonKeysAreBacktestingPyStatistics) {
  const auto& r = *run_;
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto got = nlohmann::json::parse(r.out);
  std::ifstream in(reference("stats.json"));
  const auto want = nlohmann::json::parse(in)["stats"];
  for (auto it = want.begin(); it != want.end(); ++it) {
    if (it.key().starts_with("_")) continue;
    ASSERT_TRUE(got.contains(it.key())) << it.key();
    if (it->is_number()) {
      EXPECT_NEAR(got[it.key()].get<double>(), it->get<double>(),
                  1e-12 * std::max(1.0, std::fabs(it->get<double>())))
          << it.key();
    } else {
      EXPECT_EQ(got[it.key()], *it) << it.key();
    }
  }
  for (auto it = got.begin(); it != got.end(); ++it) EXPECT_TRUE(want.contains(it.key())) << it.key();
}

TEST(BacktestCommand, TableListsNamesLeftAndValuesRight) {
  const auto r = run_nocode(base() + "--finalize-trades");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# Trades"), std::string::npos);
  std::stringstream ss(r.out);
  std::string line;
  size_t width = 0, lines = 0;
  while (std::getline(ss, line)) {
    ++lines;
    if (width == 0) width = line.size();
    EXPECT_EQ(line.size(), width) << line;  // values right-aligned in one column
  }
  EXPECT_GE(lines, 30u);
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\\n# Trades +66\\n")));
}

TEST_F(BacktestRun, TradesAndEquityFilesMatchTheReference) {
  ASSERT_EQ(run_->exit_code, 0) << run_->err;
  const std::string& dir = *dir_;
  EXPECT_EQ(slurp(dir + "/e.csv"), slurp(reference("equity.csv")));
  // backtesting.py adds one Entry_/Exit_ column per indicator; the first 14
  // columns are the trade itself.
  std::stringstream want(slurp(reference("trades.csv"))), got(slurp(dir + "/t.csv"));
  std::string w, g;
  size_t rows = 0;
  while (std::getline(want, w)) {
    ASSERT_TRUE(std::getline(got, g));
    size_t cut = 0;
    for (int k = 0; k < 14 && cut != std::string::npos; ++k) cut = w.find(',', cut + 1);
    EXPECT_EQ(g, w.substr(0, cut)) << "row " << rows;
    ++rows;
  }
  EXPECT_FALSE(std::getline(got, g));
  EXPECT_EQ(rows, 67u);
}

TEST_F(BacktestRun, ReportIsSelfContainedWithOneMarkerPerTrade) {
  ASSERT_EQ(run_->exit_code, 0) << run_->err;
  const std::string& dir = *dir_;
  const std::string html = slurp(dir + "/r.html");
  ASSERT_FALSE(html.empty());
  EXPECT_FALSE(std::regex_search(html, std::regex("(src|href)\\s*=\\s*[\"']?https?://")));
  for (const char* name : {"Equity Final [$]", "Sharpe Ratio", "# Trades", "Max. Drawdown [%]"})
    EXPECT_NE(html.find(name), std::string::npos) << name;
  size_t markers = 0;
  for (size_t p = 0; (p = html.find("class=\"entry-", p)) != std::string::npos; ++p) ++markers;
  EXPECT_EQ(markers, 66u);
  EXPECT_EQ(slurp(dir + "/c.svg").rfind("<svg", 0), 0u);
}

TEST(BacktestCommand, FlagsChangeTheBroker) {
  const auto costly =
      run_nocode(base() + "--format json --commission 0.002 --cash 20000 --exclusive-orders");
  ASSERT_EQ(costly.exit_code, 0) << costly.err;
  const auto b = nlohmann::json::parse(costly.out);
  EXPECT_GT(b["Commissions [$]"].get<double>(), 0);
  EXPECT_EQ(b["# Trades"], 65);  // without --finalize-trades the last trade stays open
}

TEST(BacktestCommand, BadInputExitsOneAndUsageTwo) {
  const std::string dir = make_temp_dir();
  auto r = run_nocode(base() + "--cash -5 --trades '" + dir + "/t.csv'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cash"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/t.csv"));  // a failed run writes nothing
  r = run_nocode(base() + "--cash abc");
  EXPECT_EQ(r.exit_code, 2);
  r = run_nocode(base() + "--set nosuch=3");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nosuch"), std::string::npos) << r.err;
  r = run_nocode("backtest '" + example() + "' --data '" + dir + "/missing.csv'");
  EXPECT_EQ(r.exit_code, 1);
  r = run_nocode(base() + "--format xml");
  EXPECT_EQ(r.exit_code, 2);
  // A workflow with nothing to trade: no action node, no backtest node.
  auto doc = nlohmann::json::parse(slurp(example()));
  nlohmann::json nodes = nlohmann::json::array();
  for (auto& n : doc["workflow_data"]["nodes"])
    if (n["type"] != "action") nodes.push_back(n);
  doc["workflow_data"]["nodes"] = nodes;
  nlohmann::json edges = nlohmann::json::array();
  for (auto& e : doc["workflow_data"]["edges"])
    if (e["target"] != "buy" && e["target"] != "sell") edges.push_back(e);
  doc["workflow_data"]["edges"] = edges;
  std::ofstream(dir + "/none.json") << doc.dump();
  r = run_nocode("backtest '" + dir + "/none.json' --data '" + goog() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nothing to trade"), std::string::npos) << r.err;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace nocode::testing
