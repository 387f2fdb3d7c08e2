// Metrics against sklearn / scipy / pandas (tests/ml/metrics_oracle.py run
// once by /usr/bin/python3 on every case's predictions), plus hand-checked
// small cases and the documented edge cases.
#include "ml/metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "support/run_command.h"
#include "support/test_data.h"

namespace nocode::ml {
namespace {

using nlohmann::json;
using testing::make_temp_dir;
using testing::run_shell;
using testing::source_dir;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using Pairs = std::vector<std::pair<std::vector<double>, std::vector<double>>>;

// |a - b| <= 1e-12 relative (1e-15 absolute floor near zero); null = NaN.
void expect_near(double ours, const json& ref, const std::string& what) {
  if (ref.is_null()) {
    EXPECT_TRUE(std::isnan(ours)) << what << ": oracle gives NaN/error, ours " << ours;
    return;
  }
  const double r = ref.get<double>();
  const double tol = std::max(1e-12 * std::max(std::fabs(ours), std::fabs(r)), 1e-15);
  EXPECT_NEAR(ours, r, tol) << what;
}

std::string g17(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// One oracle input: mode and CSV columns.
struct Case {
  std::string mode, header;
  std::vector<std::vector<double>> columns;
  std::vector<int64_t> ts;  // ic: first column
};

// ---- the cases ---------------------------------------------------------------

Case binary_random() {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<double> y, p;
  for (int i = 0; i < 600; ++i) {
    const double truth = u(rng) < 0.45 ? 1 : 0;
    double prob = std::clamp(0.35 * truth + 0.65 * u(rng), 0.0, 1.0);
    if (i % 3 == 0) prob = std::round(prob * 20) / 20;  // ties, including exactly 0.5
    if (i == 5) prob = 0;                               // clipped by log loss
    if (i == 6) prob = 1;
    y.push_back(truth);
    p.push_back(prob);
  }
  return {"binary", "y,p", {y, p}, {}};
}

// One class only: AUC undefined (sklearn raises) -> NaN. Constant score: AUC
// 0.5; nothing predicted positive -> precision 0.
const Pairs& binary_edges() {
  static const Pairs cases = {{{1, 1, 1, 1}, {0.2, 0.7, 0.9, 0.6}},
                              {{0, 1, 0, 1, 1}, {0.3, 0.3, 0.3, 0.3, 0.3}},
                              {{0, 1, 1, 0}, {0.5, 0.5, 0.5, 0.5}},
                              {{0, 0, 0}, {0, 1, 0.5}}};
  return cases;
}

Case multiclass_random() {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<std::vector<double>> cols(4);
  for (int i = 0; i < 500; ++i) {
    const double truth = std::floor(u(rng) * 3);
    double w[3], sum = 0;
    for (int k = 0; k < 3; ++k) sum += w[k] = u(rng) + (k == truth ? 0.4 : 0) + (i % 7 == 0 ? 5 : 0);
    cols[0].push_back(truth);
    for (int k = 0; k < 3; ++k) cols[k + 1].push_back(w[k] / sum);
  }
  return {"multiclass", "y,p0,p1,p2", cols, {}};
}

Case regression_random() {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> n(0, 0.02);
  std::vector<double> y, p;
  for (int i = 0; i < 700; ++i) {
    const double truth = i % 13 == 0 ? 0 : n(rng);
    y.push_back(truth);
    p.push_back(i % 17 == 0 ? 0 : 0.3 * truth + n(rng));
  }
  return {"regression", "y,pred", {y, p}, {}};
}

const Pairs& regression_edges() {
  static const Pairs cases = {{{2, 2, 2}, {2, 2, 2}}, {{2, 2, 2}, {1, 2, 3}}, {{0, 0, 0}, {1, -1, 0}}};
  return cases;
}

Case ic_random() {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> n(0, 1);
  Case c{"ic", "ts,score,ret", {{}, {}}, {}};
  const int64_t day = 86400LL * 1000000000LL;
  int64_t t = 1577836800LL * 1000000000LL;  // 2020-01-01
  for (int i = 0; i < 520; ++i) {
    t += (i == 200 ? 40 : 1) * day;                   // a jump leaves a month with few points
    if (i > 300 && i < 330 && i % 12 != 0) continue;  // a month with < 3 points
    const double ret = 0.01 * n(rng);
    double score = 0.2 * ret / 0.01 + n(rng);
    if (i % 5 == 0) score = std::round(score * 2) / 2;  // ties for the ranks
    if (i % 41 == 0) score = kNaN;
    c.ts.push_back(t);
    c.columns[0].push_back(score);
    c.columns[1].push_back(i % 43 == 0 ? kNaN : ret);
  }
  return c;
}

Case ic_constant() {
  Case c{"ic", "ts,score,ret", {{}, {}}, {}};
  for (int i = 0; i < 100; ++i) {
    c.ts.push_back((1577836800LL + i * 86400LL) * 1000000000LL);
    c.columns[0].push_back(1.0);
    c.columns[1].push_back(std::sin(i));
  }
  return c;
}

// Indices into the oracle's answers.
enum : size_t { kBinaryRandom = 0, kBinaryEdge = 1 };
const size_t kMulticlass = kBinaryEdge + 4, kRegression = kMulticlass + 1,
             kRegressionEdge = kRegression + 1, kIcRandom = kRegressionEdge + 3,
             kIcConstant = kIcRandom + 1;

std::vector<Case> all_cases() {
  std::vector<Case> c = {binary_random()};
  for (const auto& [y, p] : binary_edges()) c.push_back({"binary", "y,p", {y, p}, {}});
  c.push_back(multiclass_random());
  c.push_back(regression_random());
  for (const auto& [y, p] : regression_edges()) c.push_back({"regression", "y,pred", {y, p}, {}});
  c.push_back(ic_random());
  c.push_back(ic_constant());
  return c;
}

// Writes every case's CSV and runs the oracle once (python starts once).
json run_oracle(const std::vector<Case>& cases) {
  const std::string dir = make_temp_dir();
  std::string args;
  for (size_t k = 0; k < cases.size(); ++k) {
    const Case& c = cases[k];
    const std::string path = dir + "/case" + std::to_string(k) + ".csv";
    std::ofstream f(path);
    f << c.header << "\n";
    for (size_t i = 0; i < c.columns.front().size(); ++i) {
      if (!c.ts.empty()) f << c.ts[i] << ",";
      for (size_t j = 0; j < c.columns.size(); ++j) f << (j ? "," : "") << g17(c.columns[j][i]);
      f << "\n";
    }
    args += " " + c.mode + " '" + path + "'";
  }
  auto r = run_shell("/usr/bin/python3 '" + source_dir() + "/tests/ml/metrics_oracle.py'" + args);
  run_shell("rm -rf '" + dir + "'");
  if (r.exit_code != 0) throw std::runtime_error("oracle failed: " + r.err);
  return json::parse(r.out);
}

const json& ref(size_t index) {
  static const json answers = run_oracle(all_cases());
  return answers.at(index);
}

// ---- comparisons ---------------------------------------------------------------

void compare(const ClassificationMetrics& m, const json& r, const std::string& name) {
  expect_near(m.accuracy, r["accuracy"], name + " accuracy");
  expect_near(m.precision, r["precision"], name + " precision");
  expect_near(m.recall, r["recall"], name + " recall");
  expect_near(m.f1, r["f1"], name + " f1");
  expect_near(m.roc_auc, r["roc_auc"], name + " roc_auc");
  expect_near(m.log_loss, r["log_loss"], name + " log_loss");
  for (size_t t = 0; t < m.classes; ++t)
    for (size_t q = 0; q < m.classes; ++q)
      EXPECT_EQ(m.confusion.at(t, q), r["confusion"][t][q].get<size_t>()) << name << " cm " << t << q;
}

TEST(MetricsTest, BinaryAgainstSklearn) {
  const Case c = binary_random();
  auto m = classification_metrics(c.columns[0], c.columns[1], 2);
  ASSERT_TRUE(m.is_ok()) << m.status().message();
  compare(*m, ref(kBinaryRandom), "random");
}

TEST(MetricsTest, BinaryEdgeCases) {
  for (size_t k = 0; k < binary_edges().size(); ++k) {
    auto m = classification_metrics(binary_edges()[k].first, binary_edges()[k].second, 2);
    ASSERT_TRUE(m.is_ok()) << m.status().message();
    compare(*m, ref(kBinaryEdge + k), "edge case " + std::to_string(k));
  }
}

TEST(MetricsTest, BinaryHandChecked) {
  // y 0 0 1 1, p .1 .4 .35 .8: AUC = 3/4; predicted 0 0 0 1.
  auto m = classification_metrics({0, 0, 1, 1}, {0.1, 0.4, 0.35, 0.8}, 2);
  ASSERT_TRUE(m.is_ok());
  EXPECT_DOUBLE_EQ(m->roc_auc, 0.75);
  EXPECT_DOUBLE_EQ(m->accuracy, 0.75);
  EXPECT_DOUBLE_EQ(m->precision, 1.0);
  EXPECT_DOUBLE_EQ(m->recall, 0.5);
  EXPECT_NEAR(m->log_loss, -(std::log(0.9) + std::log(0.6) + std::log(0.35) + std::log(0.8)) / 4, 1e-15);
  EXPECT_FALSE(classification_metrics({0, 2}, {0.1, 0.4}, 2).is_ok());
  EXPECT_FALSE(classification_metrics({0, 1}, {0.1}, 2).is_ok());
}

TEST(MetricsTest, MulticlassAgainstSklearn) {
  const Case c = multiclass_random();
  std::vector<double> flat;
  for (size_t i = 0; i < c.columns[0].size(); ++i)
    for (size_t k = 1; k <= 3; ++k) flat.push_back(c.columns[k][i]);
  auto m = classification_metrics(c.columns[0], flat, 3);
  ASSERT_TRUE(m.is_ok()) << m.status().message();
  compare(*m, ref(kMulticlass), "multiclass");
}

TEST(MetricsTest, RegressionAgainstSklearn) {
  const Case c = regression_random();
  auto m = regression_metrics(c.columns[0], c.columns[1]);
  ASSERT_TRUE(m.is_ok());
  const json& r = ref(kRegression);
  expect_near(m->rmse, r["rmse"], "rmse");
  expect_near(m->mae, r["mae"], "mae");
  expect_near(m->r2, r["r2"], "r2");
  expect_near(m->directional_accuracy, r["directional_accuracy"], "directional");
}

TEST(MetricsTest, RegressionEdgeCases) {
  for (size_t k = 0; k < regression_edges().size(); ++k) {
    auto m = regression_metrics(regression_edges()[k].first, regression_edges()[k].second);
    ASSERT_TRUE(m.is_ok());
    const json& r = ref(kRegressionEdge + k);
    expect_near(m->r2, r["r2"], "r2 constant label");
    expect_near(m->rmse, r["rmse"], "rmse");
    expect_near(m->directional_accuracy, r["directional_accuracy"], "directional");
  }
}

TEST(MetricsTest, RanksAndCorrelationsHandChecked) {
  const std::vector<double> r = average_ranks({10, 20, 10, 5, 20, 20});
  EXPECT_EQ(r, (std::vector<double>{2.5, 5, 2.5, 1, 5, 5}));
  EXPECT_DOUBLE_EQ(pearson({1, 2, 3}, {2, 4, 6}), 1.0);
  EXPECT_TRUE(std::isnan(pearson({1, 1, 1}, {2, 4, 6})));
  EXPECT_DOUBLE_EQ(spearman({1, 2, 3, 4}, {1, 8, 27, 64}), 1.0);
}

void check_ic(const Case& c, const json& r, const std::string& name) {
  auto ic = information_coefficient(c.ts, c.columns[0], c.columns[1]);
  ASSERT_TRUE(ic.is_ok()) << ic.status().message();
  EXPECT_EQ(ic->rows, r["rows"].get<size_t>()) << name;
  expect_near(ic->ic, r["ic"], name + " ic");
  expect_near(ic->rank_ic, r["rank_ic"], name + " rank_ic");
  ASSERT_EQ(ic->periods.size(), r["periods"].size()) << name;
  for (size_t i = 0; i < ic->periods.size(); ++i) {
    const json& p = r["periods"][i];
    EXPECT_EQ(ic->periods[i].period, p["period"].get<std::string>());
    EXPECT_EQ(ic->periods[i].rows, p["rows"].get<size_t>());
    expect_near(ic->periods[i].ic, p["ic"], name + " period ic " + ic->periods[i].period);
    expect_near(ic->periods[i].rank_ic, p["rank_ic"], name + " period rank ic");
  }
  const json ours = to_json(*ic, false);
  for (const char* k : {"ic_mean", "ic_std", "icir", "rank_ic_mean", "rank_ic_std", "rank_icir"})
    expect_near(ours[k].is_null() ? kNaN : ours[k].get<double>(), r[k], name + " " + k);
}

TEST(MetricsTest, InformationCoefficientAgainstScipyAndPandas) {
  const Case c = ic_random();
  check_ic(c, ref(kIcRandom), "random");
  EXPECT_GT(ref(kIcRandom)["periods"].size(), 12u);
}

TEST(MetricsTest, InformationCoefficientConstantScore) {
  check_ic(ic_constant(), ref(kIcConstant), "constant");
}

}  // namespace
}  // namespace nocode::ml
