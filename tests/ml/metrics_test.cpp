// Metrics against sklearn / scipy / pandas (tests/ml/metrics_oracle.py run
// by /usr/bin/python3 in the test on the same random predictions), plus
// hand-checked small cases and the documented edge cases.
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

// Writes every case's CSV, runs the oracle once (python starts once), parses its JSON list.
json oracle(const std::vector<Case>& cases) {
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

json oracle(const std::string& mode, const std::string& header,
            const std::vector<std::vector<double>>& columns, const std::vector<int64_t>* ts = nullptr) {
  return oracle({Case{mode, header, columns, ts ? *ts : std::vector<int64_t>{}}})[0];
}

void compare(const ClassificationMetrics& m, const json& ref, const std::string& name) {
  expect_near(m.accuracy, ref["accuracy"], name + " accuracy");
  expect_near(m.precision, ref["precision"], name + " precision");
  expect_near(m.recall, ref["recall"], name + " recall");
  expect_near(m.f1, ref["f1"], name + " f1");
  expect_near(m.roc_auc, ref["roc_auc"], name + " roc_auc");
  expect_near(m.log_loss, ref["log_loss"], name + " log_loss");
  for (size_t t = 0; t < m.classes; ++t)
    for (size_t q = 0; q < m.classes; ++q)
      EXPECT_EQ(m.confusion.at(t, q), ref["confusion"][t][q].get<size_t>()) << name << " cm " << t << q;
}

void check_binary(const std::vector<double>& y, const std::vector<double>& p, const std::string& name) {
  auto m = classification_metrics(y, p, 2);
  ASSERT_TRUE(m.is_ok()) << m.status().message();
  compare(*m, oracle("binary", "y,p", {y, p}), name);
}

TEST(MetricsTest, BinaryAgainstSklearn) {
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
  check_binary(y, p, "random");
}

TEST(MetricsTest, BinaryEdgeCases) {
  // One class only: AUC undefined (sklearn raises) -> NaN; the rest defined.
  // Constant score: AUC 0.5; nothing predicted positive -> precision 0.
  const std::vector<std::pair<std::vector<double>, std::vector<double>>> cases = {
      {{1, 1, 1, 1}, {0.2, 0.7, 0.9, 0.6}},
      {{0, 1, 0, 1, 1}, {0.3, 0.3, 0.3, 0.3, 0.3}},
      {{0, 1, 1, 0}, {0.5, 0.5, 0.5, 0.5}},
      {{0, 0, 0}, {0, 1, 0.5}}};
  std::vector<Case> in;
  for (const auto& [y, p] : cases) in.push_back({"binary", "y,p", {y, p}, {}});
  const json ref = oracle(in);
  for (size_t k = 0; k < cases.size(); ++k) {
    auto m = classification_metrics(cases[k].first, cases[k].second, 2);
    ASSERT_TRUE(m.is_ok()) << m.status().message();
    compare(*m, ref[k], "edge case " + std::to_string(k));
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
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<double> y;
  std::vector<std::vector<double>> cols(4);
  std::vector<double> flat;
  for (int i = 0; i < 500; ++i) {
    const double truth = std::floor(u(rng) * 3);
    double w[3], sum = 0;
    for (int k = 0; k < 3; ++k) sum += w[k] = u(rng) + (k == truth ? 0.4 : 0) + (i % 7 == 0 ? 5 : 0);
    y.push_back(truth);
    cols[0].push_back(truth);
    for (int k = 0; k < 3; ++k) {
      cols[k + 1].push_back(w[k] / sum);
      flat.push_back(w[k] / sum);
    }
  }
  auto m = classification_metrics(y, flat, 3);
  ASSERT_TRUE(m.is_ok()) << m.status().message();
  compare(*m, oracle("multiclass", "y,p0,p1,p2", cols), "multiclass");
}

TEST(MetricsTest, RegressionAgainstSklearn) {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> n(0, 0.02);
  std::vector<double> y, p;
  for (int i = 0; i < 700; ++i) {
    const double truth = i % 13 == 0 ? 0 : n(rng);
    y.push_back(truth);
    p.push_back(i % 17 == 0 ? 0 : 0.3 * truth + n(rng));
  }
  auto m = regression_metrics(y, p);
  ASSERT_TRUE(m.is_ok());
  const json ref = oracle("regression", "y,pred", {y, p});
  expect_near(m->rmse, ref["rmse"], "rmse");
  expect_near(m->mae, ref["mae"], "mae");
  expect_near(m->r2, ref["r2"], "r2");
  expect_near(m->directional_accuracy, ref["directional_accuracy"], "directional");
}

TEST(MetricsTest, RegressionEdgeCases) {
  const std::vector<std::pair<std::vector<double>, std::vector<double>>> cases = {
      {{2, 2, 2}, {2, 2, 2}}, {{2, 2, 2}, {1, 2, 3}}, {{0, 0, 0}, {1, -1, 0}}};
  std::vector<Case> in;
  for (const auto& [y, p] : cases) in.push_back({"regression", "y,pred", {y, p}, {}});
  const json ref = oracle(in);
  for (size_t k = 0; k < cases.size(); ++k) {
    auto m = regression_metrics(cases[k].first, cases[k].second);
    ASSERT_TRUE(m.is_ok());
    expect_near(m->r2, ref[k]["r2"], "r2 constant label");
    expect_near(m->rmse, ref[k]["rmse"], "rmse");
    expect_near(m->directional_accuracy, ref[k]["directional_accuracy"], "directional");
  }
}

TEST(MetricsTest, RanksAndCorrelationsHandChecked) {
  const std::vector<double> r = average_ranks({10, 20, 10, 5, 20, 20});
  EXPECT_EQ(r, (std::vector<double>{2.5, 5, 2.5, 1, 5, 5}));
  EXPECT_DOUBLE_EQ(pearson({1, 2, 3}, {2, 4, 6}), 1.0);
  EXPECT_TRUE(std::isnan(pearson({1, 1, 1}, {2, 4, 6})));
  EXPECT_DOUBLE_EQ(spearman({1, 2, 3, 4}, {1, 8, 27, 64}), 1.0);
}

void check_ic(const std::vector<int64_t>& ts, const std::vector<double>& s, const std::vector<double>& r,
              const std::string& name) {
  auto ic = information_coefficient(ts, s, r);
  ASSERT_TRUE(ic.is_ok()) << ic.status().message();
  const json ref = oracle("ic", "ts,score,ret", {s, r}, &ts);
  EXPECT_EQ(ic->rows, ref["rows"].get<size_t>()) << name;
  expect_near(ic->ic, ref["ic"], name + " ic");
  expect_near(ic->rank_ic, ref["rank_ic"], name + " rank_ic");
  ASSERT_EQ(ic->periods.size(), ref["periods"].size()) << name;
  for (size_t i = 0; i < ic->periods.size(); ++i) {
    const json& p = ref["periods"][i];
    EXPECT_EQ(ic->periods[i].period, p["period"].get<std::string>());
    EXPECT_EQ(ic->periods[i].rows, p["rows"].get<size_t>());
    expect_near(ic->periods[i].ic, p["ic"], name + " period ic " + ic->periods[i].period);
    expect_near(ic->periods[i].rank_ic, p["rank_ic"], name + " period rank ic");
  }
  for (const char* k : {"ic_mean", "ic_std", "icir", "rank_ic_mean", "rank_ic_std", "rank_icir"}) {
    const double ours = to_json(*ic, false)[k].is_null() ? kNaN : to_json(*ic, false)[k].get<double>();
    expect_near(ours, ref[k], name + " " + k);
  }
}

TEST(MetricsTest, InformationCoefficientAgainstScipyAndPandas) {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> n(0, 1);
  std::vector<int64_t> ts;
  std::vector<double> s, r;
  const int64_t day = 86400LL * 1000000000LL;
  int64_t t = 1577836800LL * 1000000000LL;  // 2020-01-01
  for (int i = 0; i < 520; ++i) {
    t += (i == 200 ? 40 : 1) * day;  // a jump leaves a month with few points
    if (i > 300 && i < 330 && i % 12 != 0) continue;  // a month with < 3 points
    const double ret = 0.01 * n(rng);
    double score = 0.2 * ret / 0.01 + n(rng);
    if (i % 5 == 0) score = std::round(score * 2) / 2;  // ties for the ranks
    if (i % 41 == 0) score = kNaN;
    if (i % 43 == 0) r.push_back(kNaN); else r.push_back(ret);
    ts.push_back(t);
    s.push_back(score);
  }
  check_ic(ts, s, r, "random");
}

TEST(MetricsTest, InformationCoefficientConstantScore) {
  std::vector<int64_t> ts;
  std::vector<double> s, r;
  for (int i = 0; i < 100; ++i) {
    ts.push_back((1577836800LL + i * 86400LL) * 1000000000LL);
    s.push_back(1.0);
    r.push_back(std::sin(i));
  }
  check_ic(ts, s, r, "constant");
}

}  // namespace
}  // namespace nocode::ml
