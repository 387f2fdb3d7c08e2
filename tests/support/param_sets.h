// Parameter settings every generic indicator test runs: the defaults, a
// "larger" and a "smaller" setting derived from each parameter's default and
// range, and every moving-average type for indicators that take one.
#pragma once

#include <string>
#include <vector>

#include "indicators/indicator.h"

namespace nocode::testing {

struct NamedParams {
  std::string label;  // "defaults", "larger", "smaller", "matype=ema", ...
  indicators::Params params;
};

std::vector<NamedParams> param_sets(const indicators::IndicatorSpec& spec);

// "period=14 fastk_period=5"
std::string describe(const indicators::IndicatorSpec& spec, const indicators::Params& params);

// Tolerance used against TA-Lib: |a-b| <= 1e-9 * max(|a|, |b|, floor), where
// floor is 1e-3 of the output series' RMS so values crossing zero are judged
// against the series' scale. NaN must match NaN.
bool close_enough(double ours, double ref, double floor);

}  // namespace nocode::testing
