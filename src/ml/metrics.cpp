// Classification and regression metrics. Counting is exact (integers);
// ROC AUC is the trapezoid over the distinct score thresholds computed from
// integer counts, which equals the Mann-Whitney statistic with ties half.
#include "ml/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

namespace nocode::ml {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(size_t num, size_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

// Binary AUC of `score` for truth `positive` (NaN without both classes).
double binary_auc(const std::vector<double>& score, const std::vector<bool>& positive) {
  std::vector<size_t> order(score.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score[a] > score[b]; });
  double area2 = 0;  // twice the area in count units
  size_t tp = 0, fp = 0;
  for (size_t i = 0; i < order.size();) {
    size_t j = i, dtp = 0, dfp = 0;
    for (; j < order.size() && score[order[j]] == score[order[i]]; ++j) (positive[order[j]] ? dtp : dfp)++;
    area2 += static_cast<double>(dfp) * static_cast<double>(2 * tp + dtp);
    tp += dtp;
    fp += dfp;
    i = j;
  }
  if (tp == 0 || fp == 0) return kNaN;
  return area2 / 2.0 / (static_cast<double>(tp) * static_cast<double>(fp));
}

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
};

Prf prf(size_t tp, size_t predicted, size_t actual) {
  Prf r;
  r.precision = ratio(tp, predicted);
  r.recall = ratio(tp, actual);
  const double den = r.precision + r.recall;
  r.f1 = den == 0 ? 0.0 : 2 * r.precision * r.recall / den;
  return r;
}

Status check_classes(const std::vector<double>& label, size_t classes, std::vector<size_t>& out) {
  out.resize(label.size());
  for (size_t i = 0; i < label.size(); ++i) {
    const double y = label[i];
    if (!(y >= 0) || y != std::floor(y) || y >= static_cast<double>(classes))
      return Status::invalid_argument("label of row " + std::to_string(i) + " is " +
                                      std::to_string(y) + ", expected a class 0.." +
                                      std::to_string(classes - 1));
    out[i] = static_cast<size_t>(y);
  }
  return Status::ok();
}

}  // namespace

Result<ClassificationMetrics> classification_metrics(const std::vector<double>& label,
                                                     const std::vector<double>& probability,
                                                     size_t classes) {
  if (classes < 2) return Status::invalid_argument("classification needs at least 2 classes");
  const size_t n = label.size();
  const bool p1_only = classes == 2 && probability.size() == n;
  if (!p1_only && probability.size() != n * classes)
    return Status::invalid_argument("probabilities: expected rows x classes = " +
                                    std::to_string(n * classes) + " values, got " +
                                    std::to_string(probability.size()));
  if (n == 0) return Status::invalid_argument("no rows to evaluate");
  std::vector<size_t> y;
  NOCODE_RETURN_IF_ERROR(check_classes(label, classes, y));
  for (size_t i = 0; i < probability.size(); ++i)
    if (!std::isfinite(probability[i]))
      return Status::invalid_argument("probability " + std::to_string(i) + " is not a finite number");
  // Full probability rows (binary from P(1)).
  std::vector<double> p(n * classes);
  for (size_t i = 0; i < n; ++i) {
    if (p1_only) {
      p[2 * i] = 1.0 - probability[i];
      p[2 * i + 1] = probability[i];
    } else {
      std::copy_n(probability.begin() + i * classes, classes, p.begin() + i * classes);
    }
  }
  ClassificationMetrics m;
  m.rows = n;
  m.classes = classes;
  m.confusion.classes = classes;
  m.confusion.counts.assign(classes * classes, 0);
  const double eps = std::numeric_limits<double>::epsilon();
  double loss = 0;
  size_t correct = 0;
  for (size_t i = 0; i < n; ++i) {
    const double* row = &p[i * classes];
    size_t pred = 0;
    if (classes == 2) {
      pred = row[1] > 0.5 ? 1 : 0;
    } else {
      for (size_t k = 1; k < classes; ++k) if (row[k] > row[pred]) pred = k;
    }
    ++m.confusion.counts[y[i] * classes + pred];
    correct += pred == y[i];
    double sum = 0;
    for (size_t k = 0; k < classes; ++k) sum += std::clamp(row[k], eps, 1 - eps);
    if (p1_only) sum = std::clamp(1.0 - probability[i], eps, 1 - eps) + std::clamp(probability[i], eps, 1 - eps);
    loss += -std::log(std::clamp(row[y[i]], eps, 1 - eps) / sum);
  }
  m.accuracy = ratio(correct, n);
  m.log_loss = loss / static_cast<double>(n);
  std::vector<size_t> actual(classes, 0), predicted(classes, 0);
  for (size_t t = 0; t < classes; ++t)
    for (size_t q = 0; q < classes; ++q) {
      actual[t] += m.confusion.at(t, q);
      predicted[q] += m.confusion.at(t, q);
    }
  if (classes == 2) {
    const Prf r = prf(m.confusion.at(1, 1), predicted[1], actual[1]);
    m.precision = r.precision, m.recall = r.recall, m.f1 = r.f1;
    std::vector<double> s1(n);
    std::vector<bool> pos(n);
    for (size_t i = 0; i < n; ++i) s1[i] = p[2 * i + 1], pos[i] = y[i] == 1;
    m.roc_auc = binary_auc(s1, pos);
    return m;
  }
  size_t present = 0;
  double auc_sum = 0;
  for (size_t k = 0; k < classes; ++k) {
    if (actual[k] == 0 && predicted[k] == 0) continue;
    ++present;
    const Prf r = prf(m.confusion.at(k, k), predicted[k], actual[k]);
    m.precision += r.precision, m.recall += r.recall, m.f1 += r.f1;
  }
  m.precision /= static_cast<double>(present);
  m.recall /= static_cast<double>(present);
  m.f1 /= static_cast<double>(present);
  for (size_t k = 0; k < classes; ++k) {
    std::vector<double> sk(n);
    std::vector<bool> pos(n);
    for (size_t i = 0; i < n; ++i) sk[i] = p[i * classes + k], pos[i] = y[i] == k;
    auc_sum += binary_auc(sk, pos);  // NaN when class k is absent or alone
  }
  m.roc_auc = auc_sum / static_cast<double>(classes);
  return m;
}

