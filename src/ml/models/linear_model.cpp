// The linear model shared by `linear` and `logistic` (optional
// standardization, prediction, model.json), the ridge solver and the
// `linear` declaration.
#include "ml/models/linear_model.h"

#include <Eigen/Dense>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "ml/models/training_checks.h"
#include "report/atomic_write.h"

namespace nocode::ml {

namespace {

constexpr int kFormatVersion = 1;

class LinearModel final : public Model {
 public:
  LinearModel(std::string algorithm, Link link, nlohmann::json hp, Task task)
      : algorithm_(std::move(algorithm)), link_(link), hp_(std::move(hp)), task_(task) {}

  Status fit(const TrainingData& data) override;
  Result<std::vector<double>> predict(const FeatureMatrix& features) const override;
  Result<std::vector<double>> predict_proba(const FeatureMatrix& features) const override;
  Result<std::vector<std::string>> save(const std::string& dir) const override;
  Status load(const std::string& dir) override;
  std::vector<std::pair<std::string, double>> feature_importance() const override;
  nlohmann::json library_versions() const override {
    return {{"eigen", std::to_string(EIGEN_WORLD_VERSION) + "." +
                          std::to_string(EIGEN_MAJOR_VERSION) + "." +
                          std::to_string(EIGEN_MINOR_VERSION)}};
  }

 private:
  // Linear score of each row: intercept + sum_j coef_j (x_j - center_j) / scale_j.
  Result<std::vector<double>> scores(const FeatureMatrix& features) const;

