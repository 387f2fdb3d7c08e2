// The `nocode indicators` command end to end: real binary, real files.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/csv_loader.h"
#include "indicators/registry.h"
#include "support/run_command.h"
#include "support/test_data.h"

namespace nocode::testing {
namespace {

std::string goog() { return shared_data_dir() + "/GOOG.csv"; }

std::vector<std::vector<std::string>> parse_csv_text(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) {
    std::vector<std::string> cells;
    std::stringstream ls(line);
    std::string cell;
    while (std::getline(ls, cell, ',')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

TEST(IndicatorsCommand, ListJsonIsTheRegistry) {
  auto r = run_nocode("indicators list --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.size(), indicators::builtin_registry().all().size());
  auto table = run_nocode("indicators list");
  ASSERT_EQ(table.exit_code, 0);
  EXPECT_NE(table.out.find("sma"), std::string::npos);
}

TEST(IndicatorsCommand, ComputeWritesCsvEqualToTheLibrary) {
  auto r = run_nocode("indicators compute SMA --data '" + goog() + "' --param timeperiod=10 --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = parse_csv_text(r.out);
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"date", "sma"}));
  auto frame = load_csv(goog());
  ASSERT_TRUE(frame.is_ok()) << frame.status().to_string();
  ASSERT_EQ(rows.size(), frame->rows() + 1);
  EXPECT_EQ(rows[1][0], "2004-08-19");
  const auto& spec = *indicators::builtin_registry().find("sma");
  auto params = indicators::resolve_params(spec, {{"period", 10}});
  auto expected = indicators::compute_on_frame(spec, *params, *frame);
  for (size_t i = 0; i < frame->rows(); ++i) {
    const double v = std::strtod(rows[i + 1][1].c_str(), nullptr);
    const double e = (*expected)[0][i];
    if (std::isnan(e)) EXPECT_EQ(rows[i + 1][1], "NaN") << "row " << i;
    else EXPECT_EQ(v, e) << "row " << i;  // shortest round-trip text parses back exactly
  }
}

TEST(IndicatorsCommand, OutFileAndTableFormat) {
  const std::string dir = make_temp_dir();
  auto r = run_nocode("indicators compute sma --data '" + goog() + "' --out '" + dir + "/sma.csv'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream f(dir + "/sma.csv");
  std::string header;
  std::getline(f, header);
  EXPECT_EQ(header, "date,sma");
  auto t = run_nocode("indicators compute sma --data '" + goog() + "' --format table");
  ASSERT_EQ(t.exit_code, 0);
  EXPECT_EQ(t.out.find(','), std::string::npos) << "a table has no commas";
  std::system(("rm -rf '" + dir + "'").c_str());
}

TEST(IndicatorsCommand, ExitCodes) {
  EXPECT_EQ(run_nocode("indicators compute sma").exit_code, 2) << "missing --data is usage";
  EXPECT_EQ(run_nocode("indicators frobnicate").exit_code, 2);
  EXPECT_EQ(run_nocode("").exit_code, 2);
  auto unknown = run_nocode("indicators compute smaa --data '" + goog() + "'");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("did you mean 'sma'"), std::string::npos) << unknown.err;
  auto range = run_nocode("indicators compute sma --data '" + goog() + "' --param period=0");
  EXPECT_EQ(range.exit_code, 1);
  EXPECT_NE(range.err.find("[2, 100000]"), std::string::npos) << range.err;
  auto missing = run_nocode("indicators compute sma --data /nonexistent/x.csv");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("/nonexistent/x.csv"), std::string::npos) << missing.err;
}

TEST(IndicatorsCommand, HelpOnEveryCommand) {
  for (const char* cmd : {"--help", "indicators --help", "indicators list --help",
                          "indicators show --help", "indicators compute --help",
                          "indicators compute-many --help", "indicators docs --help"}) {
    auto r = run_nocode(cmd);
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd << ": " << r.out;
  }
}

TEST(IndicatorsCommand, ComputeManyWritesOneFilePerSeries) {
  const std::string dir = make_temp_dir();
  auto r = run_nocode("indicators compute-many --data '" + goog() + "' '" + shared_data_dir() +
                      "/orcl-1995-2014.txt' --indicator sma:period=5 --indicator SMA --out '" +
                      dir + "' --threads 2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"/GOOG.csv", "/orcl-1995-2014.csv"}) {
    std::ifstream f(dir + name);
    ASSERT_TRUE(f) << name;
    std::string header;
    std::getline(f, header);
    EXPECT_EQ(header, "date,sma:period=5,SMA");
  }
  std::system(("rm -rf '" + dir + "'").c_str());
}

}  // namespace
}  // namespace nocode::testing
