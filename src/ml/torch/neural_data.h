// Input checks and standardisation for the neural models, kept free of
// LibTorch: finite features, labels matching the task, and per-feature
// mean/std fitted on the training rows only.
//
// Thread-safety: pure functions over values.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "ml/model.h"

namespace nocode::ml::torchnn {

struct Standardization {
  std::vector<double> mean;
  std::vector<double> std;  // population std; 1 where a feature is constant
};

// Mean and population standard deviation of every column over all rows.
Standardization fit_standardization(const FeatureMatrix& features);

// Error naming the first NaN/infinite value: "<what>: feature 'rsi' is NaN
// at row 12 (...)". `what` is e.g. "training features".
Status check_features(const FeatureMatrix& features, const std::string& what);

// Labels: one per row, finite; 0/1 for binary; integers in [0, classes) for
// multiclass. Sample weights (may be empty): one per row, finite, >= 0.
Status check_labels(const std::vector<double>& label, size_t rows, Task task, size_t classes,
                    const std::string& what);
Status check_weights(const std::vector<double>& weight, size_t rows);

// Rows that have a full window: row i is usable when i + 1 >= window.
inline size_t usable_rows(size_t rows, size_t window) {
  return rows + 1 > window ? rows + 1 - window : 0;
}

}  // namespace nocode::ml::torchnn
