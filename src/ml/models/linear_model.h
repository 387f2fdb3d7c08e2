// Linear models with Eigen: `linear` (ridge regression, closed form) and
// `logistic` (L2-penalized logistic regression, Newton's method). Their
// declarations for the registry and the shared model and solvers.
//
// Both need complete rows (the pipeline drops or imputes NaN first; a NaN
// here is an error naming the row and feature), are deterministic (serial
// loops, a fixed summation order: bitwise reproducible), and save a
// `model.json` holding the coefficients at full precision.
//
// Thread-safety: a model instance is used by one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ml/model.h"

namespace nocode::ml {

ModelAlgorithm linear_algorithm();    // src/ml/models/linear_model.cpp
ModelAlgorithm logistic_algorithm();  // src/ml/models/logistic_model.cpp

// A weighted least-squares / likelihood problem over complete rows.
struct LinearProblem {
  const std::vector<double>* x = nullptr;  // rows x cols, row-major
  size_t rows = 0, cols = 0;
  const std::vector<double>* y = nullptr;
  std::vector<double> w;  // one weight per row
};

struct LinearCoefficients {
  double intercept = 0;
  std::vector<double> coef;
  int iterations = 0;  // solver iterations (0 for the closed form)
};

// Ridge: minimizes sum_i w_i (y_i - b - x_i.beta)^2 + alpha ||beta||^2 (the
// intercept b is not penalized; with fit_intercept false, b = 0).
Result<LinearCoefficients> fit_ridge(const LinearProblem& p, double alpha, bool fit_intercept);
// Logistic: minimizes C sum_i w_i logloss_i + ||beta||^2 / 2 (scikit-learn's
// convention; the intercept is not penalized), labels 0/1.
Result<LinearCoefficients> fit_logistic(const LinearProblem& p, double c, bool fit_intercept,
                                        int max_iter, double tol);

enum class Link { kIdentity, kLogistic };
// `hyperparameters` resolved; reads fit_intercept, standardize and the solver's own.
std::unique_ptr<Model> make_linear_model(std::string algorithm, Link link,
                                         nlohmann::json hyperparameters, Task task);

}  // namespace nocode::ml
