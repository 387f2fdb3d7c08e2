// RAII owners for XGBoost's C API handles (DMatrix, Booster). Every call's
// return code is checked and turned into a Status carrying XGBGetLastError();
// nothing is thrown across the C boundary. Internal to src/ml/models: only
// sources of nocode_core include this header (it includes <xgboost/c_api.h>).
//
// Thread-safety: a handle owner is used by one thread at a time; XGBoost
// parallelizes inside a call with its own OpenMP threads (`nthread`).
#pragma once

#include <xgboost/c_api.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "ml/model.h"

namespace nocode::ml::xgb {

// Ok for rc == 0, else an internal error "`what`: <XGBoost's message>".
Status check(int rc, std::string_view what);
// "1.7.4", from XGBoostVersion().
std::string version();

class DMatrix {
 public:
  DMatrix() = default;
  DMatrix(DMatrix&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  DMatrix& operator=(DMatrix&& other) noexcept;
  DMatrix(const DMatrix&) = delete;
  DMatrix& operator=(const DMatrix&) = delete;
  ~DMatrix();

  // Dense row-major doubles, read in place by XGBoost (which stores them as
  // float32); NaN marks a missing value. `features` may be freed afterwards.
  static Result<DMatrix> dense(const FeatureMatrix& features, int nthread);
  // field: "label" or "weight"; one value per row.
  Status set_float_info(const char* field, const std::vector<double>& values);
  // Names stored into the model (skipped by the caller when XGBoost would reject them).
  Status set_feature_names(const std::vector<std::string>& names);
  DMatrixHandle get() const { return handle_; }

 private:
  DMatrixHandle handle_ = nullptr;
};

struct Prediction {
  std::vector<float> values;    // row-major
  std::vector<uint64_t> shape;  // e.g. {rows} or {rows, classes}
};

class Booster {
 public:
  Booster() = default;
  Booster(Booster&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  Booster& operator=(Booster&& other) noexcept;
  Booster(const Booster&) = delete;
  Booster& operator=(const Booster&) = delete;
  ~Booster();

  // `cache`: matrices used for training/evaluation (may be empty before load()).
  static Result<Booster> create(const std::vector<const DMatrix*>& cache);
  bool empty() const { return handle_ == nullptr; }

  Status set_param(const std::string& name, const std::string& value);
  Status update(int iteration, const DMatrix& train);
  // XGBoost's evaluation line, e.g. "[3]\ttrain-logloss:0.61\tvalid-logloss:0.66".
  Result<std::string> eval(int iteration, const std::vector<const DMatrix*>& sets,
                           const std::vector<std::string>& names);
  // Normal prediction with all trees.
  Result<Prediction> predict(const DMatrix& data) const;
  // A new booster holding trees of rounds [begin, end).
  Result<Booster> slice(int begin, int end) const;
  Result<int> boosted_rounds() const;
  Result<uint64_t> num_features() const;
  Status save(const std::string& path) const;  // JSON when path ends in .json
  Status load(const std::string& path);
  Status set_attr(const std::string& key, const std::string& value);
  // Empty when the attribute is absent.
  Result<std::string> attr(const std::string& key) const;
  // (name, score) for each feature used in a split; `config` is XGBoost's JSON.
  Result<std::vector<std::pair<std::string, double>>> feature_score(
      const std::string& config) const;

 private:
  BoosterHandle handle_ = nullptr;
};

}  // namespace nocode::ml::xgb
