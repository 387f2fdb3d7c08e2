// xgboost and random_forest through the registry: they learn known relations,
// handle NaN and weights, stop early, rank importance, reproduce bitwise,
// round-trip through save/load, and predict exactly like python3-xgboost on
// the saved model.json (tests/ml/xgboost_predict.py).
#include <gtest/gtest.h>

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

std::unique_ptr<ml::Model> make(const std::string& algo, Task task, nlohmann::json hp,
                                size_t classes = 2) {
  // One thread: the tests run in parallel on a small machine.
  if (!hp.contains("nthread")) hp["nthread"] = 1;
  auto m = ml::builtin_models().create(algo, hp, task, classes);
  EXPECT_TRUE(m.is_ok()) << m.status().to_string();
  return m ? std::move(*m) : nullptr;
}

ml::TrainingData training(const Dataset& d, Task task, size_t classes = 2, uint64_t seed = 7) {
  ml::TrainingData t;
  t.features = d.x;
  t.label = d.y;
  t.task = task;
  t.classes = classes;
  t.seed = seed;
  return t;
}

std::string slurp(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Trees in a saved XGBoost JSON model, read from the file itself.
int saved_trees(const std::string& dir) {
  auto j = nlohmann::json::parse(slurp(dir + "/model.json"));
  return std::stoi(j["learner"]["gradient_booster"]["model"]["gbtree_model_param"]["num_trees"]
                       .get<std::string>());
}

TEST(XGBoostModel, BinaryLearnsTheRelationWithMissingValues) {
  const auto train = make_dataset(Task::kBinary, 3000, 6, 1, 0.2);
  const auto test = make_dataset(Task::kBinary, 1000, 6, 2, 0.2);
  auto m = make("xgboost", Task::kBinary, {{"n_estimators", 60}, {"max_depth", 3}});
  ASSERT_TRUE(m->fit(training(train, Task::kBinary)).is_ok());
  auto p = m->predict(test.x);
  ASSERT_TRUE(p.is_ok()) << p.status().to_string();
  // The Bayes rate with 0.3 noise is about 0.9; always-majority is about 0.5.
  EXPECT_GT(accuracy(*p, test.y, true), 0.85);
  auto proba = m->predict_proba(test.x);
  ASSERT_TRUE(proba.is_ok());
  ASSERT_EQ(proba->size(), 2 * test.x.rows);
  EXPECT_EQ((*proba)[1], (*p)[0]);
  EXPECT_EQ((*proba)[0], 1.0 - (*p)[0]);
}

TEST(XGBoostModel, RegressionAndMulticlassLearn) {
  const auto rtrain = make_dataset(Task::kRegression, 3000, 4, 3);
  const auto rtest = make_dataset(Task::kRegression, 1000, 4, 4);
  auto reg = make("xgboost", Task::kRegression, {{"n_estimators", 100}, {"learning_rate", 0.2}});
  ASSERT_TRUE(reg->fit(training(rtrain, Task::kRegression)).is_ok());
  EXPECT_GT(r_squared(*reg->predict(rtest.x), rtest.y), 0.95);
  EXPECT_FALSE(reg->predict_proba(rtest.x).is_ok());

  const auto ctrain = make_dataset(Task::kMulticlass, 3000, 4, 5);
  const auto ctest = make_dataset(Task::kMulticlass, 1000, 4, 6);
  auto cls = make("xgboost", Task::kMulticlass, {{"n_estimators", 40}}, 3);
  ASSERT_TRUE(cls->fit(training(ctrain, Task::kMulticlass, 3)).is_ok());
  auto pred = cls->predict(ctest.x);
  ASSERT_TRUE(pred.is_ok());
  EXPECT_GT(accuracy(*pred, ctest.y, false), 0.8);
  auto proba = cls->predict_proba(ctest.x);
  ASSERT_EQ(proba->size(), 3 * ctest.x.rows);
  double sum = (*proba)[0] + (*proba)[1] + (*proba)[2];
  EXPECT_NEAR(sum, 1.0, 1e-6);
}

TEST(XGBoostModel, RandomForestLearns) {
  const auto train = make_dataset(Task::kBinary, 3000, 6, 11);
  const auto test = make_dataset(Task::kBinary, 1000, 6, 12);
  auto m = make("random_forest", Task::kBinary, {{"n_estimators", 50}});
  ASSERT_TRUE(m->fit(training(train, Task::kBinary)).is_ok());
  EXPECT_GT(accuracy(*m->predict(test.x), test.y, true), 0.83);
  const std::string dir = make_temp_dir();
  ASSERT_TRUE(m->save(dir).is_ok());
  EXPECT_EQ(saved_trees(dir), 50);  // one round of 50 parallel trees
  std::filesystem::remove_all(dir);
}

TEST(XGBoostModel, SampleWeightsDecideWhatIsLearned) {
  // Rows with x2 > 0 carry the inverted label; with weight 0 they do not count.
  auto d = make_dataset(Task::kBinary, 3000, 4, 21);
  std::vector<double> w(d.x.rows, 1.0);
  for (size_t r = 0; r < d.x.rows; ++r)
    if (d.x.at(r, 2) > 0) {
      d.y[r] = 1 - d.y[r];
      w[r] = 0.0;
    }
  const auto test = make_dataset(Task::kBinary, 1000, 4, 22);
  auto weighted = make("xgboost", Task::kBinary, {{"n_estimators", 40}, {"max_depth", 3}});
  auto t = training(d, Task::kBinary);
  t.sample_weight = w;
  ASSERT_TRUE(weighted->fit(t).is_ok());
  EXPECT_GT(accuracy(*weighted->predict(test.x), test.y, true), 0.85);
  auto plain = make("xgboost", Task::kBinary, {{"n_estimators", 40}, {"max_depth", 3}});
  ASSERT_TRUE(plain->fit(training(d, Task::kBinary)).is_ok());
  EXPECT_LT(accuracy(*plain->predict(test.x), test.y, true), 0.75);
}

TEST(XGBoostModel, EarlyStoppingStopsOnANoisyTask) {
  // Labels independent of the features: validation loss is best after few rounds.
  auto train = make_dataset(Task::kBinary, 2000, 5, 31);
  auto valid = make_dataset(Task::kBinary, 1000, 5, 32);
  std::mt19937 rng(5);
  for (double& y : train.y) y = static_cast<double>(rng() & 1U);
  for (double& y : valid.y) y = static_cast<double>(rng() & 1U);
  auto m = make("xgboost", Task::kBinary,
                {{"n_estimators", 400}, {"early_stopping_rounds", 10}, {"learning_rate", 0.3}});
  auto t = training(train, Task::kBinary);
  t.validation = &valid.x;
  t.validation_label = &valid.y;
  std::vector<ml::TrainingProgress> seen;
  t.progress = [&](const ml::TrainingProgress& p) { seen.push_back(p); };
  ASSERT_TRUE(m->fit(t).is_ok());
  ASSERT_FALSE(seen.empty());
  EXPECT_LT(seen.size(), 100u);
  EXPECT_EQ(seen.back().total, 400u);
  // The kept trees end at the round with the lowest validation loss.
  size_t best = 0;
  for (size_t i = 1; i < seen.size(); ++i)
    if (seen[i].validation_loss < seen[best].validation_loss) best = i;
  EXPECT_EQ(seen.size(), best + 1 + 10);
  const std::string dir = make_temp_dir();
  ASSERT_TRUE(m->save(dir).is_ok());
  EXPECT_EQ(saved_trees(dir), static_cast<int>(best + 1));
  std::filesystem::remove_all(dir);
  // Training loss falls round after round.
  EXPECT_LT(seen.back().train_loss, seen.front().train_loss);
}

TEST(XGBoostModel, FeatureImportanceRanksTheInformativeFeatureFirst) {
  const auto d = make_dataset(Task::kRegression, 2000, 5, 41);
  auto m = make("xgboost", Task::kRegression, {{"n_estimators", 30}});
  ASSERT_TRUE(m->fit(training(d, Task::kRegression)).is_ok());
  auto imp = m->feature_importance();
  ASSERT_EQ(imp.size(), 5u);
  EXPECT_EQ(imp[0].first, "x0");
  for (size_t i = 1; i < imp.size(); ++i) EXPECT_GT(imp[0].second, imp[i].second) << imp[i].first;
  for (size_t i = 2; i < imp.size(); ++i) EXPECT_GT(imp[1].second, imp[i].second) << imp[i].first;
}

TEST(XGBoostModel, SameSeedSamePredictionsBitwise) {
  const auto d = make_dataset(Task::kBinary, 2000, 5, 51, 0.1);
  const nlohmann::json hp = {{"n_estimators", 30}, {"subsample", 0.7}, {"colsample_bytree", 0.6}};
  auto fit = [&](uint64_t seed) {
    auto m = make("xgboost", Task::kBinary, hp);
    EXPECT_TRUE(m->fit(training(d, Task::kBinary, 2, seed)).is_ok());
    return *m->predict(d.x);
  };
  const auto a = fit(99), b = fit(99), c = fit(100);
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a == c);  // the seed drives the row/column sampling
}

