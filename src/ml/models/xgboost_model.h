// Gradient-boosted trees (`xgboost`) and random forests (`random_forest`)
// through XGBoost's C API: their declarations for the registry, and the
// shared model both create (one C-API wrapper, src/ml/models/xgboost_api.h).
//
// Thread-safety: a model instance is used by one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ml/model.h"

namespace nocode::ml {

ModelAlgorithm xgboost_algorithm();        // src/ml/models/xgboost_model.cpp
ModelAlgorithm random_forest_algorithm();  // src/ml/models/random_forest_model.cpp

// What an algorithm's resolved hyperparameters become for XGBoost.
struct XGBoostSettings {
  // Booster parameters (XGBoost's canonical names, values as text); the
  // model adds objective, num_class, eval_metric and seed.
  std::vector<std::pair<std::string, std::string>> params;
  int rounds = 100;               // boosting rounds
  int early_stopping_rounds = 0;  // 0 = off; needs a validation set
  int nthread = 0;                // 0 = all cores
};

std::unique_ptr<Model> make_xgboost_model(std::string algorithm, XGBoostSettings settings,
                                          Task task, size_t classes);

// Helpers for the declarations: a parameter's value as XGBoost's text.
std::string xgboost_param_text(const nlohmann::json& value);

}  // namespace nocode::ml
