#include "engine/model_interface.h"

#include "common/strings.h"

namespace nocode::engine {

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
  std::string msg = "model algorithm '" + std::string(name) + "' is not available yet";
  msg += names.empty() ? " (model training is not implemented in this build; no algorithm is "
                         "registered)"
                       : "; available: " + quoted_list(names);
  return Status::unsupported(msg);
}

const ModelRegistry& builtin_models() {
  // The one table of algorithms; empty until model training lands.
  static const ModelRegistry registry = [] {
    ModelRegistry r;
    return r;
  }();
  return registry;
}

}  // namespace nocode::engine
