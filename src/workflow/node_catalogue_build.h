// Internal to the node-type catalogue: small builders that keep the tables in
// node_catalogue_*.cpp readable, and the functions that fill them. Used only
// while the catalogue is built (once, under the static-local initialisation
// of node_types()).
#pragma once

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "workflow/node_types.h"

namespace nocode::workflow::catalogue {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

inline HandleSpec handle(std::string id, DataType type, bool required, bool multiple,
                         std::string description) {
  HandleSpec h;
  h.id = std::move(id);
  h.type = type;
  h.required = required;
  h.multiple = multiple;
  h.description = std::move(description);
  return h;
}

// A parameter; `aliases` are older spellings the document layer renames.
inline NodeParamSpec param(std::string name, ParamKind kind, nlohmann::json default_value,
                           std::string description, std::vector<std::string> aliases = {}) {
  NodeParamSpec p;
  p.name = std::move(name);
  p.kind = kind;
  p.default_value = std::move(default_value);
  p.description = std::move(description);
  p.aliases = std::move(aliases);
  return p;
}

inline NodeParamSpec number(std::string name, nlohmann::json def, double min, double max,
                            std::string description, std::vector<std::string> aliases = {}) {
  NodeParamSpec p = param(std::move(name), ParamKind::kNumber, std::move(def),
                          std::move(description), std::move(aliases));
  p.min = min;
  p.max = max;
  return p;
}

inline NodeParamSpec integer(std::string name, nlohmann::json def, double min, double max,
                             std::string description, std::vector<std::string> aliases = {}) {
  NodeParamSpec p =
      number(std::move(name), std::move(def), min, max, std::move(description), std::move(aliases));
  p.kind = ParamKind::kInteger;
  return p;
}

inline NodeParamSpec choice(std::string name, nlohmann::json def, std::vector<std::string> choices,
                            std::string description, std::vector<std::string> aliases = {}) {
  NodeParamSpec p = param(std::move(name), ParamKind::kEnum, std::move(def), std::move(description),
                          std::move(aliases));
  p.choices = std::move(choices);
  return p;
}

// Free text with the editor's suggestions (not enforced).
inline NodeParamSpec text(std::string name, nlohmann::json def, std::string description,
                          std::vector<std::string> suggestions = {},
                          std::vector<std::string> aliases = {}) {
  NodeParamSpec p = param(std::move(name), ParamKind::kString, std::move(def),
                          std::move(description), std::move(aliases));
  p.choices = std::move(suggestions);
  return p;
}

inline NodeParamSpec flag(std::string name, bool def, std::string description) {
  return param(std::move(name), ParamKind::kBool, def, std::move(description));
}

void add_editor_node_types(std::vector<NodeTypeSpec>& out);    // node_catalogue_editor.cpp
void add_analysis_node_types(std::vector<NodeTypeSpec>& out);  // node_catalogue_editor.cpp
void add_ml_node_types(std::vector<NodeTypeSpec>& out);        // node_catalogue_ml.cpp

}  // namespace nocode::workflow::catalogue
