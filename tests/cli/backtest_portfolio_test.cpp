// `nocode backtest --portfolio`: the real binary on a data directory holding
// GOOG and ORCL (the shared files under the names the resolver looks for).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "support/run_command.h"
#include "support/test_data.h"

namespace nocode::testing {
namespace {

namespace fs = std::filesystem;

std::string example() { return source_dir() + "/examples/workflows/sma_cross.json"; }

std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  return read_csv_cells(path, /*with_header=*/true);
}

class PortfolioCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    fs::copy_file(shared_data_dir() + "/GOOG.csv", dir_ + "/GOOG.csv");
    fs::copy_file(shared_data_dir() + "/orcl-1995-2014.txt", dir_ + "/ORCL.csv");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string base(const std::string& symbols) const {
    return "backtest '" + example() + "' --data-dir '" + dir_ + "' --portfolio " + symbols + " ";
  }
  std::string dir_;
};

TEST_F(PortfolioCommand, TwoSymbolsReportTradesOfBothAndPerSymbolStatistics) {
  const auto r = run_nocode(base("GOOG,ORCL") + "--format json --trades '" + dir_ +
                            "/t.csv' --equity '" + dir_ + "/e.csv'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto stats = nlohmann::json::parse(r.out);
  ASSERT_TRUE(stats.contains("Symbols"));
  EXPECT_TRUE(stats["Symbols"].contains("GOOG"));
  EXPECT_TRUE(stats["Symbols"].contains("ORCL"));
  const auto trades = read_csv(dir_ + "/t.csv");
  ASSERT_GT(trades.size(), 1u);
  EXPECT_EQ(trades[0][0], "Symbol");
  std::set<std::string> symbols;
  for (size_t i = 1; i < trades.size(); ++i) symbols.insert(trades[i][0]);
  EXPECT_EQ(symbols, (std::set<std::string>{"GOOG", "ORCL"}));
  EXPECT_EQ(stats["# Trades"].get<double>(), static_cast<double>(trades.size() - 1));
  // The equity file ends at the reported final equity.
  const auto equity = read_csv(dir_ + "/e.csv");
  ASSERT_GT(equity.size(), 2u);
  EXPECT_NEAR(std::stod(equity.back()[1]), stats["Equity Final [$]"].get<double>(),
              1e-9 * stats["Equity Final [$]"].get<double>());
}

TEST_F(PortfolioCommand, OneSymbolEntersWhereTheSingleBacktestEnters) {
  const auto single = run_nocode("backtest '" + example() + "' --data '" + dir_ +
                                 "/GOOG.csv' --format json --trades '" + dir_ + "/single.csv'");
  ASSERT_EQ(single.exit_code, 0) << single.err;
  const auto r = run_nocode(base("GOOG") + "--format json --trades '" + dir_ + "/pf.csv'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Single-run trades CSV: EntryTime is a column named so; portfolio: column 2.
  const auto s = read_csv(dir_ + "/single.csv");
  const auto p = read_csv(dir_ + "/pf.csv");
  size_t entry_col = 0;
  while (entry_col < s[0].size() && s[0][entry_col] != "EntryTime") ++entry_col;
  ASSERT_LT(entry_col, s[0].size());
  std::set<std::string> single_entries, portfolio_entries;
  for (size_t i = 1; i < s.size(); ++i) single_entries.insert(s[i][entry_col].substr(0, 10));
  for (size_t i = 1; i < p.size(); ++i) portfolio_entries.insert(p[i][2].substr(0, 10));
  EXPECT_EQ(portfolio_entries, single_entries);
}

TEST_F(PortfolioCommand, BadInputIsAnErrorNamingTheFlag) {
  auto r = run_nocode(base("GOOG") + "--weights bogus");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--weights"), std::string::npos) << r.err;
  r = run_nocode(base("GOOG,GOOG"));
  EXPECT_EQ(r.exit_code, 1);
  r = run_nocode(base("GOOG,MSFT"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("MSFT"), std::string::npos) << r.err;
  r = run_nocode("backtest '" + example() + "' --portfolio GOOG");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--data-dir"), std::string::npos) << r.err;
  r = run_nocode(base("GOOG") + "--report '" + dir_ + "/r.html'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(fs::exists(dir_ + "/r.html"));
}

}  // namespace
}  // namespace nocode::testing
