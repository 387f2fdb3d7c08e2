// Strict crossings of pandas-exact SMAs (see exact_crosses.h).
#include "engine/exact_crosses.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <cmath>

#include "backtest/rolling_mean.h"
#include "common/value_scan.h"
#include "engine/cross_filter.h"
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

// The means side by side (independent chains overlap), a block of bars at a
// time into a small buffer that stays in L1; then each cross over the block
// from the current and previous means (a branch-free loop that vectorizes).
// Bars [0, n) only; M: the number of means when fixed at compile time, 0 =
// sources.size().
template <size_t M>
void stream_crosses(const std::vector<SmaSource>& sources, const std::vector<const double*>& prices,
                    const std::vector<CrossSpec>& crosses, size_t n,
                    std::vector<std::vector<size_t>>& out) {
  constexpr size_t kBlock = 1024;
  const size_t m = M ? M : sources.size();
  std::vector<backtest::RollingMean> heap;
  auto fixed = [&]<size_t... K>(std::index_sequence<K...>) {
    return std::array<backtest::RollingMean, sizeof...(K)>{
        backtest::RollingMean(sources[K < m ? K : 0].period)...};
  }(std::make_index_sequence<M ? M : 1>());
  if (!M)
    for (const SmaSource& s : sources) heap.emplace_back(s.period);
  backtest::RollingMean* means = M ? fixed.data() : heap.data();
  // Row k of the block: mean k at bars t0 - 1 .. t0 + kBlock - 1 (slot 0 the
  // previous block's last).
  std::vector<double> block(m * (kBlock + 1), std::nan(""));
  std::vector<uint8_t> fired(kBlock);
  for (size_t t0 = 0; t0 < n; t0 += kBlock) {
    const size_t len = std::min(kBlock, n - t0);
    for (size_t j = 0; j < len; ++j)
      for (size_t k = 0; k < m; ++k)
        block[k * (kBlock + 1) + 1 + j] = means[k].update(prices[k], t0 + j);
    for (const CrossSpec& x : crosses) {  // NaN compares false: no cross
      const double* l = &block[x.left * (kBlock + 1)];
      const bool konst = x.right == CrossSpec::kConstant;
      const double* r = konst ? nullptr : &block[x.right * (kBlock + 1)];
      uint8_t* o = fired.data();
      const double dir = x.dir, v = x.value;
      if (konst) {
        for (size_t j = 0; j < len; ++j)
          o[j] = (dir * (l[j] - v) < 0) & (dir * (l[j + 1] - v) > 0);
      } else {
        for (size_t j = 0; j < len; ++j)
          o[j] = (dir * (l[j] - r[j]) < 0) & (dir * (l[j + 1] - r[j + 1]) > 0);
      }
      append_set_bytes(o, len, t0, out[&x - crosses.data()]);
    }
    for (size_t k = 0; k < m; ++k) block[k * (kBlock + 1)] = block[k * (kBlock + 1) + len];
  }
}

}  // namespace

bool is_exact_cross(const Plan& plan, const Step& cond, const std::string& bars_column) {
  return cross_shape(plan, cond, bars_column).has_value();
}

std::optional<std::vector<std::vector<size_t>>> exact_crosses(
    const Plan& plan, const std::vector<const Step*>& conds, const Frame& bars,
    const std::string& bars_column) {
  std::vector<SmaSource> sources;
  std::vector<const double*> prices;
  auto mean_of = [&](const SmaSource& s) -> std::optional<size_t> {
    for (size_t k = 0; k < sources.size(); ++k)
      if (sources[k].period == s.period && sources[k].column == s.column) return k;
    const std::vector<double>* p = bars.column(s.column);
    if (!p) return std::nullopt;
    sources.push_back(s);
    prices.push_back(p->data());
    return sources.size() - 1;
  };
  std::vector<CrossSpec> crosses;
  for (const Step* c : conds) {
    std::optional<CrossShape> s = cross_shape(plan, *c, bars_column);
    if (!s) return std::nullopt;
    std::optional<size_t> l = mean_of(s->left);
    std::optional<size_t> r = s->right ? mean_of(*s->right) : CrossSpec::kConstant;
    if (!l || !r) return std::nullopt;
    crosses.push_back(CrossSpec{s->dir, s->value, *l, *r});
  }
  std::vector<MeanSource> filter_sources;
  for (size_t k = 0; k < sources.size(); ++k)
    filter_sources.push_back(MeanSource{prices[k], sources[k].period});
  FilteredCrosses decided = filter_crosses(filter_sources, crosses, bars.rows());
  std::vector<std::vector<size_t>> out(crosses.size());
  const size_t exact = decided.exact_from;
  switch (sources.size()) {  // a fixed count keeps the means' state in registers
    case 0: break;
    case 1: stream_crosses<1>(sources, prices, crosses, exact, out); break;
    case 2: stream_crosses<2>(sources, prices, crosses, exact, out); break;
    case 3: stream_crosses<3>(sources, prices, crosses, exact, out); break;
    case 4: stream_crosses<4>(sources, prices, crosses, exact, out); break;
    default: stream_crosses<0>(sources, prices, crosses, exact, out); break;
  }
  for (size_t k = 0; k < out.size(); ++k)
    out[k].insert(out[k].end(), decided.bars[k].begin(), decided.bars[k].end());
  return out;
}

std::optional<size_t> exact_warmup(const Plan& plan, const std::vector<const Step*>& conds,
                                   const Frame& bars, const std::string& bars_column) {
  size_t warmup = 0;
  std::vector<std::string> checked;
  auto ok = [&](const SmaSource& s) {
    const std::vector<double>* p = bars.column(s.column);
    if (!p || s.period < 2 || s.period > p->size()) return false;
    warmup = std::max(warmup, s.period - 1);
    if (std::find(checked.begin(), checked.end(), s.column) != checked.end()) return true;
    checked.push_back(s.column);
    return !scan_values(*p).has_nan;
  };
  for (const Step* c : conds) {
    std::optional<CrossShape> s = cross_shape(plan, *c, bars_column);
    if (!s || !ok(s->left) || (s->right && !ok(*s->right))) return std::nullopt;
  }
  return warmup;
}

}  // namespace nocode::engine
