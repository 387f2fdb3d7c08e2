// Condition kinds: every `condition` the Alphintra editor offers (98 kinds in
// 9 groups, see ../shared/editor/EDITOR_FORMAT.md 2.4 and 4.2), each a pure
// function from series to a per-bar boolean signal, declared once in a
// registry (name, synonyms, group, what it reads, definition).
//
// Semantics shared by all kinds (4.2): L is the series on data-input, R the
// series on value-input or else the constant `value`; NaN anywhere in what a
// bar reads makes that bar false; crossovers compare against the previous
// bar; confirmationBars N > 0 means N+1 consecutive true bars (applied by
// evaluate_condition after the kind's kernel). No kind reads a future bar.
// Kernels are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nocode {
class Frame;
}

namespace nocode::engine {

using Signal = std::vector<uint8_t>;  // 1 = true, 0 = false, one per bar

// The condition form's parameters (editor names in comments), defaults as the
// editor's form.
struct ConditionParams {
  double value = 0;                         // value ("Threshold Value")
  double value2 = 100;                      // value2 (range / outside_range upper bound)
  int lookback = 1;                         // lookback 1..200
  double sensitivity = 1.0;                 // sensitivity 0.1..5 (no backend uses it)
  int confirmation_bars = 0;                // confirmationBars 0..20
  double percentage_threshold = 5.0;        // percentageThreshold 0.1..50
  std::string higher_timeframe = "1h";      // higherTimeframe
  std::string trend_strength = "moderate";  // weak|moderate|strong|very_strong
  std::string divergence_type = "regular";  // regular|hidden|exaggerated
  double volume_threshold = 2.0;            // volumeThreshold (x average)
  int volume_period = 20;                   // volumePeriod
  std::string pattern_strength = "moderate";
  int pattern_min_bars = 10;           // patternMinBars
  int structure_lookback = 50;         // structureLookback
  double level_spacing = 20;           // levelSpacing
  int volatility_period = 20;          // volatilityPeriod
  double volatility_multiplier = 1.5;  // volatilityMultiplier
  int correlation_period = 50;         // correlationPeriod
  double correlation_threshold = 0.7;  // correlationThreshold
  bool invert = false;                 // invertCondition (index-era): negate the result
};

// What one evaluation sees. Series pointers are null when not wired.
struct ConditionInputs {
  size_t n = 0;
  const double* left = nullptr;   // data-input (L); if null the kind may use bars->close
  const double* right = nullptr;  // value-input (R); null = use params.value
  const double* aux = nullptr;    // aux-input (a third series: reference symbol, ...)
  const Frame* bars = nullptr;    // OHLCV of the workflow's data source (timestamps too)
};

// What a kind needs beyond L (checked by validation before evaluation).
enum ConditionNeeds : unsigned {
  kNeedsLeft = 1u << 0,   // a series on data-input (else close is used)
  kNeedsRight = 1u << 1,  // a series on value-input (a constant is not enough)
  kNeedsAux = 1u << 2,    // a series on aux-input (reference symbol, VIX, ...)
  kNeedsBars = 1u << 3,   // OHLCV bars
};

using ConditionKernel = void (*)(const ConditionInputs& in, const ConditionParams& params,
                                 uint8_t* out);

struct ConditionSpec {
  std::string name;                   // editor value, e.g. "crossover"
  std::vector<std::string> synonyms;  // e.g. "cross_above", "crosses_above", ">"
  std::string group;                  // comparison, crossover, trend, pattern, timeframe, volume,
                                      // structure, volatility, correlation
  unsigned needs = kNeedsLeft;
  std::vector<std::string> params;  // editor parameter names it reads, e.g. {"value", "lookback"}
  ConditionKernel kernel = nullptr;
  std::string definition;               // exact rule, for docs/workflow.md
  std::string unavailable_reason;       // non-empty: cannot be evaluated with price data alone
  std::vector<std::string> indicators;  // indicator-registry names the kernel computes; checked
                                        // by evaluate_condition (clear error if one is missing)
  std::string reads;                    // what the user wires where (data-/value-/aux-input), docs
};

const std::vector<ConditionSpec>& condition_specs();
// By name or synonym, case-insensitive; error lists the nearest names.
Result<const ConditionSpec*> find_condition(std::string_view name);

// Runs the kind's kernel, then applies confirmation bars and invert.
Result<Signal> evaluate_condition(const ConditionSpec& spec, const ConditionInputs& in,
                                  const ConditionParams& params);

// Checks everything evaluate_condition needs (wiring by `needs`, bars length
// and columns, indicators present, parameter ranges and choice values) without
// running the kernel. Errors name the editor parameter or handle.
Status check_condition(const ConditionSpec& spec, const ConditionInputs& in,
                       const ConditionParams& params);

// docs/conditions.md: a table of every kind generated from the registry.
std::string conditions_markdown();

// Logic gates over input signals in handle order (AND, OR, NOT, XOR, MAJORITY;
// case-insensitive). No inputs -> all false. NOT negates the first input.
Result<Signal> evaluate_logic(std::string_view operation, const std::vector<const Signal*>& inputs,
                              size_t n);

}  // namespace nocode::engine
