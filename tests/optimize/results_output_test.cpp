// Result outputs on hand-made results: heatmap cells (best over the other
// parameters, NaN holes), CSV rows and quoting, JSON shape.
#include "optimize/results_output.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace nocode::optimize {
namespace {

backtest::Statistics stats(double equity) {
  backtest::Statistics s;
  backtest::StatValue v;
  v.number = equity;
  s.items.push_back({"Equity Final [$]", v});
  backtest::StatValue n;
  n.kind = backtest::StatValue::Kind::kCount;
  n.number = 3;
  s.items.push_back({"# Trades", n});
  return s;
}

OptimizeResult make(const ParameterSpace& space, const std::vector<double>& objective) {
  OptimizeResult r;
  r.param_names = space.names();
  for (size_t i = 0; i < objective.size(); ++i) {
    SetResult s;
    s.params = space.grid_point(i);
    if (std::isnan(objective[i])) {
      s.status = Status::invalid_argument("bad, \"quoted\"");
      s.objective = NAN;
    } else {
      s.statistics = stats(objective[i]);
      s.objective = objective[i];
    }
    r.sets.push_back(s);
  }
  return r;
}

TEST(ResultsOutput, HeatmapTakesBestOverOtherParameters) {
  ParameterSpace space;
  space.dims.push_back(*parse_grid_spec("a=1,2"));
  space.dims.push_back(*parse_grid_spec("b=10,20"));
  space.dims.push_back(*parse_grid_spec("c=0,1"));
  // Grid order (a, b, c), c fastest.
  const std::vector<double> obj = {1, 5, 2, 3, 7, 4, NAN, NAN};
  OptimizeResult r = make(space, obj);
  OptimizeOptions max;
  const report::Heatmap h = objective_heatmap(r, space, max);
  EXPECT_EQ(h.x_name, "a");
  EXPECT_EQ(h.y_name, "b");
  EXPECT_EQ(h.x_values, (std::vector<double>{1, 2}));
  EXPECT_EQ(h.y_values, (std::vector<double>{10, 20}));
  EXPECT_EQ(h.cells[0][0], 5);  // a=1 b=10: max(1, 5)
  EXPECT_EQ(h.cells[1][0], 3);  // a=1 b=20: max(2, 3)
  EXPECT_EQ(h.cells[0][1], 7);  // a=2 b=10
  EXPECT_TRUE(std::isnan(h.cells[1][1]));
  OptimizeOptions min;
  min.maximize = false;
  const report::Heatmap m = objective_heatmap(r, space, min);
  EXPECT_EQ(m.cells[0][0], 1);
  EXPECT_FALSE(m.higher_is_better);
}

TEST(ResultsOutput, CsvRowsAndQuoting) {
  ParameterSpace space;
  space.dims.push_back(*parse_grid_spec("a=1,2"));
  space.dims.push_back(*parse_grid_spec("x=0.5"));
  OptimizeResult r = make(space, {1.25, NAN});
  const std::string csv = results_csv(r, space);
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t i = csv.find('\n'); i != std::string::npos; start = i + 1, i = csv.find('\n', start))
    lines.push_back(csv.substr(start, i - start));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].rfind("a,x,Start,End,Duration,Exposure Time [%],Equity Final [$],", 0), 0u);
  // 2 params + 32 statistics + error = 35 cells, 34 commas.
  EXPECT_EQ(std::count(lines[0].begin(), lines[0].end(), ','), 34);
  EXPECT_EQ(lines[1].rfind("1,0.5,,,,,1.25,", 0), 0u) << lines[1];
  EXPECT_NE(lines[1].find(",3,"), std::string::npos);  // # Trades
  EXPECT_EQ(lines[2].rfind("2,0.5,", 0), 0u);
  EXPECT_NE(lines[2].find(",\"bad, \"\"quoted\"\"\""), std::string::npos) << lines[2];
}

TEST(ResultsOutput, JsonShape) {
  ParameterSpace space;
  space.dims.push_back(*parse_grid_spec("a=1,2,3"));
  OptimizeResult r = make(space, {1, 9, NAN});
  r.best = 1;
  r.failed = 1;
  OptimizeOptions o;
  const auto j = results_json(r, space, o);
  EXPECT_EQ(j["objective"], "Equity Final [$]");
  EXPECT_EQ(j["best"]["params"]["a"], 2);
  EXPECT_EQ(j["best"]["objective"], 9.0);
  ASSERT_EQ(j["sets"].size(), 3u);
  EXPECT_TRUE(j["sets"][2]["objective"].is_null());
  EXPECT_EQ(j["sets"][2]["error"], "bad, \"quoted\"");
  EXPECT_EQ(j["sets"][0]["statistics"]["# Trades"], 3);
  const std::string table = results_table(r, space, o);
  EXPECT_NE(table.find("1. a=2  Equity Final [$] = 9"), std::string::npos) << table;
  EXPECT_NE(table.find("first failure: a=3: bad"), std::string::npos);
}

}  // namespace
}  // namespace nocode::optimize
