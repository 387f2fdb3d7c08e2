// The model catalogue generated from the registry: JSON and the Markdown of
// docs/models.md's algorithm section.
#include <cmath>

#include "common/strings.h"
#include "ml/model.h"

namespace nocode::ml {

namespace {

std::string default_text(const ModelParam& p) {
  const auto& v = p.default_value;
  if (v.is_string()) return "`" + v.get<std::string>() + "`";
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number()) return format_double(v.get<double>());
  return v.dump();
}

std::string tasks_text(const ModelAlgorithm& a) {
  std::string out;
  for (size_t i = 0; i < a.tasks.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::string(task_name(a.tasks[i]));
  }
  return out;
}

}  // namespace

nlohmann::json algorithm_json(const ModelAlgorithm& a) {
  nlohmann::json params = nlohmann::json::array();
  for (const auto& p : a.params) {
    nlohmann::json j = {{"name", p.name},
                        {"type", std::string(param_kind_name(p.kind))},
                        {"default", p.default_value},
                        {"domain", param_domain(p)},
                        {"description", p.description}};
    if (p.kind == ModelParam::Kind::kInteger || p.kind == ModelParam::Kind::kNumber) {
      j["min"] = p.min;
      j["min_exclusive"] = p.min_exclusive;
      if (std::isfinite(p.max)) j["max"] = p.max;
    }
    if (!p.choices.empty()) j["choices"] = p.choices;
    params.push_back(std::move(j));
  }
  nlohmann::json tasks = nlohmann::json::array();
  for (Task t : a.tasks) tasks.push_back(std::string(task_name(t)));
  return {{"name", a.name}, {"title", a.title},       {"description", a.description},
          {"tasks", tasks}, {"sequence", a.sequence}, {"params", params}};
}

nlohmann::json models_catalogue_json(const ModelRegistry& registry) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : registry.all()) out.push_back(algorithm_json(a));
  return out;
}

std::string models_catalogue_markdown(const ModelRegistry& registry) {
  std::string md =
      "<!-- Generated from the model registry (src/ml/model_registry.cpp); do not edit. -->\n"
      "| algorithm | tasks | sequence |\n|---|---|---|\n";
  for (const auto& a : registry.all())
    md += "| [`" + a.name + "`](#" + a.name + ") | " + tasks_text(a) + " | " +
          (a.sequence ? "yes" : "no") + " |\n";
  for (const auto& a : registry.all()) {
    md += "\n### " + a.name + "\n\n**" + a.title + ".** " + a.description +
          "\n\nTasks: " + tasks_text(a) + ".\n\n";
    if (a.params.empty()) continue;
    md += "| parameter | default | allowed | meaning |\n|---|---|---|---|\n";
    for (const auto& p : a.params)
      md += "| `" + p.name + "` | " + default_text(p) + " | " + param_domain(p) + " | " +
            p.description + " |\n";
  }
  return md;
}

}  // namespace nocode::ml
