// Names of the learning tasks (a file of its own: the LibTorch module
// compiles it too, see src/ml/torch/torch_module.h).
#include "ml/model.h"

namespace nocode::ml {

std::string_view task_name(Task task) {
  switch (task) {
    case Task::kRegression:
      return "regression";
    case Task::kBinary:
      return "binary";
    case Task::kMulticlass:
      return "multiclass";
  }
  return "?";
}

}  // namespace nocode::ml
