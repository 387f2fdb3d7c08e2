// linear (ridge) and logistic (L2): they learn known relations, match
// scikit-learn's Ridge and LogisticRegression fitted on the same data
// (tests/ml/linear_oracle.py through /usr/bin/python3), refuse NaN with a
// clear message, reproduce bitwise and round-trip through model.json.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ml/model.h"
#include "ml/model_test_data.h"
#include "support/run_command.h"
#include "support/test_data.h"

namespace nocode::testing {
namespace {

using ml::Task;

std::unique_ptr<ml::Model> make(const std::string& algo, Task task, const nlohmann::json& hp) {
  auto m = ml::builtin_models().create(algo, hp, task);
  EXPECT_TRUE(m.is_ok()) << m.status().to_string();
  return m ? std::move(*m) : nullptr;
}

ml::TrainingData training(const Dataset& d, Task task, std::vector<double> w = {}) {
  ml::TrainingData t;
  t.features = d.x;
  t.label = d.y;
  t.sample_weight = std::move(w);
  t.task = task;
  return t;
}

std::vector<double> weights(size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.5, 2.0);
  std::vector<double> w(n);
  for (double& v : w) v = u(rng);
  return w;
}

// Intercept then coefficients from our saved model.json.
std::vector<double> saved_coefficients(const ml::Model& m) {
  const std::string dir = make_temp_dir();
  EXPECT_TRUE(m.save(dir).is_ok());
  std::ifstream f(dir + "/model.json");
  auto j = nlohmann::json::parse(f);
  std::filesystem::remove_all(dir);
  std::vector<double> out{j["intercept"].get<double>()};
  for (double c : j["coefficients"]) out.push_back(c);
  return out;
}

// The same numbers from scikit-learn on the same data.
std::vector<double> sklearn_coefficients(const std::string& kind, double strength, bool intercept,
                                         const Dataset& d, const std::vector<double>& w) {
  ml::FeatureMatrix all = d.x;
  all.names.push_back("label");
  all.names.push_back("weight");
  all.values.clear();
  for (size_t r = 0; r < d.x.rows; ++r) {
    for (size_t c = 0; c < d.x.cols(); ++c) all.values.push_back(d.x.at(r, c));
    all.values.push_back(d.y[r]);
    all.values.push_back(w[r]);
  }
  const std::string dir = make_temp_dir();
  write_csv(dir + "/data.csv", all);
  char s[64];
  std::snprintf(s, sizeof s, "%.17g", strength);
  auto r = run_shell("/usr/bin/python3 '" + source_dir() + "/tests/ml/linear_oracle.py' " + kind +
                     " " + s + " " + (intercept ? "1" : "0") + " '" + dir + "/data.csv'");
  std::filesystem::remove_all(dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<double> out;
  std::istringstream in(r.out);
  for (double v; in >> v;) out.push_back(v);
  return out;
}

void expect_close(const std::vector<double>& ours, const std::vector<double>& theirs, double rel) {
  ASSERT_EQ(ours.size(), theirs.size());
  double scale = 0;
  for (double v : theirs) scale = std::max(scale, std::abs(v));
  for (size_t i = 0; i < ours.size(); ++i)
    EXPECT_NEAR(ours[i], theirs[i], rel * std::max(std::abs(theirs[i]), 1e-3 * scale))
        << "index " << i << " (0 = intercept)";
}

TEST(LinearModel, RidgeLearnsTheRelation) {
  const auto train = make_dataset(Task::kRegression, 2000, 5, 1);
  const auto test = make_dataset(Task::kRegression, 500, 5, 2);
  auto m = make("linear", Task::kRegression, {{"alpha", 0.1}});
  ASSERT_TRUE(m->fit(training(train, Task::kRegression)).is_ok());
  EXPECT_GT(r_squared(*m->predict(test.x), test.y), 0.99);
  const auto c = saved_coefficients(*m);
  EXPECT_NEAR(c[1], 3.0, 0.02);
  EXPECT_NEAR(c[2], -2.0, 0.02);
}

TEST(LinearModel, RidgeMatchesScikitLearn) {
  auto d = make_dataset(Task::kRegression, 400, 6, 3);
  for (size_t r = 0; r < d.x.rows; ++r) d.x.values[r * 6 + 3] += 5.0;  // an offset column
  const auto w = weights(d.x.rows, 4);
  for (bool intercept : {true, false}) {
    auto m = make("linear", Task::kRegression, {{"alpha", 3.5}, {"fit_intercept", intercept}});
    ASSERT_TRUE(m->fit(training(d, Task::kRegression, w)).is_ok());
    expect_close(saved_coefficients(*m), sklearn_coefficients("ridge", 3.5, intercept, d, w), 1e-9);
  }
}

TEST(LinearModel, StandardizeEqualsFittingOnStandardizedColumns) {
  auto d = make_dataset(Task::kRegression, 500, 4, 5);
  for (size_t r = 0; r < d.x.rows; ++r) d.x.values[r * 4 + 1] = 100 * d.x.values[r * 4 + 1] + 7;
  Dataset z = d;  // columns standardized by hand (population std)
  for (size_t c = 0; c < 4; ++c) {
    double mean = 0, var = 0;
    for (size_t r = 0; r < d.x.rows; ++r) mean += d.x.at(r, c);
    mean /= d.x.rows;
    for (size_t r = 0; r < d.x.rows; ++r) var += (d.x.at(r, c) - mean) * (d.x.at(r, c) - mean);
    const double sd = std::sqrt(var / d.x.rows);
    for (size_t r = 0; r < d.x.rows; ++r) z.x.values[r * 4 + c] = (d.x.at(r, c) - mean) / sd;
  }
  auto a = make("linear", Task::kRegression, {{"alpha", 10.0}, {"standardize", true}});
  auto b = make("linear", Task::kRegression, {{"alpha", 10.0}});
  ASSERT_TRUE(a->fit(training(d, Task::kRegression)).is_ok());
  ASSERT_TRUE(b->fit(training(z, Task::kRegression)).is_ok());
  const auto pa = *a->predict(d.x), pb = *b->predict(z.x);
  for (size_t i = 0; i < pa.size(); ++i) EXPECT_NEAR(pa[i], pb[i], 1e-9 * (1 + std::abs(pb[i])));
}

TEST(LogisticModel, LearnsAndMatchesScikitLearn) {
  const auto train = make_dataset(Task::kBinary, 1500, 5, 6);
  const auto test = make_dataset(Task::kBinary, 500, 5, 7);
  const auto w = weights(train.x.rows, 8);
  auto m = make("logistic", Task::kBinary, {{"C", 0.05}});
  ASSERT_TRUE(m->fit(training(train, Task::kBinary, w)).is_ok());
  EXPECT_GT(accuracy(*m->predict(test.x), test.y, true), 0.85);
  expect_close(saved_coefficients(*m), sklearn_coefficients("logistic", 0.05, true, train, w),
               1e-6);
  auto proba = m->predict_proba(test.x);
  ASSERT_TRUE(proba.is_ok());
  EXPECT_EQ((*proba)[1], (*m->predict(test.x))[0]);
}

TEST(LogisticModel, SeparableDataStaysFiniteAndMatches) {
  auto d = make_dataset(Task::kBinary, 300, 3, 9);
  for (size_t r = 0; r < d.x.rows; ++r) d.y[r] = d.x.at(r, 0) > 0 ? 1 : 0;  // separable
  const std::vector<double> w(d.x.rows, 1.0);
  auto m = make("logistic", Task::kBinary, {{"C", 10.0}, {"fit_intercept", false}});
  ASSERT_TRUE(m->fit(training(d, Task::kBinary)).is_ok());
  expect_close(saved_coefficients(*m), sklearn_coefficients("logistic", 10.0, false, d, w), 1e-6);
}

TEST(LinearModels, NaNIsAClearError) {
  auto d = make_dataset(Task::kRegression, 50, 3, 10, 0.0);
  d.x.values[12 * 3 + 2] = std::nan("");
  auto m = make("linear", Task::kRegression, {});
  auto s = m->fit(training(d, Task::kRegression));
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("'x2'"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("row 12"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("impute"), std::string::npos) << s.message();
}

TEST(LinearModels, ReproducibleAndSaveLoadBitwise) {
  for (const std::string algo : {"linear", "logistic"}) {
    const Task task = algo == "linear" ? Task::kRegression : Task::kBinary;
    const auto d = make_dataset(task, 800, 5, 11);
    const nlohmann::json hp = {{"standardize", true}};
    auto a = make(algo, task, hp), b = make(algo, task, hp);
    ASSERT_TRUE(a->fit(training(d, task)).is_ok());
    ASSERT_TRUE(b->fit(training(d, task)).is_ok());
    const auto pa = *a->predict(d.x);
    EXPECT_TRUE(pa == *b->predict(d.x)) << algo;
    const std::string dir = make_temp_dir();
    ASSERT_TRUE(a->save(dir).is_ok());
    auto c = make(algo, task, hp);
    ASSERT_TRUE(c->load(dir).is_ok());
    EXPECT_TRUE(pa == *c->predict(d.x)) << algo;
    std::filesystem::remove_all(dir);
  }
}

TEST(LinearModels, LoadRejectsAForeignFile) {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/model.json") << R"({"format": "something else"})";
  auto m = make("linear", Task::kRegression, {});
  auto s = m->load(dir);
  EXPECT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("model.json"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(LinearModels, TasksAreChecked) {
  auto r = ml::builtin_models().create("logistic", {}, Task::kMulticlass, 3);
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("binary"), std::string::npos);
  EXPECT_FALSE(ml::builtin_models().create("linear", {}, Task::kBinary).is_ok());
}

}  // namespace
}  // namespace nocode::testing
