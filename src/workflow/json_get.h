// Internal to src/workflow: reading parameter values that may have any JSON
// type without throwing (a value of the wrong type gives the fallback). Pure.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "common/strings.h"

namespace nocode::workflow {

// A string as is, a number as its shortest text; otherwise `fallback`.
inline std::string text_at(const nlohmann::json& object, const char* key,
                           const std::string& fallback) {
  if (!object.is_object()) return fallback;
  auto it = object.find(key);
  if (it == object.end()) return fallback;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return format_double(it->get<double>());
  return fallback;
}

inline double number_at(const nlohmann::json& object, const char* key, double fallback) {
  if (!object.is_object()) return fallback;
  auto it = object.find(key);
  return it != object.end() && it->is_number() ? it->get<double>() : fallback;
}

}  // namespace nocode::workflow
