// Internal to src/engine/conditions: each group's specs (one source file per
// group of EDITOR_FORMAT.md 2.4), collected in one table by registry.cpp.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/conditions/condition.h"

namespace nocode::engine {

std::vector<ConditionSpec> comparison_specs();
std::vector<ConditionSpec> crossover_specs();
std::vector<ConditionSpec> trend_specs();
std::vector<ConditionSpec> pattern_specs();
std::vector<ConditionSpec> candle_specs();  // pattern group, candlestick kinds
std::vector<ConditionSpec> timeframe_specs();
std::vector<ConditionSpec> volume_specs();
std::vector<ConditionSpec> structure_specs();
std::vector<ConditionSpec> volatility_specs();
std::vector<ConditionSpec> correlation_specs();

// Trend proxies (trend_proxies.cpp), kernels of trend_specs().
void elliott_wave(const ConditionInputs& in, const ConditionParams& p, uint8_t* out);
void wyckoff_phase(const ConditionInputs& in, const ConditionParams& p, uint8_t* out);

// Builds a spec (keeps the group tables short).
inline ConditionSpec make_spec(std::string name, std::string group, unsigned needs,
                               std::vector<std::string> params, ConditionKernel kernel,
                               std::string reads, std::string definition,
                               std::vector<std::string> indicators = {},
                               std::vector<std::string> synonyms = {}) {
  ConditionSpec s;
  s.name = std::move(name);
  s.synonyms = std::move(synonyms);
  s.group = std::move(group);
  s.needs = needs;
  s.params = std::move(params);
  s.kernel = kernel;
  s.definition = std::move(definition);
  s.indicators = std::move(indicators);
  s.reads = std::move(reads);
  return s;
}

}  // namespace nocode::engine
