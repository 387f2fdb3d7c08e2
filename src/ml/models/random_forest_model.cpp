// `random_forest`: XGBoost's random-forest mode, as XGBoost's documentation
// describes it: one boosting round growing `n_estimators` parallel trees
// (num_parallel_tree), learning rate 1, rows and features sampled per tree /
// per split (subsample < 1, colsample_bynode < 1), a tiny L2 penalty.
// The model itself is the shared XGBoost model (src/ml/models/xgboost_model.cpp).
#include <limits>

#include "ml/models/xgboost_model.h"

namespace nocode::ml {

namespace {

std::unique_ptr<Model> create_random_forest(const ModelAlgorithm& algorithm,
                                            const nlohmann::json& hp, Task task, size_t classes) {
  XGBoostSettings s;
  s.rounds = 1;
  s.nthread = hp.at("nthread").get<int>();
  s.params = {{"num_parallel_tree", xgboost_param_text(hp.at("n_estimators"))},
              {"eta", "1"},
              {"max_depth", xgboost_param_text(hp.at("max_depth"))},
              {"min_child_weight", xgboost_param_text(hp.at("min_child_weight"))},
              {"subsample", xgboost_param_text(hp.at("subsample"))},
              {"colsample_bynode", xgboost_param_text(hp.at("colsample_bynode"))},
              {"lambda", xgboost_param_text(hp.at("reg_lambda"))},
              {"tree_method", xgboost_param_text(hp.at("tree_method"))},
              {"max_bin", xgboost_param_text(hp.at("max_bin"))}};
  return make_xgboost_model(algorithm.name, std::move(s), task, classes);
}

}  // namespace

ModelAlgorithm random_forest_algorithm() {
  using K = ModelParam::Kind;
  const double inf = std::numeric_limits<double>::infinity();
  ModelAlgorithm a;
  a.name = "random_forest";
  a.title = "Random forest";
  a.description =
      "A random forest grown by XGBoost's random-forest mode: one round of `n_estimators` "
      "parallel trees, each on a row sample, choosing among a feature sample at every split. "
      "NaN features are missing values. No early stopping (there is one round).";
  a.tasks = {Task::kBinary, Task::kMulticlass, Task::kRegression};
  a.create = &create_random_forest;
  a.params = {
      {"n_estimators",
       K::kInteger,
       100,
       1,
       100000,
       {},
       "Trees in the forest (`num_parallel_tree`)."},
      {"max_depth", K::kInteger, 6, 1, 64, {}, "Maximum depth of a tree."},
      {"min_child_weight", K::kNumber, 1, 0, inf, {}, "Minimum hessian sum in a leaf."},
      {"subsample", K::kNumber, 0.8, 0, 1, {}, "Fraction of rows sampled per tree.", true},
      {"colsample_bynode",
       K::kNumber,
       0.8,
       0,
       1,
       {},
       "Fraction of features sampled per split.",
       true},
      {"reg_lambda", K::kNumber, 1e-5, 0, inf, {}, "L2 penalty on leaf weights (`lambda`)."},
      {"tree_method", K::kText, "hist", 0, 0, {"hist", "approx", "exact"}, "Split finding."},
      {"max_bin", K::kInteger, 256, 2, 65536, {}, "Histogram bins per feature (hist/approx)."},
      {"nthread", K::kInteger, 0, 0, 1024, {}, "Threads (0 = all cores)."},
  };
  return a;
}

}  // namespace nocode::ml
