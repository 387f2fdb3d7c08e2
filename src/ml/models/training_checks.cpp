// Input checks shared by the models.
#include "ml/models/training_checks.h"

#include <cmath>
#include <set>

#include "common/strings.h"

namespace nocode::ml {

Status check_matrix(const FeatureMatrix& features, const std::string& what) {
  if (features.values.size() != features.rows * features.cols())
    return Status::invalid_argument(
        what + ": holds " + std::to_string(features.values.size()) +
        " values, expected rows x columns = " + std::to_string(features.rows) + " x " +
        std::to_string(features.cols()));
  std::set<std::string> seen;
  for (const auto& n : features.names) {
    if (!seen.insert(n).second)
      return Status::invalid_argument(what + ": feature name '" + n + "' appears twice");
  }
  return Status::ok();
}

namespace {

Status check_labels(const std::vector<double>& label, Task task, size_t classes,
                    const std::string& what) {
  for (size_t i = 0; i < label.size(); ++i) {
    const double y = label[i];
    bool ok = std::isfinite(y);
    std::string expected = "a finite number";
    if (task == Task::kBinary) {
      ok = y == 0 || y == 1;
      expected = "0 or 1";
    } else if (task == Task::kMulticlass) {
      ok = ok && y >= 0 && y == std::floor(y) && y < static_cast<double>(classes);
      expected = "a class 0.." + std::to_string(classes - 1);
    }
    if (!ok)
      return Status::invalid_argument(what + " row " + std::to_string(i) + ": expected " +
                                      expected + ", got " + format_double(y));
  }
  return Status::ok();
}

}  // namespace

Status check_training_data(const TrainingData& data, Task task, size_t classes) {
  NOCODE_RETURN_IF_ERROR(check_matrix(data.features, "training features"));
  if (data.features.rows == 0) return Status::invalid_argument("training data has no rows");
  if (data.features.cols() == 0) return Status::invalid_argument("training data has no features");
  if (data.label.size() != data.features.rows)
    return Status::invalid_argument("label has " + std::to_string(data.label.size()) +
                                    " values for " + std::to_string(data.features.rows) + " rows");
  NOCODE_RETURN_IF_ERROR(check_labels(data.label, task, classes, "label"));
  if (!data.sample_weight.empty()) {
    if (data.sample_weight.size() != data.features.rows)
      return Status::invalid_argument("sample_weight has " +
                                      std::to_string(data.sample_weight.size()) + " values for " +
                                      std::to_string(data.features.rows) + " rows");
    double sum = 0;
    for (size_t i = 0; i < data.sample_weight.size(); ++i) {
      const double w = data.sample_weight[i];
      if (!std::isfinite(w) || w < 0)
        return Status::invalid_argument("sample_weight row " + std::to_string(i) +
                                        ": expected a finite weight >= 0, got " + format_double(w));
      sum += w;
    }
    if (!(sum > 0)) return Status::invalid_argument("sample_weight: every weight is 0");
  }
  if ((data.validation == nullptr) != (data.validation_label == nullptr))
    return Status::invalid_argument("validation features and validation labels come together");
  if (data.validation != nullptr) {
    NOCODE_RETURN_IF_ERROR(check_matrix(*data.validation, "validation features"));
    NOCODE_RETURN_IF_ERROR(check_columns(*data.validation, data.features.names));
    if (data.validation_label->size() != data.validation->rows)
      return Status::invalid_argument(
          "validation label has " + std::to_string(data.validation_label->size()) + " values for " +
          std::to_string(data.validation->rows) + " rows");
    NOCODE_RETURN_IF_ERROR(check_labels(*data.validation_label, task, classes, "validation label"));
  }
  return Status::ok();
}

Status check_complete(const FeatureMatrix& features, const std::string& algorithm) {
  for (size_t i = 0; i < features.values.size(); ++i) {
    if (std::isfinite(features.values[i])) continue;
    const size_t cols = std::max<size_t>(1, features.cols());
    const size_t col = i % cols;
    const std::string name = col < features.names.size() ? features.names[col] : "?";
    return Status::invalid_argument(
        "model '" + algorithm + "': feature '" + name + "' is " +
        format_double(features.values[i]) + " at row " + std::to_string(i / cols) +
        "; this model needs complete rows (set the model node's NaN handling to drop or impute)");
  }
  return Status::ok();
}

Status check_columns(const FeatureMatrix& features, const std::vector<std::string>& fitted) {
  if (features.cols() != fitted.size())
    return Status::invalid_argument("the model was fitted on " + std::to_string(fitted.size()) +
                                    " features, got " + std::to_string(features.cols()));
  for (size_t c = 0; c < fitted.size(); ++c) {
    if (!fitted[c].empty() && !features.names[c].empty() && fitted[c] != features.names[c])
      return Status::invalid_argument("feature " + std::to_string(c) + " is '" + features.names[c] +
                                      "', the model was fitted with '" + fitted[c] + "' there");
  }
  return Status::ok();
}

}  // namespace nocode::ml