  std::string algorithm_;
  Link link_;
  nlohmann::json hp_;
  Task task_;
  bool fitted_ = false;
  std::vector<std::string> names_;
  std::vector<double> center_, scale_;  // standardization (0 and 1 when off)
  LinearCoefficients fit_;
};

// Weighted mean and population standard deviation of each column (a
// constant column keeps scale 1).
void standardization(const FeatureMatrix& f, const std::vector<double>& w,
                     std::vector<double>& center, std::vector<double>& scale) {
  const size_t cols = f.cols();
  center.assign(cols, 0.0);
  scale.assign(cols, 0.0);
  double wsum = 0;
  for (size_t r = 0; r < f.rows; ++r) wsum += w[r];
  for (size_t r = 0; r < f.rows; ++r)
    for (size_t c = 0; c < cols; ++c) center[c] += w[r] * f.values[r * cols + c];
  for (size_t c = 0; c < cols; ++c) center[c] /= wsum;
  for (size_t r = 0; r < f.rows; ++r)
    for (size_t c = 0; c < cols; ++c) {
      const double d = f.values[r * cols + c] - center[c];
      scale[c] += w[r] * d * d;
    }
  for (size_t c = 0; c < cols; ++c) {
    scale[c] = std::sqrt(scale[c] / wsum);
    if (!(scale[c] > 0)) scale[c] = 1.0;
  }
}

Status LinearModel::fit(const TrainingData& data) {
  NOCODE_RETURN_IF_ERROR(check_training_data(data, task_, 2));
  NOCODE_RETURN_IF_ERROR(check_complete(data.features, algorithm_));
  const FeatureMatrix& f = data.features;
  LinearProblem p;
  p.rows = f.rows;
  p.cols = f.cols();
  p.y = &data.label;
  p.w = data.sample_weight.empty() ? std::vector<double>(f.rows, 1.0) : data.sample_weight;
  std::vector<double> x;
  if (hp_.at("standardize").get<bool>()) {
    standardization(f, p.w, center_, scale_);
    x.resize(f.values.size());
    for (size_t r = 0; r < f.rows; ++r)
      for (size_t c = 0; c < p.cols; ++c)
        x[r * p.cols + c] = (f.values[r * p.cols + c] - center_[c]) / scale_[c];
    p.x = &x;
  } else {
    center_.assign(p.cols, 0.0);
    scale_.assign(p.cols, 1.0);
    p.x = &f.values;
  }
  const bool intercept = hp_.at("fit_intercept").get<bool>();
  auto solved = link_ == Link::kIdentity
                    ? fit_ridge(p, hp_.at("alpha").get<double>(), intercept)
                    : fit_logistic(p, hp_.at("C").get<double>(), intercept,
                                   hp_.at("max_iter").get<int>(), hp_.at("tol").get<double>());
  if (!solved) return solved.status().with_context("model '" + algorithm_ + "'");
  fit_ = std::move(*solved);
  names_ = f.names;
  fitted_ = true;
  if (data.progress) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    data.progress({1, 1, nan, nan});
  }
  return Status::ok();
}

Result<std::vector<double>> LinearModel::scores(const FeatureMatrix& features) const {
  if (!fitted_) return Status::invalid_argument("model '" + algorithm_ + "' is not fitted");
  NOCODE_RETURN_IF_ERROR(check_matrix(features, "features"));
  NOCODE_RETURN_IF_ERROR(check_columns(features, names_));
  NOCODE_RETURN_IF_ERROR(check_complete(features, algorithm_));
  const size_t cols = names_.size();
  std::vector<double> out(features.rows);
  for (size_t r = 0; r < features.rows; ++r) {
    double z = fit_.intercept;
    for (size_t c = 0; c < cols; ++c)
      z += fit_.coef[c] * ((features.values[r * cols + c] - center_[c]) / scale_[c]);
    out[r] = z;
  }
  return out;
}

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

Result<std::vector<double>> LinearModel::predict(const FeatureMatrix& features) const {
  auto z = scores(features);
  if (!z || link_ == Link::kIdentity) return z;
  for (double& v : *z) v = sigmoid(v);
  return z;
}

Result<std::vector<double>> LinearModel::predict_proba(const FeatureMatrix& features) const {
  if (link_ == Link::kIdentity)
    return Status::invalid_argument("model '" + algorithm_ +
                                    "': class probabilities need a classification task");
  auto p = predict(features);
  if (!p) return p.status();
  std::vector<double> out(2 * p->size());
  for (size_t r = 0; r < p->size(); ++r) {
    out[2 * r] = 1.0 - (*p)[r];
    out[2 * r + 1] = (*p)[r];
  }
  return out;
}

Result<std::vector<std::string>> LinearModel::save(const std::string& dir) const {
  if (!fitted_) return Status::invalid_argument("model '" + algorithm_ + "' is not fitted");
  nlohmann::json j = {{"format", "nocode.linear_model"},
                      {"format_version", kFormatVersion},
                      {"algorithm", algorithm_},
                      {"link", link_ == Link::kIdentity ? "identity" : "logistic"},
                      {"feature_names", names_},
                      {"intercept", fit_.intercept},
                      {"coefficients", fit_.coef},
                      {"center", center_},
                      {"scale", scale_},
                      {"iterations", fit_.iterations}};
  NOCODE_RETURN_IF_ERROR(report::write_file_atomically(dir + "/model.json", j.dump(1) + "\n"));
  return std::vector<std::string>{"model.json"};
}

Status LinearModel::load(const std::string& dir) {
  const std::string path = dir + "/model.json";
  std::ifstream in(path);
  if (!in) return Status::io_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  auto bad = [&](const std::string& what) { return Status::parse_error(path + ": " + what); };
  if (!j.is_object() || j.value("format", "") != "nocode.linear_model")
    return bad("not a nocode linear model (\"format\": \"nocode.linear_model\")");
  if (j.value("format_version", 0) != kFormatVersion)
    return bad("unsupported format_version (expected " + std::to_string(kFormatVersion) + ")");
  try {
    names_ = j.at("feature_names").get<std::vector<std::string>>();
    fit_.intercept = j.at("intercept").get<double>();
    fit_.coef = j.at("coefficients").get<std::vector<double>>();
    center_ = j.at("center").get<std::vector<double>>();
    scale_ = j.at("scale").get<std::vector<double>>();
    fit_.iterations = j.value("iterations", 0);
  } catch (const nlohmann::json::exception& e) {
    return bad(e.what());
  }
  const size_t n = names_.size();
  if (fit_.coef.size() != n || center_.size() != n || scale_.size() != n)
    return bad("coefficients, center and scale need one value per feature (" + std::to_string(n) +
               ")");
  const std::string link = j.value("link", "");
  if (link != (link_ == Link::kIdentity ? "identity" : "logistic"))
    return bad("link '" + link + "' does not belong to algorithm '" + algorithm_ + "'");
  fitted_ = true;
  return Status::ok();
}

std::vector<std::pair<std::string, double>> LinearModel::feature_importance() const {
  // |coefficient| of each feature as the model sees it (standardized when
  // `standardize` is on, so the values are then comparable across features).
  std::vector<std::pair<std::string, double>> out;
  for (size_t c = 0; fitted_ && c < names_.size(); ++c)
    out.emplace_back(names_[c], std::abs(fit_.coef[c]));
  return out;
}

std::unique_ptr<Model> create_linear(const ModelAlgorithm& algorithm, const nlohmann::json& hp,
                                     Task task, size_t /*classes*/) {
  return make_linear_model(algorithm.name, Link::kIdentity, hp, task);
}

}  // namespace

