// mlp, lstm and transformer (LibTorch): each learns a synthetic relation a
// baseline cannot, windows give NaN scores where incomplete, a seed
// reproduces predictions bitwise, save/load round-trips bitwise, early
// stopping keeps the best epoch, and bad input is a clear error.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <functional>
#include <random>

#include "ml/model.h"
#include "ml/torch/neural_models.h"

namespace nocode::ml {
namespace {

using json = nlohmann::json;

const ModelRegistry& registry() { return builtin_models(); }

// The factory directly: it validates its hyperparameters itself (fit()
// returns the error), whether or not ModelAlgorithm::resolve is available.
std::unique_ptr<Model> make(const std::string& algo, const json& params, Task task,
                            size_t classes = 2) {
  const ModelAlgorithm* a = registry().find(algo);
  EXPECT_NE(a, nullptr) << algo;
  return a->create(*a, params, task, classes);
}

double uniform(std::mt19937_64& rng, double lo, double hi) {
  return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// Rows of independent U(-2, 2) features.
FeatureMatrix random_features(size_t rows, size_t cols, uint64_t seed) {
  std::mt19937_64 rng(seed);
  FeatureMatrix m;
  for (size_t c = 0; c < cols; ++c) m.names.push_back("f" + std::to_string(c));
  m.rows = rows;
  for (size_t i = 0; i < rows * cols; ++i) m.values.push_back(uniform(rng, -2, 2));
  return m;
}

std::vector<double> labels(const FeatureMatrix& m, const std::function<double(size_t)>& f) {
  std::vector<double> y(m.rows);
  for (size_t r = 0; r < m.rows; ++r) y[r] = f(r);
  return y;
}

// R^2 of scores against y over rows with a finite score.
double r_squared(const std::vector<double>& score, const std::vector<double>& y) {
  double mean = 0, n = 0, ss_res = 0, ss_tot = 0;
  for (size_t i = 0; i < y.size(); ++i)
    if (std::isfinite(score[i])) mean += y[i], n += 1;
  mean /= n;
  for (size_t i = 0; i < y.size(); ++i) {
    if (!std::isfinite(score[i])) continue;
    ss_res += (score[i] - y[i]) * (score[i] - y[i]);
    ss_tot += (y[i] - mean) * (y[i] - mean);
  }
  return 1 - ss_res / ss_tot;
}

// Share of rows with a finite score whose class (binary: score > 0.5) is y.
double accuracy(const std::vector<double>& score, const std::vector<double>& y, Task task) {
  double hits = 0, n = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    if (!std::isfinite(score[i])) continue;
    const double cls = task == Task::kBinary ? (score[i] > 0.5 ? 1.0 : 0.0) : score[i];
    hits += cls == y[i] ? 1 : 0;
    n += 1;
  }
  return hits / n;
}

struct Fitted {
  std::unique_ptr<Model> model;
  std::vector<double> test_score;
  std::vector<double> test_label;
};

// Trains on 1000 rows (800 train + 200 validation) and scores 400 test rows;
// `label` maps (features, row) to the label.
Fitted train(const std::string& algo, const json& params, Task task, size_t classes, size_t cols,
             const std::function<double(const FeatureMatrix&, size_t)>& label) {
  FeatureMatrix all = random_features(1400, cols, 7);
  auto slice = [&](size_t from, size_t to) {
    FeatureMatrix m;
    m.names = all.names;
    m.rows = to - from;
    m.values.assign(all.values.begin() + from * cols, all.values.begin() + to * cols);
    return m;
  };
  FeatureMatrix train_x = slice(0, 800), val_x = slice(800, 1000), test_x = slice(1000, 1400);
  auto y_of = [&](const FeatureMatrix& m) {
    return labels(m, [&](size_t r) { return label(m, r); });
  };
  std::vector<double> val_y = y_of(val_x);
  TrainingData data;
  data.features = train_x;
  data.label = y_of(train_x);
  data.validation = &val_x;
  data.validation_label = &val_y;
  data.task = task;
  data.classes = classes;
  Fitted f{make(algo, params, task, classes), {}, y_of(test_x)};
  Status s = f.model->fit(data);
  EXPECT_TRUE(s.is_ok()) << s.to_string();
  auto score = f.model->predict(test_x);
  EXPECT_TRUE(score.is_ok()) << score.status().to_string();
  if (score) f.test_score = *score;
  return f;
}

const json kSmallMlp = {{"hidden_size", 32},     {"epochs", 40},   {"batch_size", 32},
                        {"learning_rate", 0.01}, {"dropout", 0.0}, {"early_stopping_patience", 0}};

TEST(TorchModels, MlpLearnsNonlinearRegression) {
  // y = sin(f0) * f1 + 0.5 f2^2: no linear part, so a linear fit has R^2 ~ 0.
  auto f = train("mlp", kSmallMlp, Task::kRegression, 2, 3, [](const FeatureMatrix& m, size_t r) {
    return std::sin(m.at(r, 0)) * m.at(r, 1) + 0.5 * m.at(r, 2) * m.at(r, 2);
  });
  const double r2 = r_squared(f.test_score, f.test_label);
  RecordProperty("test_r2", std::to_string(r2));
  EXPECT_GT(r2, 0.85);
}

TEST(TorchModels, MlpLearnsXorAndRings) {
  // Binary XOR of signs (linear accuracy ~0.5) and multiclass rings by radius.
  auto xor_fit = train("mlp", kSmallMlp, Task::kBinary, 2, 2, [](const FeatureMatrix& m, size_t r) {
    return m.at(r, 0) * m.at(r, 1) > 0 ? 1.0 : 0.0;
  });
  const double xor_accuracy = accuracy(xor_fit.test_score, xor_fit.test_label, Task::kBinary);
  RecordProperty("xor_accuracy", std::to_string(xor_accuracy));
  EXPECT_GT(xor_accuracy, 0.9);
  auto rings =
      train("mlp", kSmallMlp, Task::kMulticlass, 3, 2, [](const FeatureMatrix& m, size_t r) {
        const double radius = std::hypot(m.at(r, 0), m.at(r, 1));
        return radius < 1.0 ? 0.0 : radius < 1.8 ? 1.0 : 2.0;
      });
  const double rings_accuracy = accuracy(rings.test_score, rings.test_label, Task::kMulticlass);
  RecordProperty("rings_accuracy", std::to_string(rings_accuracy));
  EXPECT_GT(rings_accuracy, 0.85);
}

// Label of row r: the sign of feature 0 three rows back. The current row
// says nothing about it (rows are independent), so a window-less model
// scores ~0.5.
double lagged_sign(const FeatureMatrix& m, size_t r) {
  return r >= 3 && m.at(r - 3, 0) > 0 ? 1.0 : 0.0;
}

TEST(TorchModels, LstmLearnsALaggedLabel) {
  const json params = {{"window", 5},      {"hidden_size", 16},     {"epochs", 12},
                       {"batch_size", 32}, {"learning_rate", 0.01}, {"dropout", 0.0}};
  auto f = train("lstm", params, Task::kBinary, 2, 2, lagged_sign);
  const double lstm_accuracy = accuracy(f.test_score, f.test_label, Task::kBinary);
  RecordProperty("lstm_accuracy", std::to_string(lstm_accuracy));
  EXPECT_GT(lstm_accuracy, 0.85);
  auto flat = train("mlp", kSmallMlp, Task::kBinary, 2, 2, lagged_sign);
  const double flat_accuracy = accuracy(flat.test_score, flat.test_label, Task::kBinary);
  RecordProperty("windowless_mlp_accuracy", std::to_string(flat_accuracy));
  EXPECT_LT(flat_accuracy, 0.65);
}

TEST(TorchModels, TransformerLearnsALaggedValue) {
  // y = f0 two rows back (regression).
  const json params = {{"window", 4},      {"d_model", 16},          {"heads", 2},
                       {"layers", 1},      {"hidden_size", 32},      {"epochs", 12},
                       {"batch_size", 32}, {"learning_rate", 0.005}, {"dropout", 0.0}};
  auto f = train("transformer", params, Task::kRegression, 2, 2,
                 [](const FeatureMatrix& m, size_t r) { return r >= 2 ? m.at(r - 2, 0) : 0.0; });
  const double r2 = r_squared(f.test_score, f.test_label);
  RecordProperty("test_r2", std::to_string(r2));
  EXPECT_GT(r2, 0.8);
}

// A short series of consecutive bars for the window and persistence tests.
struct Series {
  FeatureMatrix x;
  std::vector<double> y;
};

Series series(size_t rows, uint64_t seed = 11) {
  Series s{random_features(rows, 2, seed), {}};
  s.y = labels(s.x, [&](size_t r) { return lagged_sign(s.x, r); });
  return s;
}

const json kTinyLstm = {{"window", 4}, {"hidden_size", 8}, {"epochs", 3}, {"batch_size", 16}};
const json kTinyTransformer = {{"window", 4},      {"d_model", 8},      {"heads", 2},
                               {"layers", 1},      {"hidden_size", 16}, {"epochs", 3},
                               {"batch_size", 16}, {"dropout", 0.2}};
const json kTinyMlp = {{"hidden_size", 8}, {"epochs", 3}, {"batch_size", 16}, {"dropout", 0.2}};

std::unique_ptr<Model> fit_tiny(const std::string& algo, const json& params, const Series& s,
                                uint64_t seed = 42, Task task = Task::kBinary) {
  auto model = make(algo, params, task);
  TrainingData d;
  d.features = s.x;
  d.label = s.y;
  d.task = task;
  d.seed = seed;
  Status st = model->fit(d);
  EXPECT_TRUE(st.is_ok()) << algo << ": " << st.to_string();
  return model;
}

bool bitwise_equal(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

TEST(TorchModels, RowsWithoutAFullWindowScoreNaN) {
  Series s = series(120);
  json windowed_mlp = kTinyMlp;
  windowed_mlp["window"] = 4;  // the last 4 rows, flattened
  for (const auto& [algo, params] :
       {std::pair{"lstm", kTinyLstm}, std::pair{"mlp", windowed_mlp}}) {
    auto model = fit_tiny(algo, params, s);
    Series fresh = series(10, 99);
    auto score = model->predict(fresh.x);
    ASSERT_TRUE(score.is_ok()) << score.status().to_string();
    ASSERT_EQ(score->size(), 10u);
    for (size_t r = 0; r < 10; ++r) {
      if (r < 3)
        EXPECT_TRUE(std::isnan((*score)[r])) << algo << " " << r;
      else
        EXPECT_TRUE((*score)[r] >= 0 && (*score)[r] <= 1) << algo << " " << r;
    }
    auto proba = model->predict_proba(fresh.x);
    ASSERT_TRUE(proba.is_ok());
    ASSERT_EQ(proba->size(), 20u);
    EXPECT_TRUE(std::isnan((*proba)[0]) && std::isnan((*proba)[5]));
    EXPECT_NEAR((*proba)[6] + (*proba)[7], 1.0, 1e-6);
    EXPECT_DOUBLE_EQ((*proba)[7], (*score)[3]);
    // A row's score depends only on its window: scoring a suffix that still
    // holds the full window gives the same value for the last row.
    FeatureMatrix tail = fresh.x;
    tail.rows = 4;
    tail.values.erase(tail.values.begin(), tail.values.begin() + 6 * 2);
    auto tail_score = model->predict(tail);
    ASSERT_TRUE(tail_score.is_ok());
    EXPECT_NEAR((*tail_score)[3], (*score)[9], 1e-6) << algo;
    // Fewer rows than the window: every score is NaN.
    Series few = series(3, 5);
    auto none = model->predict(few.x);
    ASSERT_TRUE(none.is_ok());
    for (double v : *none) EXPECT_TRUE(std::isnan(v));
  }
}

TEST(TorchModels, SameSeedSamePredictionsBitwise) {
  Series s = series(120);
  for (const auto& [algo, params] : {std::pair{"mlp", kTinyMlp}, std::pair{"lstm", kTinyLstm},
                                     std::pair{"transformer", kTinyTransformer}}) {
    auto a = fit_tiny(algo, params, s, 42)->predict(s.x);
    auto b = fit_tiny(algo, params, s, 42)->predict(s.x);
    auto c = fit_tiny(algo, params, s, 43)->predict(s.x);
    ASSERT_TRUE(a.is_ok() && b.is_ok() && c.is_ok()) << algo;
    EXPECT_TRUE(bitwise_equal(*a, *b)) << algo;
    EXPECT_FALSE(bitwise_equal(*a, *c)) << algo << ": another seed should give other weights";
  }
}

std::string temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("nocode_torch_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

TEST(TorchModels, SaveLoadRoundTripIsBitwise) {
  Series s = series(120);
  for (const auto& [algo, params] : {std::pair{"mlp", kTinyMlp}, std::pair{"lstm", kTinyLstm},
                                     std::pair{"transformer", kTinyTransformer}}) {
    auto model = fit_tiny(algo, params, s);
    const std::string dir = temp_dir(algo);
    auto files = model->save(dir);
    ASSERT_TRUE(files.is_ok()) << files.status().to_string();
    EXPECT_EQ(*files, std::vector<std::string>{"model.pt"});
    EXPECT_TRUE(std::filesystem::exists(dir + "/model.pt"));
    auto loaded = make(algo, params, Task::kBinary);
    Status st = loaded->load(dir);
    ASSERT_TRUE(st.is_ok()) << st.to_string();
    auto before = model->predict_proba(s.x), after = loaded->predict_proba(s.x);
    ASSERT_TRUE(before.is_ok() && after.is_ok()) << algo;
    EXPECT_TRUE(bitwise_equal(*before, *after)) << algo;
    // Another algorithm or task refuses the artifact, naming what it holds.
    auto other = make(algo == std::string("mlp") ? "lstm" : "mlp", {}, Task::kBinary);
    Status wrong = other->load(dir);
    EXPECT_FALSE(wrong.is_ok());
    EXPECT_NE(wrong.message().find(std::string("holds a ") + algo), std::string::npos)
        << wrong.message();
    EXPECT_FALSE(make(algo, params, Task::kRegression)->load(dir).is_ok());
    std::filesystem::remove_all(dir);
  }
  EXPECT_FALSE(make("mlp", {}, Task::kBinary)->load("/nonexistent/nocode").is_ok());
}

TEST(TorchModels, EarlyStoppingKeepsTheBestEpoch) {
  Series train = series(300, 1), val = series(100, 2);
  std::vector<TrainingProgress> seen;
  TrainingData d;
  d.features = train.x;
  d.label = train.y;
  d.validation = &val.x;
  d.validation_label = &val.y;
  d.task = Task::kRegression;  // MSE: the test recomputes it from predictions
  d.progress = [&](const TrainingProgress& p) { seen.push_back(p); };
  auto model = make("mlp",
                    {{"hidden_size", 64},
                     {"epochs", 300},
                     {"learning_rate", 0.05},
                     {"early_stopping_patience", 3},
                     {"dropout", 0.0}},
                    Task::kRegression);
  ASSERT_TRUE(model->fit(d).is_ok());
  ASSERT_FALSE(seen.empty());
  RecordProperty("epochs_run", std::to_string(seen.size()));
  EXPECT_LT(seen.size(), 300u) << "the noise label should stop training early";
  double best = INFINITY;
  for (size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].step, i + 1);
    EXPECT_EQ(seen[i].total, 300u);
    EXPECT_TRUE(std::isfinite(seen[i].train_loss) && std::isfinite(seen[i].validation_loss));
    best = std::min(best, seen[i].validation_loss);
  }
  EXPECT_EQ(seen.back().validation_loss > best, true) << "stopped after non-improving epochs";
  auto score = model->predict(val.x);
  ASSERT_TRUE(score.is_ok());
  double mse = 0;
  for (size_t r = 0; r < val.y.size(); ++r)
    mse += ((*score)[r] - val.y[r]) * ((*score)[r] - val.y[r]);
  mse /= static_cast<double>(val.y.size());
  EXPECT_NEAR(mse, best, 1e-5 * best) << "the kept weights are the best epoch's";
}

Status fit_status(const std::string& algo, const json& params, const Series& s,
                  Task task = Task::kBinary, size_t classes = 2) {
  auto model = make(algo, params, task, classes);
  TrainingData d;
  d.features = s.x;
  d.label = s.y;
  d.task = task;
  d.classes = classes;
  return model->fit(d);
}

void expect_error(const Status& s, const std::string& fragment) {
  EXPECT_FALSE(s.is_ok()) << fragment;
  EXPECT_NE(s.message().find(fragment), std::string::npos) << s.message();
}

TEST(TorchModels, BadHyperparametersAreClearErrors) {
  Series s = series(50);
  expect_error(fit_status("transformer", {{"d_model", 30}, {"heads", 4}}, s),
               "'d_model' (30) must be a multiple of 'heads' (4)");
  expect_error(fit_status("mlp", {{"epochs", 0}}, s), "'epochs': expected a value in [1,");
  expect_error(fit_status("mlp", {{"epochs", 2.5}}, s), "'epochs': expected an integer");
  expect_error(fit_status("lstm", {{"learning_rate", "fast"}}, s),
               "'learning_rate': expected a number");
  expect_error(fit_status("lstm", {{"hiden_size", 8}}, s), "did you mean 'hidden_size'");
  expect_error(fit_status("mlp", {{"heads", 2}}, s), "unknown hyperparameter 'heads'");
  expect_error(fit_status("lstm", {{"window", 60}}, s), "50 training rows; window 60");
}

TEST(TorchModels, BadDataAreClearErrors) {
  Series s = series(50);
  s.x.values[7 * 2 + 1] = NAN;
  expect_error(fit_status("mlp", kTinyMlp, s), "feature 'f1' is NaN at row 7");
  s = series(50);
  s.y[4] = 2;
  expect_error(fit_status("mlp", kTinyMlp, s), "label at row 4 is 2, expected 0 or 1");
  expect_error(fit_status("mlp", kTinyMlp, s, Task::kMulticlass, 2), "integer class in [0, 2)");
  s = series(50);
  auto model = fit_tiny("mlp", kTinyMlp, s);
  s.x.names[1] = "rsi";
  expect_error(model->predict(s.x).status(), "got 'rsi', expected 'f1'");
  s = series(50);
  auto weighted = make("mlp", kTinyMlp, Task::kBinary);
  TrainingData d;
  d.features = s.x;
  d.label = s.y;
  d.sample_weight.assign(49, 1.0);
  expect_error(weighted->fit(d), "49 weights for 50 rows");
  d.sample_weight.assign(50, 0.0);
  expect_error(weighted->fit(d), "every training window has sample weight 0");
  d.sample_weight[3] = -1;
  expect_error(weighted->fit(d), "weight at row 3 is -1");
  expect_error(make("mlp", kTinyMlp, Task::kBinary)->predict(s.x).status(), "before fit");
}

TEST(TorchModels, RegistryResolvesAndCreates) {
  auto model =
      registry().create("transformer", {{"d_model", 8}, {"heads", 2}}, Task::kMulticlass, 3);
  ASSERT_TRUE(model.is_ok()) << model.status().to_string();
  auto bad = registry().create("lstm", {{"epochs", -1}}, Task::kBinary);
  EXPECT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("epochs"), std::string::npos);
}

TEST(TorchModels, DeclaredParameters) {
  for (const char* name : {"mlp", "lstm", "transformer"}) {
    const ModelAlgorithm& a = *registry().find(name);
    auto has = [&](const std::string& name) {
      for (const auto& p : a.params)
        if (p.name == name) return true;
      return false;
    };
    for (const char* name :
         {"window", "epochs", "batch_size", "learning_rate", "weight_decay", "dropout",
          "early_stopping_patience", "threads", "hidden_size", "layers"})
      EXPECT_TRUE(has(name)) << a.name << " " << name;
    EXPECT_EQ(has("heads"), a.name == "transformer") << a.name;
    EXPECT_EQ(a.sequence, a.name != "mlp");
    EXPECT_EQ(a.tasks.size(), 3u);
  }
}

}  // namespace
}  // namespace nocode::ml
