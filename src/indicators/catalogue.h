// The indicator catalogue, generated from the registry: JSON for the API and
// `nocode indicators list --json`, a terminal table, and the Markdown of
// docs/indicators.md. Pure functions of the registry.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "indicators/registry.h"

namespace nocode::indicators {

nlohmann::json spec_json(const IndicatorSpec& spec);
nlohmann::json catalogue_json(const Registry& registry);
std::string catalogue_table(const Registry& registry);
std::string catalogue_markdown(const Registry& registry);

}  // namespace nocode::indicators
