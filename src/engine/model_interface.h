// The interface a learning algorithm implements so the workflow's `model`
// node can train and use it, and the registry of algorithms by name.
//
// Training is a later issue: the built-in registry is EMPTY, so a `model`
// step fails with "model algorithm 'xgboost' is not available yet" (and the
// `signal` steps after it cannot run). An implementation registers one
// factory under its editor name ("xgboost", "random_forest", ...) in
// builtin_models() (model_interface.cpp, one table).
//
// Thread-safety: the registry is immutable after first use and safe to read
// from any thread; a Model instance is used by one thread at a time.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nocode::engine {

// Row-major design matrix: rows x names.size() values, NaN = missing.
struct FeatureMatrix {
  std::vector<std::string> names;
  std::vector<double> values;
  size_t rows = 0;
  double at(size_t row, size_t col) const { return values[row * names.size() + col]; }
};

struct TrainingData {
  FeatureMatrix features;
  std::vector<double> label;
  std::vector<double> sample_weight;          // empty = all 1
  const FeatureMatrix* validation = nullptr;  // optional early-stopping set
  const std::vector<double>* validation_label = nullptr;
};

class Model {
 public:
  virtual ~Model() = default;
  virtual Status fit(const TrainingData& data) = 0;
  // One score per row of `features` (same column order as in fit).
  virtual Result<std::vector<double>> predict(const FeatureMatrix& features) const = 0;
  // {"name": algorithm, "params": {...}, ...}: enough for load() to rebuild it.
  virtual Result<nlohmann::json> save() const = 0;
  virtual Status load(const nlohmann::json& saved) = 0;
  // Importance per feature name (algorithm-defined; e.g. gain); may be empty.
  virtual std::vector<std::pair<std::string, double>> feature_importance() const = 0;
};

using ModelFactory = std::unique_ptr<Model> (*)(const nlohmann::json& hyperparameters);

struct ModelAlgorithm {
  std::string name;  // editor value of `algorithm`, e.g. "xgboost"
  std::string title;
  ModelFactory create = nullptr;
};

class ModelRegistry {
 public:
  Status add(ModelAlgorithm algorithm);
  const ModelAlgorithm* find(std::string_view name) const;  // case-insensitive
  // An unknown or not yet implemented name is an error saying so and listing
  // the available algorithms.
  Result<const ModelAlgorithm*> lookup(std::string_view name) const;
  const std::vector<ModelAlgorithm>& all() const { return algorithms_; }

 private:
  std::vector<ModelAlgorithm> algorithms_;
};

// Every built-in algorithm (none yet).
const ModelRegistry& builtin_models();

}  // namespace nocode::engine