Result<RegressionMetrics> regression_metrics(const std::vector<double>& label,
                                             const std::vector<double>& prediction) {
  const size_t n = label.size();
  if (prediction.size() != n)
    return Status::invalid_argument("predictions: expected " + std::to_string(n) + " values, got " +
                                    std::to_string(prediction.size()));
  if (n == 0) return Status::invalid_argument("no rows to evaluate");
  for (size_t i = 0; i < n; ++i)
    if (!std::isfinite(label[i]) || !std::isfinite(prediction[i]))
      return Status::invalid_argument("row " + std::to_string(i) + ": label and prediction must be finite");
  RegressionMetrics m;
  m.rows = n;
  double mean = 0, ss_res = 0, ss_tot = 0, abs_sum = 0;
  for (double y : label) mean += y;
  mean /= static_cast<double>(n);
  size_t signed_rows = 0, agree = 0;
  for (size_t i = 0; i < n; ++i) {
    const double e = label[i] - prediction[i];
    ss_res += e * e;
    abs_sum += std::fabs(e);
    ss_tot += (label[i] - mean) * (label[i] - mean);
    if (label[i] != 0) {
      ++signed_rows;
      agree += (label[i] > 0 && prediction[i] > 0) || (label[i] < 0 && prediction[i] < 0);
    }
  }
  m.rmse = std::sqrt(ss_res / static_cast<double>(n));
  m.mae = abs_sum / static_cast<double>(n);
  if (ss_tot == 0) {
    m.r2 = ss_res == 0 ? 1.0 : 0.0;
  } else {
    m.r2 = 1.0 - ss_res / ss_tot;
  }
  m.directional_accuracy = signed_rows == 0 ? kNaN : ratio(agree, signed_rows);
  return m;
}

nlohmann::json json_number(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

nlohmann::json to_json(const ClassificationMetrics& m) {
  nlohmann::json cm = nlohmann::json::array();
  for (size_t t = 0; t < m.confusion.classes; ++t) {
    nlohmann::json row = nlohmann::json::array();
    for (size_t q = 0; q < m.confusion.classes; ++q) row.push_back(m.confusion.at(t, q));
    cm.push_back(row);
  }
  return {{"rows", m.rows},
          {"classes", m.classes},
          {"accuracy", json_number(m.accuracy)},
          {"precision", json_number(m.precision)},
          {"recall", json_number(m.recall)},
          {"f1", json_number(m.f1)},
          {"roc_auc", json_number(m.roc_auc)},
          {"log_loss", json_number(m.log_loss)},
          {"confusion_matrix", cm}};
}

nlohmann::json to_json(const RegressionMetrics& m) {
  return {{"rows", m.rows},
          {"rmse", json_number(m.rmse)},
          {"mae", json_number(m.mae)},
          {"r2", json_number(m.r2)},
          {"directional_accuracy", json_number(m.directional_accuracy)}};
}

}  // namespace nocode::ml
