// customDataset missingValues and normalization: hand-computed small cases,
// the no-look-ahead property of the normalization, and a run through the
// engine on a CSV file with holes.
#include "engine/dataset_prep.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "engine/plan_builder.h"

namespace nocode::engine::testing {
namespace {

Frame frame_of(const std::vector<std::pair<std::string, std::vector<double>>>& cols) {
  std::vector<int64_t> ts;
  for (size_t i = 0; i < cols.front().second.size(); ++i) ts.push_back(static_cast<int64_t>(i + 1) * 1000);
  Frame f(std::move(ts));
  for (const auto& [name, v] : cols) EXPECT_TRUE(f.set_column(name, v).is_ok());
  return f;
}

void expect_column(const Frame& f, const std::string& name, const std::vector<double>& want,
                   double tol = 0) {
  const auto* got = f.column(name);
  ASSERT_NE(got, nullptr) << name;
  ASSERT_EQ(got->size(), want.size()) << name;
  for (size_t i = 0; i < want.size(); ++i) {
    if (std::isnan(want[i])) EXPECT_TRUE(std::isnan((*got)[i])) << name << " row " << i;
    else EXPECT_NEAR((*got)[i], want[i], tol) << name << " row " << i;
  }
}

const std::vector<double> kHoles = {kNaN, 1, kNaN, kNaN, 4, kNaN};

TEST(MissingValues, EachMethodOnOneColumn) {
  const Frame f = frame_of({{"close", kHoles}});
  expect_column(fill_missing(f, MissingValues::kForwardFill), "close", {kNaN, 1, 1, 1, 4, 4});
  expect_column(fill_missing(f, MissingValues::kBackwardFill), "close", {1, 1, 4, 4, 4, kNaN});
  expect_column(fill_missing(f, MissingValues::kInterpolate), "close", {kNaN, 1, 2, 3, 4, kNaN});
  expect_column(fill_missing(f, MissingValues::kZero), "close", {0, 1, 0, 0, 4, 0});
  // The input is untouched (its storage is shared, not written).
  expect_column(f, "close", kHoles);
}

TEST(MissingValues, DropRemovesRowsWithAnyHole) {
  const Frame f = frame_of({{"close", {1, kNaN, 3, 4}}, {"volume", {5, 6, kNaN, 8}}});
  const Frame d = fill_missing(f, MissingValues::kDrop);
  EXPECT_EQ(d.timestamps(), (std::vector<int64_t>{1000, 4000}));
  expect_column(d, "close", {1, 4});
  expect_column(d, "volume", {5, 8});
}

TEST(MissingValues, ParsesEditorNamesAndRejectsOthers) {
  EXPECT_EQ(parse_missing_values("forward_fill").value(), MissingValues::kForwardFill);
  EXPECT_EQ(parse_missing_values("").value(), MissingValues::kForwardFill);  // the default
  EXPECT_EQ(parse_missing_values("Interpolate").value(), MissingValues::kInterpolate);
  EXPECT_FALSE(parse_missing_values("mean").is_ok());
  EXPECT_EQ(parse_normalization("").value(), Normalization::kNone);
  EXPECT_FALSE(parse_normalization("robust").is_ok());
}

// close 2 4 3 6; high 3 5 4 7 (scaled with close's statistics); volume on its own.
Frame bars() {
  return frame_of({{"high", {3, 5, 4, 7}}, {"close", {2, 4, 3, 6}}, {"volume", {10, 10, 20, 40}}});
}

TEST(Normalization, MinMaxIsExpanding) {
  const Frame n = normalize(bars(), Normalization::kMinMax);
  // close: t0 range 0 -> 0; t1 (4-2)/2; t2 (3-2)/2; t3 (6-2)/4.
  expect_column(n, "close", {0, 1, 0.5, 1});
  expect_column(n, "high", {0, 1.5, 1, 1.25});
  expect_column(n, "volume", {0, 0, 1, 1});
}

TEST(Normalization, ZScoreUsesExpandingMeanAndSampleSd) {
  const Frame n = normalize(bars(), Normalization::kZScore);
  // t1: mean 3, sd sqrt(2); t2: mean 3, sd 1; t3: mean 3.75, sd sqrt(8.75/3).
  expect_column(n, "close", {0, 1 / std::sqrt(2.0), 0, 2.25 / std::sqrt(8.75 / 3)}, 1e-12);
}

TEST(Normalization, PercentageIsChangeFromTheFirstClose) {
  const Frame n = normalize(bars(), Normalization::kPercentage);
  expect_column(n, "close", {0, 100, 50, 200}, 1e-12);
  expect_column(n, "high", {50, 150, 100, 250}, 1e-12);
  expect_column(n, "volume", {0, 0, 100, 300}, 1e-12);
}

TEST(Normalization, NeverReadsLaterBars) {
  std::vector<double> close, high;
  for (int i = 0; i < 60; ++i) {
    close.push_back(100 + 10 * std::sin(i * 0.3) + i);
    high.push_back(close.back() + 1);
  }
  const Frame full = frame_of({{"high", high}, {"close", close}});
  for (Normalization m : {Normalization::kMinMax, Normalization::kZScore, Normalization::kPercentage}) {
    const Frame nf = normalize(full, m);
    for (size_t k : {1u, 7u, 30u}) {
      const Frame prefix = normalize(full.slice(0, k), m);
      for (size_t i = 0; i < k; ++i) EXPECT_EQ(prefix.close()[i], nf.close()[i]) << int(m) << " " << i;
    }
  }
}

// customDataset through the engine: holes filled, then normalized.
TEST(CustomDataset, EngineAppliesMissingValuesThenNormalization) {
  const std::string dir = nocode::testing::make_temp_dir();
  {
    std::ofstream out(dir + "/mine.csv");
    out << "Date,Open,High,Low,Close,Volume\n"
        << "2020-01-01,2,3,1,2,10\n"
        << "2020-01-02,4,5,3,,10\n"  // missing close
        << "2020-01-03,3,4,2,3,20\n"
        << "2020-01-04,6,7,5,6,40\n";
  }
  PlanBuilder b;
  const size_t d = b.data("ds", {{"fileName", "mine.csv"}, {"missingValues", "interpolate"},
                                 {"normalization", "percentage"}});
  b.plan.steps[d].kind = StepKind::kCustomDataset;
  b.plan.steps[d].type = "customDataset";
  RunOptions opt;
  opt.data.data_dir = dir;
  // A fresh cache each run: the hand-built plan keeps its hash when edited.
  auto run = [&] {
    NodeCache cache;
    return Engine(cache).run(b.plan, opt);
  };
  Result<RunResult> r = run();
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  // close interpolated: 2, 2.5, 3, 6 -> percent of 2: 0, 25, 50, 200.
  expect_column(r->features, "ds.close", {0, 25, 50, 200}, 1e-12);
  expect_column(r->features, "ds.open", {0, 100, 50, 200}, 1e-12);
  ASSERT_EQ(r->notes.size(), 1u);  // interpolate reads later bars: said so
  EXPECT_NE(r->notes[0].find("look-ahead"), std::string::npos);

  b.plan.steps[d].params["missingValues"] = "drop";
  b.plan.steps[d].params["normalization"] = "none";
  r = run();
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  expect_column(r->features, "ds.close", {2, 3, 6});

  b.plan.steps[d].params["normalization"] = "log";
  r = run();
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("node 'ds'"), std::string::npos) << r.status().message();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace nocode::engine::testing
