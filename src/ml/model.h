// The interface every learning algorithm implements, its declared
// hyperparameters, and the registry of algorithms by name (the workflow's
// `model` node looks its `algorithm` up here).
//
// An algorithm is one file plus one line in builtin_models()'s table
// (src/ml/model_registry.cpp); it then appears in validation, the node
// catalogue (`nocode nodes`), `nocode models list`, and docs/models.md.
//
// Thread-safety: the registry is immutable after first use and safe to read
// from any thread; a Model instance is used by one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nocode::ml {

// Row-major design matrix: rows x names.size() values, NaN = missing.
struct FeatureMatrix {
  std::vector<std::string> names;
  std::vector<double> values;
  size_t rows = 0;
  size_t cols() const { return names.size(); }
  double at(size_t row, size_t col) const { return values[row * names.size() + col]; }
};

enum class Task {
  kRegression,  // label: any real number; score: the prediction
  kBinary,      // label: 0/1; score: P(label = 1)
  kMulticlass,  // label: 0..classes-1; score: the most probable class
};
std::string_view task_name(Task task);  // "regression", "binary", "multiclass"

// One line of training progress (a boosting round or an epoch).
struct TrainingProgress {
  size_t step = 0;          // 1-based round / epoch
  size_t total = 0;         // planned rounds / epochs
  double train_loss = 0;    // NaN when not computed
  double validation_loss = 0;  // NaN without a validation set
};

struct TrainingData {
  FeatureMatrix features;
  std::vector<double> label;
  std::vector<double> sample_weight;          // empty = all 1
  const FeatureMatrix* validation = nullptr;  // optional early-stopping set
  const std::vector<double>* validation_label = nullptr;
  Task task = Task::kBinary;
  size_t classes = 2;  // kMulticlass: number of classes
  uint64_t seed = 42;  // every random choice derives from it
  std::function<void(const TrainingProgress&)> progress;  // may be empty
  // Sequence models (lstm, transformer): rows are consecutive bars in time
  // order, so a window of the previous `window` rows can be formed; a row
  // without a full window gets NaN as its score.
};

// A hyperparameter declared once: validation, the catalogue and docs come from it.
struct ModelParam {
  enum class Kind { kInteger, kNumber, kText, kFlag };
  std::string name;
  Kind kind = Kind::kNumber;
  nlohmann::json default_value;
  double min = 0, max = 0;             // kInteger/kNumber: inclusive range
  std::vector<std::string> choices;    // kText: allowed values (empty = any)
  std::string description;
  bool min_exclusive = false;          // the range is (min, max] instead of [min, max]
};
std::string_view param_kind_name(ModelParam::Kind kind);  // "integer", "number", "text", "flag"
// "integer in [1, 100000]", "number in (0, 1]", "one of 'hist' or 'approx'", "true or false"
std::string param_domain(const ModelParam& param);

class Model {
 public:
  virtual ~Model() = default;
  virtual Status fit(const TrainingData& data) = 0;
  // One score per row of `features` (columns in the order of fit; see Task).
  virtual Result<std::vector<double>> predict(const FeatureMatrix& features) const = 0;
  // Class probabilities, rows x classes row-major (classification only).
  virtual Result<std::vector<double>> predict_proba(const FeatureMatrix& features) const = 0;
  // Writes the native model file(s) into the existing directory `dir` and
  // returns their names (e.g. {"model.json"}); metadata.json is the caller's.
  virtual Result<std::vector<std::string>> save(const std::string& dir) const = 0;
  // Reads what save() wrote.
  virtual Status load(const std::string& dir) = 0;
  // Importance per feature name (algorithm-defined, e.g. gain); may be empty.
  virtual std::vector<std::pair<std::string, double>> feature_importance() const = 0;
  // Library versions this model depends on, e.g. {"xgboost": "1.7.4"}.
  virtual nlohmann::json library_versions() const = 0;
};

struct ModelAlgorithm;
// `hyperparameters` are already validated and complete (defaults filled).
using ModelFactory = std::unique_ptr<Model> (*)(const ModelAlgorithm& algorithm,
                                                 const nlohmann::json& hyperparameters,
                                                 Task task, size_t classes);

struct ModelAlgorithm {
  std::string name;  // editor value of `algorithm`, e.g. "xgboost"
  std::string title;
  std::string description;      // Markdown, 1-3 sentences
  std::vector<ModelParam> params;
  std::vector<Task> tasks;      // what it can learn
  bool sequence = false;        // uses a window of past rows (lstm, transformer)
  ModelFactory create = nullptr;

  // Checks `hyperparameters` (object; unknown keys are errors with the
  // nearest name; types and ranges) and fills defaults.
  Result<nlohmann::json> resolve(const nlohmann::json& hyperparameters) const;
};

class ModelRegistry {
 public:
  Status add(ModelAlgorithm algorithm);
  const ModelAlgorithm* find(std::string_view name) const;  // case-insensitive
  // Unknown name: an error listing the available algorithms / nearest name.
  Result<const ModelAlgorithm*> lookup(std::string_view name) const;
  const std::vector<ModelAlgorithm>& all() const { return algorithms_; }
  // resolve() + create(); errors name the algorithm and the parameter.
  Result<std::unique_ptr<Model>> create(std::string_view name, const nlohmann::json& hyperparameters,
                                        Task task, size_t classes = 2) const;

 private:
  std::vector<ModelAlgorithm> algorithms_;
};

// Every built-in algorithm (one table, src/ml/model_registry.cpp).
const ModelRegistry& builtin_models();

// The catalogue, generated from a registry: JSON (for `nocode models list
// --json` and the API) and the Markdown between the generated markers of
// docs/models.md (tests/ml/model_registry_test.cpp keeps the file current).
nlohmann::json algorithm_json(const ModelAlgorithm& algorithm);
nlohmann::json models_catalogue_json(const ModelRegistry& registry);
std::string models_catalogue_markdown(const ModelRegistry& registry);

}  // namespace nocode::ml
