// Binding an editor technicalIndicator node to the indicator registry: the
// editor's `indicator` value (case-insensitive, registry names and aliases:
// BB, WILLIAMS, UO, PSAR, Stochastic, LSMA, KC, DC, ...) to an IndicatorSpec,
// the editor's parameter names (period, fastPeriod, multiplier, kPeriod, ...)
// to the spec's parameters, `source` to the column each input reads, and
// output-1..5 to the spec's outputs in the editor's order
// (EDITOR_FORMAT.md 2.3). Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "workflow/diagnostic.h"
#include "workflow/document.h"
#include "workflow/plan.h"

namespace nocode::workflow {

// `params` are the node's parameters after substitution, before catalogue
// defaults (so "given" and "defaulted" can be told apart). Editor parameters
// the indicator does not take are dropped with one info diagnostic
// (unused_indicator_parameter); registry parameter names (nbdev_up,
// atr_period, ...) are accepted as well. Problems are errors naming the node
// and parameter pointer: unknown indicator (with the nearest names), values
// outside the indicator's ranges.
std::optional<IndicatorBinding> bind_indicator(const Node& node, const nlohmann::json& params,
                                               Diagnostics& diags);

// Every name the editor may write for an indicator (registry names and
// aliases), for suggestions.
std::vector<std::string> indicator_names();

// "rsi(period=14)" / "bbands(period=20, nbdev_up=2, nbdev_down=2, ma_type=sma)".
std::string describe_indicator(const indicators::IndicatorSpec& spec,
                               const indicators::Params& params);

}  // namespace nocode::workflow
