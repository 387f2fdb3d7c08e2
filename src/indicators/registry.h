// The indicator registry: every indicator by name, and the operations that
// go through it (parameter resolution, computing on arrays or a Frame).
//
// The built-in registry is filled once (builtin.cpp, an explicit table) on
// first use and is immutable afterwards, so it is safe to read from any thread.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "indicators/indicator.h"

namespace nocode {
class Frame;
}

namespace nocode::indicators {

class Registry {
 public:
  // Adds a spec; rejects a name, TA-Lib name or alias already taken, and specs
  // that break the declaration rules (missing kernel, default out of range...).
  Status add(IndicatorSpec spec);

  // Case-insensitive lookup by name, TA-Lib name or alias; nullptr if unknown.
  const IndicatorSpec* find(std::string_view name) const;
  // As find(), but an unknown name is an error listing the nearest names.
  Result<const IndicatorSpec*> lookup(std::string_view name) const;

  const std::vector<IndicatorSpec>& all() const { return specs_; }

 private:
  std::vector<IndicatorSpec> specs_;
  std::map<std::string, size_t> index_;  // lowercase key -> position in specs_
};

// The registry with every built-in indicator.
const Registry& builtin_registry();

// Fills `registry` with the built-in indicators (builtin.cpp).
Status register_builtin_indicators(Registry& registry);

// Resolves user parameters (by name or alias, case-insensitive) against the
// spec: defaults for missing ones; errors for unknown names (with the nearest
// valid names), non-integers where an integer is expected, and values outside
// the valid range (naming the range).
Result<Params> resolve_params(const IndicatorSpec& spec,
                              const std::vector<std::pair<std::string, double>>& given);
// As above with textual values ("14", "2.5", "ema").
Result<Params> resolve_params_text(const IndicatorSpec& spec,
                                   const std::vector<std::pair<std::string, std::string>>& given);

// Defaults for every parameter.
Params default_params(const IndicatorSpec& spec);

// Computes all outputs over `n` rows; inputs.size() must equal spec.inputs.size().
std::vector<std::vector<double>> compute(const IndicatorSpec& spec, const Params& params,
                                         const std::vector<const double*>& inputs, size_t n);

// Which Frame column feeds each generic input (kReal, kReal0, kReal1).
struct InputBinding {
  std::string real = "close";
  std::string real0 = "close";
  std::string real1 = "open";
};

// Computes on a Frame's columns; errors name a missing column.
Result<std::vector<std::vector<double>>> compute_on_frame(const IndicatorSpec& spec,
                                                          const Params& params,
                                                          const Frame& frame,
                                                          const InputBinding& binding = {});

// Parses a moving-average type name or number ("ema", "1") into 0..8.
Result<int> parse_ma_type(std::string_view text);
const char* ma_type_name(int ma_type);

}  // namespace nocode::indicators
