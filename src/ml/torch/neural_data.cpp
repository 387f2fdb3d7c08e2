// Checks and standardisation statistics (two-pass mean/variance in double).
#include "ml/torch/neural_data.h"

#include <algorithm>
#include <cmath>

#include "common/strings.h"

namespace nocode::ml::torchnn {

Standardization fit_standardization(const FeatureMatrix& features) {
  const size_t cols = features.cols(), rows = features.rows;
  Standardization s{std::vector<double>(cols, 0.0), std::vector<double>(cols, 1.0)};
  if (rows == 0) return s;
  for (size_t c = 0; c < cols; ++c) {
    double sum = 0;
    for (size_t r = 0; r < rows; ++r) sum += features.at(r, c);
    const double mean = sum / static_cast<double>(rows);
    double ss = 0;
    for (size_t r = 0; r < rows; ++r) ss += (features.at(r, c) - mean) * (features.at(r, c) - mean);
    const double sd = std::sqrt(ss / static_cast<double>(rows));
    s.mean[c] = mean;
    // A constant (or numerically constant) column maps to 0 instead of NaN.
    s.std[c] = sd > 1e-12 * std::max(1.0, std::fabs(mean)) ? sd : 1.0;
  }
  return s;
}

Status check_features(const FeatureMatrix& features, const std::string& what) {
  const size_t cols = features.cols();
  if (features.values.size() != features.rows * cols)
    return Status::invalid_argument(what + ": " + std::to_string(features.values.size()) +
                                    " values for " + std::to_string(features.rows) + " rows x " +
                                    std::to_string(cols) + " features");
  for (size_t r = 0; r < features.rows; ++r) {
    for (size_t c = 0; c < cols; ++c) {
      const double v = features.at(r, c);
      if (std::isfinite(v)) continue;
      return Status::invalid_argument(
          what + ": feature '" + features.names[c] + "' is " + format_double(v) + " at row " +
          std::to_string(r) +
          "; neural models need finite inputs (drop or impute missing values upstream)");
    }
  }
  return Status::ok();
}

Status check_labels(const std::vector<double>& label, size_t rows, Task task, size_t classes,
                    const std::string& what) {
  if (label.size() != rows)
    return Status::invalid_argument(what + ": " + std::to_string(label.size()) + " labels for " +
                                    std::to_string(rows) + " rows");
  for (size_t r = 0; r < rows; ++r) {
    const double y = label[r];
    bool ok = std::isfinite(y);
    std::string expected = "a finite number";
    if (task == Task::kBinary) {
      ok = y == 0.0 || y == 1.0;
      expected = "0 or 1";
    } else if (task == Task::kMulticlass) {
      ok = y >= 0 && y < static_cast<double>(classes) && y == std::floor(y);
      expected = "an integer class in [0, " + std::to_string(classes) + ")";
    }
    if (!ok)
      return Status::invalid_argument(what + ": label at row " + std::to_string(r) + " is " +
                                      format_double(y) + ", expected " + expected);
  }
  return Status::ok();
}

Status check_weights(const std::vector<double>& weight, size_t rows) {
  if (weight.empty()) return Status::ok();
  if (weight.size() != rows)
    return Status::invalid_argument("sample weights: " + std::to_string(weight.size()) +
                                    " weights for " + std::to_string(rows) + " rows");
  for (size_t r = 0; r < rows; ++r) {
    if (!(std::isfinite(weight[r]) && weight[r] >= 0))
      return Status::invalid_argument("sample weights: weight at row " + std::to_string(r) +
                                      " is " + format_double(weight[r]) +
                                      ", expected a finite number >= 0");
  }
  return Status::ok();
}

}  // namespace nocode::ml::torchnn
