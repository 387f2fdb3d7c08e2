// The registry of learning algorithms and its one table.
#include "common/strings.h"
#include "ml/model.h"

namespace nocode::ml {

std::string_view task_name(Task task) {
  switch (task) {
    case Task::kRegression: return "regression";
    case Task::kBinary: return "binary";
    case Task::kMulticlass: return "multiclass";
  }
  return "?";
}

Status ModelRegistry::add(ModelAlgorithm algorithm) {
  if (algorithm.name.empty() || algorithm.create == nullptr)
    return Status::invalid_argument("model algorithm needs a name and a factory");
  if (find(algorithm.name))
    return Status::invalid_argument("model algorithm '" + algorithm.name + "' already registered");
  algorithms_.push_back(std::move(algorithm));
  return Status::ok();
}

const ModelAlgorithm* ModelRegistry::find(std::string_view name) const {
  for (const auto& a : algorithms_) {
    if (iequals(a.name, name)) return &a;
  }
  return nullptr;
}

Result<const ModelAlgorithm*> ModelRegistry::lookup(std::string_view name) const {
  if (const ModelAlgorithm* a = find(name)) return a;
  std::vector<std::string> names;
  for (const auto& a : algorithms_) names.push_back(a.name);
  std::string msg = "model algorithm '" + std::string(name) + "' is not available";
  msg += names.empty() ? " (no algorithm is registered)" : "; available: " + quoted_list(names);
  return Status::unsupported(msg);
}

Result<std::unique_ptr<Model>> ModelRegistry::create(std::string_view name,
                                                     const nlohmann::json& hyperparameters,
                                                     Task task, size_t classes) const {
  auto algorithm = lookup(name);
  if (!algorithm) return algorithm.status();
  auto params = (*algorithm)->resolve(hyperparameters);
  if (!params) return params.status();
  return (*algorithm)->create(**algorithm, *params, task, classes);
}

Result<nlohmann::json> ModelAlgorithm::resolve(const nlohmann::json& hyperparameters) const {
  // Filled in by the model-training work (validation of types/ranges).
  (void)hyperparameters;
  return Status::unsupported("ModelAlgorithm::resolve not implemented yet");
}

const ModelRegistry& builtin_models() {
  // The one table of algorithms.
  static const ModelRegistry registry = [] {
    ModelRegistry r;
    return r;
  }();
  return registry;
}

}  // namespace nocode::ml
