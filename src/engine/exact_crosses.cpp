// Strict crossings of pandas-exact SMAs (see exact_crosses.h).
#include "engine/exact_crosses.h"

#include "backtest/rolling_mean.h"
#include "data/frame.h"

namespace nocode::engine {
namespace {

using workflow::Plan;
using workflow::Step;
using workflow::StepKind;

// The pandas-exact SMA behind binding `b`, when its producer is an `sma`
// indicator over a price column of the traded bars.
std::optional<std::vector<double>> exact_sma(const Plan& plan, const workflow::InputBinding& b,
                                             const Frame& bars, const std::string& bars_column) {
  const Step& ind = plan.steps[b.step];
  if (ind.kind != StepKind::kIndicator || !ind.indicator || !ind.indicator->spec) return {};
  const auto& binding = *ind.indicator;
  if (binding.spec->name != "sma" || binding.input_columns.size() != 1) return {};
  const workflow::IndicatorOutput* out = nullptr;
  for (const auto& o : binding.outputs)
    if (o.handle == b.output) out = &o;
  if (!out || out->spec != binding.spec || out->output_index != 0) return {};
  if (ind.inputs.size() != 1 || ind.inputs[0].column != bars_column) return {};
  const std::string& col = binding.input_columns[0];
  if (col != "open" && col != "high" && col != "low" && col != "close") return {};
  const std::vector<double>* price = bars.column(col);
  const int period = binding.params.integer(0);
  if (!price || period < 1) return {};
  return backtest::rolling_mean(*price, static_cast<size_t>(period));
}

}  // namespace

std::optional<Signal> exact_cross(const Plan& plan, const Step& cond, const Frame& bars,
                                  const std::string& bars_column) {
  if (cond.kind != StepKind::kCondition || !cond.condition) return {};
  const std::string& name = cond.condition->name;
  if (name != "crossover" && name != "crossunder") return {};
  const ConditionParams& p = cond.condition_params;
  if (p.confirmation_bars != 0 || p.invert) return {};
  const workflow::InputBinding *left = nullptr, *right = nullptr;
  for (const auto& b : cond.inputs) {
    if (b.handle == "data-input" && !left) left = &b;
    else if (b.handle == "value-input" && !right) right = &b;
    else return {};
  }
  if (!left) return {};
  auto a = exact_sma(plan, *left, bars, bars_column);
  if (!a) return {};
  std::vector<double> b(a->size(), p.value);
  if (right) {
    auto r = exact_sma(plan, *right, bars, bars_column);
    if (!r) return {};
    b = std::move(*r);
  }
  const double dir = name == "crossover" ? 1.0 : -1.0;
  Signal out(a->size(), 0);
  for (size_t t = 1; t < out.size(); ++t)  // NaN compares false: no cross
    out[t] = dir * ((*a)[t - 1] - b[t - 1]) < 0 && dir * ((*a)[t] - b[t]) > 0;
  return out;
}

}  // namespace nocode::engine
