// `logistic`: binary logistic regression with an L2 penalty, fitted by
// Newton's method with a backtracking line search (Eigen LDLT for each
// Newton system). The objective is scikit-learn's:
//   C * sum_i w_i [log(1 + e^{z_i}) - y_i z_i] + ||beta||^2 / 2,  z_i = b + x_i.beta
// It is strictly convex in beta (and in b when some labels differ), so the
// minimizer is unique and any correct solver reaches it.
#include <Eigen/Dense>
#include <cmath>
#include <limits>

#include "ml/models/linear_model.h"

namespace nocode::ml {

namespace {

// log(1 + e^z) without overflow.
double softplus(double z) { return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }

double logistic(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

// theta = [beta (k), intercept].
struct Objective {
  const LinearProblem& p;
  double c;
  bool intercept;

  double z(const Eigen::VectorXd& theta, size_t r) const {
    const size_t k = p.cols;
    double s = intercept ? theta(k) : 0.0;
    for (size_t j = 0; j < k; ++j) s += (*p.x)[r * k + j] * theta(j);
    return s;
  }
  double value(const Eigen::VectorXd& theta) const {
    double loss = 0;
    for (size_t r = 0; r < p.rows; ++r) {
      const double zr = z(theta, r);
      loss += p.w[r] * (softplus(zr) - (*p.y)[r] * zr);
    }
    return c * loss + 0.5 * theta.head(p.cols).squaredNorm();
  }
  // Gradient and Hessian at theta.
  void derivatives(const Eigen::VectorXd& theta, Eigen::VectorXd& g, Eigen::MatrixXd& h) const {
    const size_t k = p.cols, m = theta.size();
    g = Eigen::VectorXd::Zero(m);
    h = Eigen::MatrixXd::Zero(m, m);
    std::vector<double> xr(m, 1.0);
    for (size_t r = 0; r < p.rows; ++r) {
      for (size_t j = 0; j < k; ++j) xr[j] = (*p.x)[r * k + j];
      const double pr = logistic(z(theta, r));
      const double gr = c * p.w[r] * (pr - (*p.y)[r]);
      const double hr = c * p.w[r] * pr * (1.0 - pr);
      for (size_t i = 0; i < m; ++i) {
        g(i) += gr * xr[i];
        const double hi = hr * xr[i];
        for (size_t j = 0; j <= i; ++j) h(i, j) += hi * xr[j];
      }
    }
    for (size_t i = 0; i < m; ++i)
      for (size_t j = 0; j < i; ++j) h(j, i) = h(i, j);
    for (size_t j = 0; j < k; ++j) {
      g(j) += theta(j);
      h(j, j) += 1.0;
    }
  }
};

std::unique_ptr<Model> create_logistic(const ModelAlgorithm& algorithm, const nlohmann::json& hp,
                                       Task task, size_t /*classes*/) {
  return make_linear_model(algorithm.name, Link::kLogistic, hp, task);
}

}  // namespace

Result<LinearCoefficients> fit_logistic(const LinearProblem& p, double c, bool fit_intercept,
                                        int max_iter, double tol) {
  const Objective f{p, c, fit_intercept};
  const size_t m = p.cols + (fit_intercept ? 1 : 0);
  Eigen::VectorXd theta = Eigen::VectorXd::Zero(m);
  Eigen::VectorXd g;
  Eigen::MatrixXd h;
  double current = f.value(theta);
  int it = 0;
  for (; it < max_iter; ++it) {
    f.derivatives(theta, g, h);
    if (g.lpNorm<Eigen::Infinity>() <= tol) break;
    Eigen::LDLT<Eigen::MatrixXd> ldlt(h);
    if (ldlt.info() != Eigen::Success)
      return Status::invalid_argument("logistic regression: the Newton system is singular");
    const Eigen::VectorXd step = ldlt.solve(g);
    double t = 1.0, next = current;
    Eigen::VectorXd candidate = theta;
    for (int halvings = 0; halvings < 60; ++halvings, t *= 0.5) {
      candidate = theta - t * step;
      next = f.value(candidate);
      if (next <= current - 1e-4 * t * g.dot(step)) break;
    }
    if (!(next <= current)) break;  // no further decrease at machine precision
    theta = candidate;
    current = next;
    if (t * step.lpNorm<Eigen::Infinity>() <= tol * (1.0 + theta.lpNorm<Eigen::Infinity>())) {
      ++it;
      break;
    }
  }
  if (it >= max_iter && g.lpNorm<Eigen::Infinity>() > std::sqrt(tol))
    return Status::invalid_argument("logistic regression did not converge in " +
                                    std::to_string(max_iter) + " iterations (raise max_iter)");
  LinearCoefficients out;
  out.coef.assign(theta.data(), theta.data() + p.cols);
  out.intercept = fit_intercept ? theta(p.cols) : 0.0;
  out.iterations = it;
  return out;
}

ModelAlgorithm logistic_algorithm() {
  using K = ModelParam::Kind;
  ModelAlgorithm a;
  a.name = "logistic";
  a.title = "Logistic regression (L2)";
  a.description =
      "Binary logistic regression with an L2 penalty, scikit-learn's convention: minimizes "
      "`C * sum(weighted log loss) + ||beta||^2 / 2` (intercept not penalized) by Newton's "
      "method. The score is P(label = 1). Needs complete rows.";
  a.tasks = {Task::kBinary};
  a.create = &create_logistic;
  a.params = {
      {"C",
       K::kNumber,
       1.0,
       0,
       std::numeric_limits<double>::infinity(),
       {},
       "Inverse penalty strength (larger = weaker penalty).",
       true},
      {"fit_intercept", K::kFlag, true, 0, 0, {}, "Fit an unpenalized intercept."},
      {"standardize",
       K::kFlag,
       false,
       0,
       0,
       {},
       "Scale each feature to mean 0 and standard deviation 1 (fitted on train) before fitting."},
      {"max_iter", K::kInteger, 100, 1, 10000, {}, "Maximum Newton iterations."},
      {"tol",
       K::kNumber,
       1e-10,
       0,
       1,
       {},
       "Stop when the largest gradient entry is below this.",
       true},
  };
  return a;
}

}  // namespace nocode::ml
