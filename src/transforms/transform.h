// ML data-preparation kernels: feature transforms (lag, returns, rolling
// statistics, arithmetic, crossover, calendar) and labels (forward return,
// direction, triple barrier), each declared once as a TransformSpec in the
// transform registry, like the indicator registry (indicators/registry.h).
//
// Contracts every spec keeps:
//  * kernel(in, params, out) writes all in.n rows of every output.
//  * Feature transforms are causal: output row t reads input rows <= t only,
//    so cutting the input to k rows leaves the first k outputs unchanged.
//    The first lookback(params) rows are NaN (warm-up).
//  * Labels read the future (reads_future = true): row t reads rows
//    t..t+lookahead(params); the last lookahead(params) rows are NaN. A label
//    must never feed a feature; the workflow compiler forbids such edges.
//  * A NaN input makes every output row that reads it NaN (each spec's
//    definition says exactly which rows).
//  * Kernels are pure (no globals) and safe to call from many threads.
//
// The built-in registry is filled once on first use (an explicit table in
// registry.cpp) and is immutable afterwards, so it is safe to read from any
// thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nocode::transforms {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

enum class InputType {
  kSeries,      // a numeric series (double per row, NaN = missing)
  kTimestamps,  // the rows' int64 UTC nanosecond timestamps
};

struct InputSpec {
  std::string name;  // "x", "a", "b", "close", "high", "low", "timestamps"
  InputType type = InputType::kSeries;
  bool optional = false;  // may be absent (kernel sees nullptr)
  std::string description;
};

enum class ParamType {
  kInteger,  // whole number in [min, max]
  kReal,     // any number in [min, max]
  kChoice,   // one of `choices`, given by name; stored as its index
};

struct ParamSpec {
  std::string name;                  // our name, e.g. "period"
  std::vector<std::string> aliases;  // other accepted names, e.g. editor "takeProfit"
  ParamType type = ParamType::kInteger;
  double default_value = 0;          // for kChoice: index into choices
  double min = 0;                    // inclusive (not used by kChoice)
  double max = 0;                    // inclusive (not used by kChoice)
  std::vector<std::string> choices;  // kChoice only
  std::string description;
};

// Resolved parameter values in ParamSpec order; every value is in range.
struct Params {
  std::vector<double> values;
  int integer(size_t i) const { return static_cast<int>(values[i]); }
  double real(size_t i) const { return values[i]; }
  int choice(size_t i) const { return static_cast<int>(values[i]); }
};

// The arrays a kernel reads: one pointer per declared series input in
// declaration order (nullptr for an absent optional one) and the timestamps
// when the spec declares them.
struct KernelInput {
  std::vector<const double*> series;
  const int64_t* timestamps = nullptr;
  size_t n = 0;
};

using RowsFn = int (*)(const Params& params);
// out: one array of in.n doubles per declared output.
using KernelFn = void (*)(const KernelInput& in, const Params& params, double* const* out);
// Cross-parameter checks beyond each range; nullptr if none.
using CheckFn = Status (*)(const Params& params);

struct TransformSpec {
  std::string name;                  // canonical lowercase id, e.g. "rolling_std"
  std::vector<std::string> aliases;  // other accepted names, e.g. {"pct_change"}
  std::string group;  // lag, returns, rolling, arithmetic, crossover, calendar, label
  std::string title;  // "Rolling standard deviation"
  std::vector<InputSpec> inputs;
  std::vector<ParamSpec> params;
  std::vector<std::string> outputs;
  RowsFn lookback = nullptr;   // leading rows without a value
  RowsFn lookahead = nullptr;  // trailing rows without a value (labels); nullptr = 0
  KernelFn kernel = nullptr;
  CheckFn check = nullptr;
  bool reads_future = false;  // labels: true; must never be used as a feature
  std::string definition;     // exact definition for the docs (Markdown)
  std::string nan_rule;       // how NaN inputs and divisions by zero come out
};

int lookback_of(const TransformSpec& spec, const Params& params);
int lookahead_of(const TransformSpec& spec, const Params& params);

// What a caller wants a name for; lookup() rejects the other kind.
enum class Purpose { kAny, kFeature, kLabel };

class Registry {
 public:
  // Adds a spec; rejects taken names/aliases and specs breaking the rules
  // (missing kernel, default out of range, label without lookahead...).
  Status add(TransformSpec spec);

  // Case-insensitive lookup by name or alias; nullptr if unknown.
  const TransformSpec* find(std::string_view name) const;
  // As find(), but an unknown name is an error with the nearest names of the
  // wanted purpose, and a label asked for as a feature (or the reverse) is an
  // error saying so.
  Result<const TransformSpec*> lookup(std::string_view name,
                                      Purpose purpose = Purpose::kAny) const;

  const std::vector<TransformSpec>& all() const { return specs_; }

 private:
  std::vector<TransformSpec> specs_;
  std::map<std::string, size_t> index_;  // lowercase key -> position in specs_
};

// Every built-in transform and label.
const Registry& builtin_registry();

// Resolves user parameters given as a JSON object ({"period": 20,
// "vertical": "sign"}; numbers may also be numeric strings) by name or alias,
// case-insensitively: defaults for missing ones; errors for unknown names
// (with the nearest valid names), non-integers where an integer is expected,
// unknown choices (listing the valid ones) and values outside the valid
// range (naming the range); then the spec's cross-parameter check.
Result<Params> resolve_params(const TransformSpec& spec, const nlohmann::json& given);
Params default_params(const TransformSpec& spec);

// Runs the kernel. `series` holds one array per declared series input, in
// order (nullptr allowed only for optional ones); `timestamps` is required
// when the spec declares it. Every array has n rows. Errors name the missing
// input.
Result<std::vector<std::vector<double>>> compute(const TransformSpec& spec, const Params& params,
                                                 const std::vector<const double*>& series,
                                                 const int64_t* timestamps, size_t n);

// The transform and label reference of docs/ml-data.md (Markdown), generated
// from the registry.
std::string transforms_markdown(const Registry& registry = builtin_registry());

}  // namespace nocode::transforms