TEST(XGBoostModel, SaveLoadRoundTripIsBitwise) {
  const auto d = make_dataset(Task::kMulticlass, 1500, 4, 61, 0.1);
  auto m = make("xgboost", Task::kMulticlass, {{"n_estimators", 20}}, 3);
  ASSERT_TRUE(m->fit(training(d, Task::kMulticlass, 3)).is_ok());
  const std::string dir = make_temp_dir();
  auto files = m->save(dir);
  ASSERT_TRUE(files.is_ok()) << files.status().to_string();
  EXPECT_EQ(*files, std::vector<std::string>{"model.json"});
  auto loaded = make("xgboost", Task::kMulticlass, {{"n_estimators", 20}}, 3);
  ASSERT_TRUE(loaded->load(dir).is_ok());
  EXPECT_TRUE(*loaded->predict_proba(d.x) == *m->predict_proba(d.x));
  EXPECT_EQ(loaded->feature_importance(), m->feature_importance());
  std::filesystem::remove_all(dir);
}

TEST(XGBoostModel, BadInputIsAnErrorNotACrash) {
  auto d = make_dataset(Task::kBinary, 100, 3, 71);
  auto m = make("xgboost", Task::kBinary, {{"n_estimators", 5}});
  EXPECT_FALSE(m->predict(d.x).is_ok());  // not fitted
  d.y[7] = 2;
  auto s = m->fit(training(d, Task::kBinary));
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("row 7"), std::string::npos) << s.message();
  d.y[7] = 1;
  ASSERT_TRUE(m->fit(training(d, Task::kBinary)).is_ok());
  ml::FeatureMatrix narrow{{"x0", "x1"}, std::vector<double>(4, 0.0), 2};
  EXPECT_FALSE(m->predict(narrow).is_ok());
  ml::FeatureMatrix none{d.x.names, {}, 0};
  ASSERT_TRUE(m->predict(none).is_ok());
  EXPECT_TRUE(m->predict(none)->empty());
  EXPECT_FALSE(m->load("/nonexistent/dir").is_ok());
}

