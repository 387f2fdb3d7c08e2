// Strict crossings of pandas-exact SMAs (see exact_crosses.h).
#include "engine/exact_crosses.h"

#include <algorithm>
#include <cmath>

#include "backtest/rolling_mean.h"
#include "data/frame.h"

namespace nocode::engine {
namespace {

using workflow::Plan;
using workflow::Step;
using workflow::StepKind;

// What an SMA binding reads: a price column of the traded bars, a period.
struct SmaSource {
  std::string column;
  size_t period = 0;
};

// The SMA behind binding `b`, when its producer is an `sma` indicator over a
// price column of the traded bars.
std::optional<SmaSource> sma_source(const Plan& plan, const workflow::InputBinding& b,
                                    const std::string& bars_column) {
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
  const int period = binding.params.integer(0);
  if (period < 1) return {};
  return SmaSource{col, static_cast<size_t>(period)};
}

// The condition's shape: direction, left SMA, right SMA or constant.
struct CrossShape {
  double dir = 1.0;
  SmaSource left;
  std::optional<SmaSource> right;  // none: the constant `value`
  double value = 0;
};

std::optional<CrossShape> cross_shape(const Plan& plan, const Step& cond,
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
  CrossShape s;
  s.dir = name == "crossover" ? 1.0 : -1.0;
  s.value = p.value;
  std::optional<SmaSource> l = sma_source(plan, *left, bars_column);
  if (!l) return {};
  s.left = std::move(*l);
  if (right) {
    s.right = sma_source(plan, *right, bars_column);
    if (!s.right) return {};
  }
  return s;
}

}  // namespace

const std::vector<double>& ExactSmas::get(const std::vector<double>& price,
                                          const std::string& column, size_t period) {
  for (const Entry& e : entries_)
    if (e.period == period && e.column == column) return e.mean;
  entries_.push_back(Entry{column, period, backtest::rolling_mean(price, period)});
  return entries_.back().mean;
}

size_t ExactSmas::max_leading_nans() const {
  size_t w = 0;
  for (const Entry& e : entries_) {
    const auto it = std::find_if(e.mean.begin(), e.mean.end(), [](double v) { return !std::isnan(v); });
    w = std::max(w, static_cast<size_t>(it - e.mean.begin()));
  }
  return w;
}

bool ExactSmas::warmup_as_engine(const Frame& bars) const {
  for (const Entry& e : entries_) {
    const std::vector<double>* price = bars.column(e.column);
    if (!price || e.period < 2 || e.period > price->size()) return false;
    if (std::any_of(price->begin(), price->end(), [](double v) { return std::isnan(v); })) return false;
  }
  return true;
}

bool is_exact_cross(const Plan& plan, const Step& cond, const std::string& bars_column,
                    size_t* max_period) {
  std::optional<CrossShape> s = cross_shape(plan, cond, bars_column);
  if (!s) return false;
  if (max_period) {
    *max_period = std::max(*max_period, s->left.period);
    if (s->right) *max_period = std::max(*max_period, s->right->period);
  }
  return true;
}

std::optional<Signal> exact_cross(const Plan& plan, const Step& cond, const Frame& bars,
                                  const std::string& bars_column, ExactSmas* memo) {
  std::optional<CrossShape> s = cross_shape(plan, cond, bars_column);
  if (!s) return {};
  const std::vector<double>* lp = bars.column(s->left.column);
  const std::vector<double>* rp = s->right ? bars.column(s->right->column) : nullptr;
  if (!lp || (s->right && !rp)) return {};
  ExactSmas local;
  ExactSmas& m = memo ? *memo : local;
  const std::vector<double>& a = m.get(*lp, s->left.column, s->left.period);
  const std::vector<double>* b = s->right ? &m.get(*rp, s->right->column, s->right->period) : nullptr;
  const double dir = s->dir, c = s->value;
  Signal out(a.size(), 0);
  for (size_t t = 1; t < out.size(); ++t) {  // NaN compares false: no cross
    const double b0 = b ? (*b)[t - 1] : c, b1 = b ? (*b)[t] : c;
    out[t] = dir * (a[t - 1] - b0) < 0 && dir * (a[t] - b1) > 0;
  }
  return out;
}

}  // namespace nocode::engine
