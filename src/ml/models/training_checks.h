// Checks shared by every model before fitting or predicting: shapes, label
// domain per task, sample weights, complete rows. Pure functions.
#pragma once

#include <string>

#include "common/status.h"
#include "ml/model.h"

namespace nocode::ml {

// values.size() == rows x cols and the names are unique.
Status check_matrix(const FeatureMatrix& features, const std::string& what);
// Shapes of features/label/weights/validation agree; labels fit the task
// (binary 0/1, multiclass integers 0..classes-1, regression finite);
// weights finite and >= 0 with a positive sum. Errors name the row.
Status check_training_data(const TrainingData& data, Task task, size_t classes);
// Error naming the first NaN/infinite value (row and feature) and the fix.
Status check_complete(const FeatureMatrix& features, const std::string& algorithm);
// Columns count (and names, when both have names) match what the model was fitted on.
Status check_columns(const FeatureMatrix& features, const std::vector<std::string>& fitted);

}  // namespace nocode::ml