std::unique_ptr<Model> make_linear_model(std::string algorithm, Link link, nlohmann::json hp,
                                         Task task) {
  return std::make_unique<LinearModel>(std::move(algorithm), link, std::move(hp), task);
}

Result<LinearCoefficients> fit_ridge(const LinearProblem& p, double alpha, bool fit_intercept) {
  const size_t n = p.rows, k = p.cols;
  const std::vector<double>& x = *p.x;
  const std::vector<double>& y = *p.y;
  double wsum = 0;
  std::vector<double> xm(k, 0.0);
  double ym = 0;
  for (size_t r = 0; r < n; ++r) wsum += p.w[r];
  if (fit_intercept) {
    for (size_t r = 0; r < n; ++r) {
      ym += p.w[r] * y[r];
      for (size_t c = 0; c < k; ++c) xm[c] += p.w[r] * x[r * k + c];
    }
    ym /= wsum;
    for (size_t c = 0; c < k; ++c) xm[c] /= wsum;
  }
  // Normal equations on centered data: (Xc' W Xc + alpha I) beta = Xc' W yc.
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(k, k);
  Eigen::VectorXd b = Eigen::VectorXd::Zero(k);
  std::vector<double> row(k);
  for (size_t r = 0; r < n; ++r) {
    for (size_t c = 0; c < k; ++c) row[c] = x[r * k + c] - xm[c];
    const double wr = p.w[r], yr = y[r] - ym;
    for (size_t i = 0; i < k; ++i) {
      const double wi = wr * row[i];
      b(i) += wi * yr;
      for (size_t j = 0; j <= i; ++j) a(i, j) += wi * row[j];
    }
  }
  for (size_t i = 0; i < k; ++i) {
    a(i, i) += alpha;
    for (size_t j = 0; j < i; ++j) a(j, i) = a(i, j);
  }
  Eigen::LLT<Eigen::MatrixXd> llt(a);
  if (llt.info() != Eigen::Success)
    return Status::invalid_argument(
        "the features are collinear (X'X is singular); use alpha > 0 or drop a feature");
  const Eigen::VectorXd beta = llt.solve(b);
  LinearCoefficients out;
  out.coef.assign(beta.data(), beta.data() + k);
  out.intercept = ym;
  for (size_t c = 0; c < k; ++c) out.intercept -= xm[c] * out.coef[c];
  if (!fit_intercept) out.intercept = 0;
  return out;
}

ModelAlgorithm linear_algorithm() {
  using K = ModelParam::Kind;
  ModelAlgorithm a;
  a.name = "linear";
  a.title = "Linear regression (ridge)";
  a.description =
      "Least squares with an L2 penalty `alpha` on the coefficients (not the intercept), solved "
      "in closed form (Cholesky of the normal equations, Eigen). Needs complete rows.";
  a.tasks = {Task::kRegression};
  a.create = &create_linear;
  a.params = {
      {"alpha",
       K::kNumber,
       1.0,
       0,
       std::numeric_limits<double>::infinity(),
       {},
       "L2 penalty on the coefficients (scikit-learn's Ridge `alpha`)."},
      {"fit_intercept", K::kFlag, true, 0, 0, {}, "Fit an unpenalized intercept."},
      {"standardize",
       K::kFlag,
       false,
       0,
       0,
       {},
       "Scale each feature to mean 0 and standard deviation 1 (fitted on train) before fitting."},
  };
  return a;
}

}  // namespace nocode::ml
