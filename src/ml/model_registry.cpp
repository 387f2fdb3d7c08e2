// The registry of learning algorithms, hyperparameter resolution, and the
// one table of built-in algorithms.
#include <cmath>

#include "common/strings.h"
#include "ml/model.h"
#include "ml/models/linear_model.h"
#include "ml/models/xgboost_model.h"
#include "ml/torch/neural_models.h"

namespace nocode::ml {

std::string_view param_kind_name(ModelParam::Kind kind) {
  switch (kind) {
    case ModelParam::Kind::kInteger:
      return "integer";
    case ModelParam::Kind::kNumber:
      return "number";
    case ModelParam::Kind::kText:
      return "text";
    case ModelParam::Kind::kFlag:
      return "flag";
  }
  return "?";
}

std::string param_domain(const ModelParam& p) {
  switch (p.kind) {
    case ModelParam::Kind::kFlag:
      return "true or false";
    case ModelParam::Kind::kText:
      return p.choices.empty() ? "any text" : "one of " + quoted_list(p.choices);
    case ModelParam::Kind::kInteger:
    case ModelParam::Kind::kNumber:
      break;
  }
  const std::string kind(param_kind_name(p.kind));
  const std::string low = format_double(p.min);
  if (std::isinf(p.max)) return kind + (p.min_exclusive ? " > " : " >= ") + low;
  return kind + " in " + (p.min_exclusive ? "(" : "[") + low + ", " + format_double(p.max) + "]";
}

Status ModelRegistry::add(ModelAlgorithm algorithm) {
  if (algorithm.name.empty() || algorithm.create == nullptr)
    return Status::invalid_argument("model algorithm needs a name and a factory");
  if (find(algorithm.name))
    return Status::invalid_argument("model algorithm '" + algorithm.name + "' already registered");
  for (const auto& p : algorithm.params) {
    ModelAlgorithm probe;
    probe.params = {p};
    if (auto ok = probe.resolve(nlohmann::json::object()); !ok)
      return ok.status().with_context("model algorithm '" + algorithm.name + "': default of");
  }
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
  const auto near = nearest_names(name, names, 1);
  if (!near.empty()) msg += "; did you mean '" + near[0] + "'?";
  msg += names.empty() ? " (no algorithm is registered)" : " Available: " + quoted_list(names);
  return Status::unsupported(msg);
}

Result<std::unique_ptr<Model>> ModelRegistry::create(std::string_view name,
                                                     const nlohmann::json& hyperparameters,
                                                     Task task, size_t classes) const {
  auto algorithm = lookup(name);
  if (!algorithm) return algorithm.status();
  const ModelAlgorithm& a = **algorithm;
  bool supported = false;
  for (Task t : a.tasks) supported = supported || t == task;
  if (!supported) {
    std::vector<std::string> names;
    for (Task t : a.tasks) names.emplace_back(task_name(t));
    return Status::invalid_argument("model algorithm '" + a.name + "' cannot learn a " +
                                    std::string(task_name(task)) + " task; it supports " +
                                    quoted_list(names));
  }
  if (task == Task::kMulticlass && classes < 2)
    return Status::invalid_argument("a multiclass task needs at least 2 classes, got " +
                                    std::to_string(classes));
  auto params = a.resolve(hyperparameters);
  if (!params) return params.status().with_context("model algorithm '" + a.name + "'");
  return a.create(a, *params, task, classes);
}

namespace {

// Checks one value against its declaration; returns the stored (normalized) value.
Result<nlohmann::json> check_param(const ModelParam& p, const nlohmann::json& v) {
  const std::string where =
      "hyperparameter '" + p.name + "': expected " + param_domain(p) + ", got ";
  auto bad = [&] { return Status::invalid_argument(where + v.dump()); };
  switch (p.kind) {
    case ModelParam::Kind::kFlag:
      if (!v.is_boolean()) return bad();
      return v;
    case ModelParam::Kind::kText: {
      if (!v.is_string()) return bad();
      if (p.choices.empty()) return v;
      for (const auto& c : p.choices) {
        if (iequals(c, v.get<std::string>())) return nlohmann::json(c);
      }
      return bad();
    }
    case ModelParam::Kind::kInteger:
    case ModelParam::Kind::kNumber:
      break;
  }
  if (!v.is_number()) return bad();
  const double x = v.get<double>();
  if (!std::isfinite(x)) return bad();
  if (p.kind == ModelParam::Kind::kInteger && x != std::floor(x)) return bad();
  if (x < p.min || (p.min_exclusive && x == p.min) || x > p.max) return bad();
  if (p.kind == ModelParam::Kind::kInteger) return nlohmann::json(static_cast<int64_t>(x));
  return nlohmann::json(x);
}

}  // namespace

Result<nlohmann::json> ModelAlgorithm::resolve(const nlohmann::json& hyperparameters) const {
  if (!hyperparameters.is_null() && !hyperparameters.is_object())
    return Status::invalid_argument("hyperparameters: expected an object, got " +
                                    std::string(hyperparameters.type_name()));
  std::vector<std::string> names;
  for (const auto& p : params) names.push_back(p.name);
  nlohmann::json out = nlohmann::json::object();
  if (hyperparameters.is_object()) {
    for (const auto& [key, value] : hyperparameters.items()) {
      const ModelParam* decl = nullptr;
      for (const auto& p : params) {
        if (p.name == key) decl = &p;
      }
      if (decl == nullptr) {
        std::string msg = "unknown hyperparameter '" + key + "'";
        if (!name.empty()) msg += " for model algorithm '" + name + "'";
        const auto near = nearest_names(key, names, 1);
        if (!near.empty()) msg += "; did you mean '" + near[0] + "'?";
        if (!names.empty()) msg += " (known: " + quoted_list(names, ", ") + ")";
        return Status::invalid_argument(msg);
      }
      auto checked = check_param(*decl, value);
      if (!checked) return checked.status();
      out[key] = std::move(*checked);
    }
  }
  for (const auto& p : params) {
    if (out.contains(p.name)) continue;
    auto checked = check_param(p, p.default_value);
    if (!checked) return checked.status().with_context("default value");
    out[p.name] = std::move(*checked);
  }
  return out;
}

const ModelRegistry& builtin_models() {
  // The one table of algorithms: one line each.
  static const ModelRegistry registry = [] {
    ModelRegistry r;
    auto add = [&r](ModelAlgorithm a) {
      Status s = r.add(std::move(a));
      (void)s;  // the table is ours; tests/ml/model_registry_test.cpp checks every entry
    };
    add(xgboost_algorithm());
    add(random_forest_algorithm());
    add(linear_algorithm());
    add(logistic_algorithm());
    // <torch models>
    add(mlp_algorithm());
    add(lstm_algorithm());
    add(transformer_algorithm());
    return r;
  }();
  return registry;
}

}  // namespace nocode::ml