// Names XGBoost itself refuses ('[', ']', '<') are kept on our side only.
TEST(XGBoostModel, FeatureNamesXGBoostRejectsStillWork) {
  auto d = make_dataset(Task::kRegression, 500, 3, 75);
  d.x.names = {"rsi[14]", "close < open", "macd, signal"};
  auto m = make("xgboost", Task::kRegression, {{"n_estimators", 10}});
  ASSERT_TRUE(m->fit(training(d, Task::kRegression)).is_ok());
  const std::string dir = make_temp_dir();
  ASSERT_TRUE(m->save(dir).is_ok());
  auto loaded = make("xgboost", Task::kRegression, {{"n_estimators", 10}});
  ASSERT_TRUE(loaded->load(dir).is_ok());
  EXPECT_TRUE(*loaded->predict(d.x) == *m->predict(d.x));
  const auto imp = loaded->feature_importance();
  ASSERT_EQ(imp.size(), 3u);
  EXPECT_EQ(imp[0].first, "rsi[14]");
  EXPECT_GT(imp[0].second, imp[2].second);
  std::filesystem::remove_all(dir);
}

// python3-xgboost loads our model.json and predicts the same float32 values.
TEST(XGBoostModel, PythonXGBoostPredictsIdentically) {
  const std::string dir = make_temp_dir();
  struct Case {
    std::string name, algo;
    Task task;
    size_t classes;
    nlohmann::json hp;
  };
  const std::vector<Case> cases = {
      {"binary", "xgboost", Task::kBinary, 2, {{"n_estimators", 25}, {"subsample", 0.8}}},
      {"multi", "xgboost", Task::kMulticlass, 3, {{"n_estimators", 15}}},
      {"reg", "xgboost", Task::kRegression, 1, {{"n_estimators", 25}, {"max_depth", 4}}},
      {"rf", "random_forest", Task::kBinary, 2, {{"n_estimators", 20}}},
      // Early stopping slices the booster: the sliced model must load in Python too.
      {"early",
       "xgboost",
       Task::kBinary,
       2,
       {{"n_estimators", 300}, {"learning_rate", 1.0}, {"early_stopping_rounds", 3}}},
  };
  std::string args;
  std::vector<std::string> ours;
  unsigned seed = 80;
  for (const auto& c : cases) {
    const auto train = make_dataset(c.task, 1500, 5, ++seed, 0.15);
    const auto test = make_dataset(c.task, 300, 5, ++seed, 0.15);
    auto m = make(c.algo, c.task, c.hp, c.classes);
    auto t = training(train, c.task, c.classes);
    const auto valid = make_dataset(c.task, 300, 5, 1000 + seed, 0.15);
    if (c.name == "early") {
      t.validation = &valid.x;
      t.validation_label = &valid.y;
    }
    ASSERT_TRUE(m->fit(t).is_ok()) << c.name;
    const std::string mdir = dir + "/" + c.name;
    std::filesystem::create_directories(mdir);
    ASSERT_TRUE(m->save(mdir).is_ok());
    if (c.name == "early") EXPECT_LT(saved_trees(mdir), 300);
    write_csv(mdir + "/x.csv", test.x);
    args += " '" + mdir + "/model.json' '" + mdir + "/x.csv' '" + mdir + "/py.txt'";
    auto p = c.task == Task::kMulticlass ? m->predict_proba(test.x) : m->predict(test.x);
    ASSERT_TRUE(p.is_ok());
    ours.push_back(format_rows(*p, c.task == Task::kMulticlass ? c.classes : 1));
  }
  auto r = run_shell("/usr/bin/python3 '" + source_dir() + "/tests/ml/xgboost_predict.py'" + args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (size_t i = 0; i < cases.size(); ++i) {
    const std::string py = slurp(dir + "/" + cases[i].name + "/py.txt");
    EXPECT_FALSE(py.empty());
    EXPECT_TRUE(py == ours[i]) << cases[i].name << ": python\n"
                               << py.substr(0, 300) << "\nnocode\n"
                               << ours[i].substr(0, 300);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace nocode::testing
