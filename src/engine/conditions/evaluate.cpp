// Checking inputs and parameters of a condition, running its kernel, then
// confirmation bars and invert.
#include <algorithm>
#include <string>

#include "common/strings.h"
#include "data/frame.h"
#include "engine/conditions/series_ops.h"
#include "engine/conditions/timeframe_buckets.h"
#include "indicators/registry.h"

namespace nocode::engine {
namespace {

Status out_of_range(const char* param, double got, double lo, double hi) {
  return Status::invalid_argument(std::string(param) + ": expected a number in [" +
                                  format_double(lo) + ", " + format_double(hi) + "], got " +
                                  format_double(got));
}

Status check_choice(const char* param, const std::string& got,
                    const std::vector<std::string>& valid) {
  for (const auto& v : valid)
    if (iequals(v, got)) return Status::ok();
  std::string msg =
      std::string(param) + ": unknown value '" + got + "'; expected " + quoted_list(valid);
  auto near = nearest_names(got, valid, 1);
  if (!near.empty()) msg += "; did you mean " + quoted_list(near) + "?";
  return Status::invalid_argument(msg);
}

Status check_params(const ConditionParams& p) {
  struct Range {
    const char* name;
    double got, lo, hi;
  };
  const Range ranges[] = {
      {"lookback", double(p.lookback), 1, 100000},
      {"sensitivity", p.sensitivity, 0, 1e6},
      {"confirmationBars", double(p.confirmation_bars), 0, 100000},
      {"percentageThreshold", p.percentage_threshold, 0, 1e6},
      {"volumeThreshold", p.volume_threshold, 0, 1e6},
      {"volumePeriod", double(p.volume_period), 1, 100000},
      {"patternMinBars", double(p.pattern_min_bars), 1, 100000},
      {"structureLookback", double(p.structure_lookback), 1, 100000},
      {"levelSpacing", p.level_spacing, 0, 1e9},
      {"volatilityPeriod", double(p.volatility_period), 2, 100000},
      {"volatilityMultiplier", p.volatility_multiplier, 0, 1e6},
      {"correlationPeriod", double(p.correlation_period), 3, 100000},
      {"correlationThreshold", p.correlation_threshold, -1, 1},
  };
  for (const Range& r : ranges)
    if (!(r.got >= r.lo && r.got <= r.hi)) return out_of_range(r.name, r.got, r.lo, r.hi);
  const std::vector<std::string> strengths = {"weak", "moderate", "strong", "very_strong"};
  NOCODE_RETURN_IF_ERROR(check_choice("trendStrength", p.trend_strength, strengths));
  NOCODE_RETURN_IF_ERROR(check_choice("patternStrength", p.pattern_strength, strengths));
  NOCODE_RETURN_IF_ERROR(
      check_choice("divergenceType", p.divergence_type, {"regular", "hidden", "exaggerated"}));
  if (!parse_timeframe(p.higher_timeframe).is_ok())
    return parse_timeframe(p.higher_timeframe).status();
  return Status::ok();
}

Status check_wiring(const ConditionSpec& s, const ConditionInputs& in) {
  const std::string kind = "condition '" + s.name + "'";
  if (in.bars && in.bars->rows() != in.n)
    return Status::invalid_argument(kind + ": the bars have " + std::to_string(in.bars->rows()) +
                                    " rows but the inputs have " + std::to_string(in.n));
  if ((s.needs & kNeedsLeft) && !ops::left_series(in))
    return Status::invalid_argument(kind + ": nothing on data-input and no close column to use");
  if ((s.needs & kNeedsRight) && !in.right)
    return Status::invalid_argument(kind + ": expected a series on value-input");
  if ((s.needs & kNeedsAux) && !in.aux)
    return Status::invalid_argument(kind + ": expected a series on aux-input (" + s.reads + ")");
  if ((s.needs & kNeedsBars) && (!in.bars || !in.bars->has_ohlc()))
    return Status::invalid_argument(
        kind + ": expected bars with open, high, low, close columns from the data source");
  if ((s.needs & kNeedsBars) && s.group == "volume" && !in.bars->has_column("volume"))
    return Status::invalid_argument(kind + ": expected a volume column in the bars");
  return Status::ok();
}

}  // namespace

Status check_condition(const ConditionSpec& spec, const ConditionInputs& in,
                       const ConditionParams& params) {
  if (!spec.unavailable_reason.empty())
    return Status::unsupported("condition '" + spec.name +
                               "' is unavailable: " + spec.unavailable_reason);
  if (!spec.kernel) return Status::internal("condition '" + spec.name + "' has no kernel");
  for (const std::string& name : spec.indicators) {
    if (!indicators::builtin_registry().find(name))
      return Status::not_found("condition '" + spec.name + "' needs indicator '" + name +
                               "', which the indicator registry does not have");
  }
  NOCODE_RETURN_IF_ERROR(check_wiring(spec, in));
  return check_params(params).with_context("condition '" + spec.name + "'");
}

Result<Signal> evaluate_condition(const ConditionSpec& spec, const ConditionInputs& in,
                                  const ConditionParams& params) {
  if (in.n == 0 && spec.unavailable_reason.empty()) {  // nothing to read: parameters only
    NOCODE_RETURN_IF_ERROR(check_params(params).with_context("condition '" + spec.name + "'"));
    return Signal{};
  }
  NOCODE_RETURN_IF_ERROR(check_condition(spec, in, params));
  Signal raw(in.n, 0);
  spec.kernel(in, params, raw.data());
  Signal out(in.n, 0);
  const size_t need = static_cast<size_t>(params.confirmation_bars) + 1;
  size_t run = 0;  // consecutive true bars ending at t
  for (size_t t = 0; t < in.n; ++t) {
    run = raw[t] ? run + 1 : 0;
    out[t] = run >= need;
    if (params.invert) out[t] = !out[t];
  }
  return out;
}

}  // namespace nocode::engine
