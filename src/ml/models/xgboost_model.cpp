// The XGBoost-backed model (used by `xgboost` and `random_forest`) and the
// `xgboost` declaration. Training: one XGBoosterUpdateOneIter per round,
// evaluation with XGBoosterEvalOneIter when progress or early stopping needs
// it; after early stopping the booster is sliced to the best round, so
// predict(), save() and Python all use exactly the trees up to the best one.
#include "ml/models/xgboost_model.h"

#include <cmath>
#include <limits>
#include <optional>

#include "common/strings.h"
#include "ml/models/training_checks.h"
#include "ml/models/xgboost_api.h"

namespace nocode::ml {

std::string xgboost_param_text(const nlohmann::json& value) {
  if (value.is_boolean()) return value.get<bool>() ? "1" : "0";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  return format_double(value.get<double>());
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr const char* kNamesAttr = "nocode_feature_names";

// The number after "<set>-<metric>:" in an evaluation line; NaN if absent.
double eval_value(const std::string& line, const std::string& set) {
  const size_t at = line.find("\t" + set + "-");
  if (at == std::string::npos) return kNaN;
  const size_t colon = line.find(':', at);
  if (colon == std::string::npos) return kNaN;
  return std::strtod(line.c_str() + colon + 1, nullptr);
}

// XGBoost rejects feature names holding these characters.
bool xgboost_accepts_names(const std::vector<std::string>& names) {
  for (const auto& n : names) {
    if (n.empty() || n.find_first_of("[]<,") != std::string::npos) return false;
  }
  return true;
}

class XGBoostModel final : public Model {
 public:
  XGBoostModel(std::string algorithm, XGBoostSettings settings, Task task, size_t classes)
      : algorithm_(std::move(algorithm)),
        settings_(std::move(settings)),
        task_(task),
        classes_(task == Task::kMulticlass ? classes : (task == Task::kBinary ? 2 : 1)) {}

  Status fit(const TrainingData& data) override;
  Result<std::vector<double>> predict(const FeatureMatrix& features) const override;
  Result<std::vector<double>> predict_proba(const FeatureMatrix& features) const override;
  Result<std::vector<std::string>> save(const std::string& dir) const override;
  Status load(const std::string& dir) override;
  std::vector<std::pair<std::string, double>> feature_importance() const override;
  nlohmann::json library_versions() const override { return {{"xgboost", xgb::version()}}; }

 private:
  Status configure(xgb::Booster& booster, uint64_t seed) const;
  Status boost(xgb::Booster& booster, const xgb::DMatrix& train, const xgb::DMatrix* valid,
               const TrainingData& data);
  Result<std::vector<float>> raw_predict(const FeatureMatrix& features) const;

  std::string algorithm_;
  XGBoostSettings settings_;
  Task task_;
  size_t classes_;
  xgb::Booster booster_;
  std::vector<std::string> names_;
};

Status XGBoostModel::configure(xgb::Booster& booster, uint64_t seed) const {
  switch (task_) {
    case Task::kRegression:
      NOCODE_RETURN_IF_ERROR(booster.set_param("objective", "reg:squarederror"));
      NOCODE_RETURN_IF_ERROR(booster.set_param("eval_metric", "rmse"));
      break;
    case Task::kBinary:
      NOCODE_RETURN_IF_ERROR(booster.set_param("objective", "binary:logistic"));
      NOCODE_RETURN_IF_ERROR(booster.set_param("eval_metric", "logloss"));
      break;
    case Task::kMulticlass:
      NOCODE_RETURN_IF_ERROR(booster.set_param("objective", "multi:softprob"));
      NOCODE_RETURN_IF_ERROR(booster.set_param("num_class", std::to_string(classes_)));
      NOCODE_RETURN_IF_ERROR(booster.set_param("eval_metric", "mlogloss"));
      break;
  }
  // XGBoost's seed is a 32-bit int: fold the 64-bit seed into [0, 2^31).
  const uint64_t folded = (seed ^ (seed >> 31) ^ (seed >> 62)) & 0x7fffffffULL;
  NOCODE_RETURN_IF_ERROR(booster.set_param("seed", std::to_string(folded)));
  NOCODE_RETURN_IF_ERROR(booster.set_param("nthread", std::to_string(settings_.nthread)));
  for (const auto& [k, v] : settings_.params) NOCODE_RETURN_IF_ERROR(booster.set_param(k, v));
  return Status::ok();
}

Status XGBoostModel::boost(xgb::Booster& booster, const xgb::DMatrix& train,
                           const xgb::DMatrix* valid, const TrainingData& data) {
  const bool stopping = valid != nullptr && settings_.early_stopping_rounds > 0;
  const bool evaluate = static_cast<bool>(data.progress) || stopping;
  std::vector<const xgb::DMatrix*> sets;
  std::vector<std::string> set_names;
  if (data.progress) {
    sets.push_back(&train);
    set_names.emplace_back("train");
  }
  if (valid != nullptr) {
    sets.push_back(valid);
    set_names.emplace_back("valid");
  }
  double best = std::numeric_limits<double>::infinity();
  int best_round = -1, round = 0;
  for (; round < settings_.rounds; ++round) {
    NOCODE_RETURN_IF_ERROR(booster.update(round, train));
    if (!evaluate) continue;
    auto line = booster.eval(round, sets, set_names);
    if (!line) return line.status();
    TrainingProgress p{static_cast<size_t>(round + 1), static_cast<size_t>(settings_.rounds),
                       eval_value(*line, "train"), eval_value(*line, "valid")};
    if (data.progress) data.progress(p);
    if (!stopping) continue;
    if (p.validation_loss < best) {
      best = p.validation_loss;
      best_round = round;
    } else if (round - best_round >= settings_.early_stopping_rounds) {
      ++round;
      break;
    }
  }
  if (stopping && best_round >= 0) {
    if (best_round + 1 < round) {
      auto sliced = booster.slice(0, best_round + 1);
      if (!sliced) return sliced.status();
      booster = std::move(*sliced);
    }
    NOCODE_RETURN_IF_ERROR(booster.set_attr("best_iteration", std::to_string(best_round)));
    NOCODE_RETURN_IF_ERROR(booster.set_attr("best_score", format_double(best)));
  }
  return Status::ok();
}

Status XGBoostModel::fit(const TrainingData& data) {
  NOCODE_RETURN_IF_ERROR(check_training_data(data, task_, classes_));
  auto train = xgb::DMatrix::dense(data.features, settings_.nthread);
  if (!train) return train.status();
  NOCODE_RETURN_IF_ERROR(train->set_float_info("label", data.label));
  if (!data.sample_weight.empty())
    NOCODE_RETURN_IF_ERROR(train->set_float_info("weight", data.sample_weight));
  if (xgboost_accepts_names(data.features.names))
    NOCODE_RETURN_IF_ERROR(train->set_feature_names(data.features.names));
  std::optional<xgb::DMatrix> valid;
  if (data.validation != nullptr) {
    auto v = xgb::DMatrix::dense(*data.validation, settings_.nthread);
    if (!v) return v.status();
    NOCODE_RETURN_IF_ERROR(v->set_float_info("label", *data.validation_label));
    if (xgboost_accepts_names(data.features.names))
      NOCODE_RETURN_IF_ERROR(v->set_feature_names(data.features.names));
    valid = std::move(*v);
  }
  std::vector<const xgb::DMatrix*> cache{&*train};
  if (valid) cache.push_back(&*valid);
  auto booster = xgb::Booster::create(cache);
  if (!booster) return booster.status();
  NOCODE_RETURN_IF_ERROR(configure(*booster, data.seed));
  NOCODE_RETURN_IF_ERROR(boost(*booster, *train, valid ? &*valid : nullptr, data));
  NOCODE_RETURN_IF_ERROR(booster->set_attr(kNamesAttr, nlohmann::json(data.features.names).dump()));
  booster_ = std::move(*booster);
  names_ = data.features.names;
  return Status::ok();
}

Result<std::vector<float>> XGBoostModel::raw_predict(const FeatureMatrix& features) const {
  if (booster_.empty()) return Status::invalid_argument("model '" + algorithm_ + "' is not fitted");
  NOCODE_RETURN_IF_ERROR(check_matrix(features, "features"));
  NOCODE_RETURN_IF_ERROR(check_columns(features, names_));
  if (features.rows == 0) return std::vector<float>();
  auto m = xgb::DMatrix::dense(features, settings_.nthread);
  if (!m) return m.status();
  auto p = booster_.predict(*m);
  if (!p) return p.status();
  if (p->values.size() != features.rows * (task_ == Task::kMulticlass ? classes_ : 1))
    return Status::internal("XGBoost returned " + std::to_string(p->values.size()) +
                            " predictions for " + std::to_string(features.rows) + " rows");
  return std::move(p->values);
}

Result<std::vector<double>> XGBoostModel::predict(const FeatureMatrix& features) const {
  auto raw = raw_predict(features);
  if (!raw) return raw.status();
  if (task_ != Task::kMulticlass) return std::vector<double>(raw->begin(), raw->end());
  std::vector<double> out(features.rows);
  for (size_t r = 0; r < features.rows; ++r) {
    size_t best = 0;
    for (size_t k = 1; k < classes_; ++k) {
      if ((*raw)[r * classes_ + k] > (*raw)[r * classes_ + best]) best = k;
    }
    out[r] = static_cast<double>(best);
  }
  return out;
}

Result<std::vector<double>> XGBoostModel::predict_proba(const FeatureMatrix& features) const {
  if (task_ == Task::kRegression)
    return Status::invalid_argument("model '" + algorithm_ +
                                    "': class probabilities need a classification task");
  auto raw = raw_predict(features);
  if (!raw) return raw.status();
  if (task_ == Task::kMulticlass) return std::vector<double>(raw->begin(), raw->end());
  std::vector<double> out(features.rows * 2);
  for (size_t r = 0; r < features.rows; ++r) {
    out[2 * r] = 1.0 - static_cast<double>((*raw)[r]);
    out[2 * r + 1] = (*raw)[r];
  }
  return out;
}

Result<std::vector<std::string>> XGBoostModel::save(const std::string& dir) const {
  if (booster_.empty()) return Status::invalid_argument("model '" + algorithm_ + "' is not fitted");
  NOCODE_RETURN_IF_ERROR(booster_.save(dir + "/model.json"));
  return std::vector<std::string>{"model.json"};
}

Status XGBoostModel::load(const std::string& dir) {
  auto booster = xgb::Booster::create({});
  if (!booster) return booster.status();
  NOCODE_RETURN_IF_ERROR(booster->load(dir + "/model.json"));
  auto names = booster->attr(kNamesAttr);
  if (!names) return names.status();
  auto count = booster->num_features();
  if (!count) return count.status();
  std::vector<std::string> parsed(*count);
  if (!names->empty()) {
    auto j = nlohmann::json::parse(*names, nullptr, false);
    if (!j.is_array() || j.size() != *count)
      return Status::parse_error(dir + "/model.json: attribute " + kNamesAttr +
                                 " does not list the model's " + std::to_string(*count) +
                                 " features");
    for (size_t i = 0; i < j.size(); ++i)
      parsed[i] = j[i].is_string() ? j[i].get<std::string>() : "";
  }
  // Prediction threads come from the settings, not from the file.
  NOCODE_RETURN_IF_ERROR(booster->set_param("nthread", std::to_string(settings_.nthread)));
  booster_ = std::move(*booster);
  names_ = std::move(parsed);
  return Status::ok();
}

std::vector<std::pair<std::string, double>> XGBoostModel::feature_importance() const {
  std::vector<std::pair<std::string, double>> out;
  if (booster_.empty()) return out;
  std::vector<std::string> keys(names_.size());
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = "f" + std::to_string(i);
  nlohmann::json config = {{"importance_type", "gain"}, {"feature_names", keys}};
  auto scores = booster_.feature_score(config.dump());
  for (size_t i = 0; i < names_.size(); ++i) out.emplace_back(names_[i], 0.0);
  if (!scores) return out;
  for (const auto& [key, score] : *scores) {
    const size_t i = std::strtoul(key.c_str() + 1, nullptr, 10);
    if (key.size() > 1 && key[0] == 'f' && i < out.size()) out[i].second = score;
  }
  return out;
}

// Resolved `xgboost` hyperparameters -> settings.
std::unique_ptr<Model> create_xgboost(const ModelAlgorithm& algorithm, const nlohmann::json& hp,
                                      Task task, size_t classes) {
  XGBoostSettings s;
  s.rounds = hp.at("n_estimators").get<int>();
  s.early_stopping_rounds = hp.at("early_stopping_rounds").get<int>();
  s.nthread = hp.at("nthread").get<int>();
  static const std::vector<std::pair<const char*, const char*>> kNames = {
      {"learning_rate", "eta"},
      {"max_depth", "max_depth"},
      {"min_child_weight", "min_child_weight"},
      {"subsample", "subsample"},
      {"colsample_bytree", "colsample_bytree"},
      {"colsample_bylevel", "colsample_bylevel"},
      {"colsample_bynode", "colsample_bynode"},
      {"reg_lambda", "lambda"},
      {"reg_alpha", "alpha"},
      {"gamma", "gamma"},
      {"max_delta_step", "max_delta_step"},
      {"scale_pos_weight", "scale_pos_weight"},
      {"tree_method", "tree_method"},
      {"max_bin", "max_bin"},
      {"grow_policy", "grow_policy"},
      {"max_leaves", "max_leaves"}};
  for (const auto& [ours, theirs] : kNames)
    s.params.emplace_back(theirs, xgboost_param_text(hp.at(ours)));
  return make_xgboost_model(algorithm.name, std::move(s), task, classes);
}

}  // namespace

std::unique_ptr<Model> make_xgboost_model(std::string algorithm, XGBoostSettings settings,
                                          Task task, size_t classes) {
  return std::make_unique<XGBoostModel>(std::move(algorithm), std::move(settings), task, classes);
}

ModelAlgorithm xgboost_algorithm() {
  using K = ModelParam::Kind;
  const double inf = std::numeric_limits<double>::infinity();
  ModelAlgorithm a;
  a.name = "xgboost";
  a.title = "XGBoost (gradient-boosted trees)";
  a.description =
      "Gradient-boosted decision trees through XGBoost's C API (`hist` tree method by default). "
      "NaN features are missing values that XGBoost routes natively. Early stopping on the "
      "validation set keeps the trees up to the best round.";
  a.tasks = {Task::kBinary, Task::kMulticlass, Task::kRegression};
  a.create = &create_xgboost;
  a.params = {
      {"n_estimators", K::kInteger, 100, 1, 100000, {}, "Boosting rounds (trees per class)."},
      {"learning_rate", K::kNumber, 0.3, 0, 1, {}, "Shrinkage of each tree (XGBoost's `eta`)."},
      {"max_depth", K::kInteger, 6, 1, 64, {}, "Maximum depth of a tree."},
      {"min_child_weight", K::kNumber, 1, 0, inf, {}, "Minimum hessian sum in a leaf."},
      {"subsample", K::kNumber, 1, 0, 1, {}, "Fraction of rows sampled per tree.", true},
      {"colsample_bytree", K::kNumber, 1, 0, 1, {}, "Fraction of features sampled per tree.", true},
      {"colsample_bylevel",
       K::kNumber,
       1,
       0,
       1,
       {},
       "Fraction of features sampled per level.",
       true},
      {"colsample_bynode",
       K::kNumber,
       1,
       0,
       1,
       {},
       "Fraction of features sampled per split.",
       true},
      {"reg_lambda", K::kNumber, 1, 0, inf, {}, "L2 penalty on leaf weights (`lambda`)."},
      {"reg_alpha", K::kNumber, 0, 0, inf, {}, "L1 penalty on leaf weights (`alpha`)."},
      {"gamma", K::kNumber, 0, 0, inf, {}, "Minimum loss reduction to split (`min_split_loss`)."},
      {"max_delta_step", K::kNumber, 0, 0, inf, {}, "Cap on a leaf's step (0 = none)."},
      {"scale_pos_weight", K::kNumber, 1, 0, inf, {}, "Weight of positive examples (binary)."},
      {"tree_method", K::kText, "hist", 0, 0, {"hist", "approx", "exact"}, "Split finding."},
      {"max_bin", K::kInteger, 256, 2, 65536, {}, "Histogram bins per feature (hist/approx)."},
      {"grow_policy",
       K::kText,
       "depthwise",
       0,
       0,
       {"depthwise", "lossguide"},
       "Tree growth order."},
      {"max_leaves", K::kInteger, 0, 0, 1 << 30, {}, "Maximum leaves per tree (0 = no limit)."},
      {"early_stopping_rounds",
       K::kInteger,
       0,
       0,
       100000,
       {},
       "Stop when the validation loss has not improved for this many rounds (0 = off)."},
      {"nthread", K::kInteger, 0, 0, 1024, {}, "Threads (0 = all cores)."},
  };
  return a;
}

}  // namespace nocode::ml
