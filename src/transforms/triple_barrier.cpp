// triple_barrier: the triple-barrier label of Lopez de Prado, "Advances in
// Financial Machine Learning" (2018), ch. 3. From close[t], walk bars
// t+1..t+horizon until the take-profit or stop-loss barrier is touched;
// a bar touching both counts as the stop-loss (conservative). O(horizon) per
// row at worst.
#include <cmath>

#include "transforms/spec_helpers.h"

namespace nocode::transforms {
namespace {

enum Vertical { kZero = 0, kSign = 1 };

struct Barrier {
  double label = kNaN;
  double offset = kNaN;
};

struct Path {
  const double* close;
  const double* high;  // may be null: close is used
  const double* low;   // may be null: close is used
};

Barrier label_row(const Path& path, size_t t, size_t h, double tp, double sl, int vertical) {
  const double c0 = path.close[t];
  if (std::isnan(c0) || c0 <= 0) return {};
  const double upper = c0 * (1.0 + tp), lower = c0 * (1.0 - sl);
  for (size_t j = t + 1; j <= t + h; ++j) {
    const double hi = path.high ? path.high[j] : path.close[j];
    const double lo = path.low ? path.low[j] : path.close[j];
    if (std::isnan(hi) || std::isnan(lo)) return {};  // unknown before any touch
    const double offset = static_cast<double>(j - t);
    if (lo <= lower) return {-1.0, offset};  // also when the upper is touched in this bar
    if (hi >= upper) return {1.0, offset};
  }
  const double end = path.close[t + h];
  if (vertical == kZero) return {0.0, static_cast<double>(h)};
  if (std::isnan(end)) return {};
  return {end > c0 ? 1.0 : (end < c0 ? -1.0 : 0.0), static_cast<double>(h)};
}

void triple_barrier_kernel(const KernelInput& in, const Params& p, double* const* out) {
  const size_t h = static_cast<size_t>(p.integer(0));
  const double tp = p.real(1) / 100.0, sl = p.real(2) / 100.0;
  const Path path{in.series[0], in.series[1], in.series[2]};
  for (size_t t = 0; t < in.n; ++t) {
    const Barrier b = t + h < in.n ? label_row(path, t, h, tp, sl, p.choice(3)) : Barrier{};
    out[0][t] = b.label;
    out[1][t] = b.offset;
  }
}

}  // namespace

Status register_triple_barrier_label(Registry& r) {
  TransformSpec s;
  s.name = "triple_barrier";
  s.aliases = {"triplebarrier", "tbm"};
  s.title = "Triple-barrier label";
  s.group = "label";
  s.inputs = {series_input("close", "closing prices"),
              {"high", InputType::kSeries, true, "bar highs (optional: close is used)"},
              {"low", InputType::kSeries, true, "bar lows (optional: close is used)"}};
  s.params = {
      horizon_param(),
      {"take_profit", {"takeProfit", "tp", "upper"}, ParamType::kReal, 2, 0.01, 1000, {},
       "upper barrier, percent above close[t]"},
      {"stop_loss", {"stopLoss", "sl", "lower"}, ParamType::kReal, 1, 0.01, 100, {},
       "lower barrier, percent below close[t]"},
      {"vertical", {"vertical_barrier"}, ParamType::kChoice, kZero, 0, 0, {"zero", "sign"},
       "label when no barrier is touched by t + horizon: 0, or the sign of the return"},
  };
  s.outputs = {"label", "touch_offset"};
  s.lookback = zero_rows;
  s.lookahead = param0;
  s.reads_future = true;
  s.kernel = triple_barrier_kernel;
  s.definition =
      "Barriers from close[t]: upper `close[t] * (1 + take_profit/100)`, lower "
      "`close[t] * (1 - stop_loss/100)`, vertical at bar t + horizon. Bars j = t+1..t+horizon "
      "are scanned in order; bar j touches the upper barrier when `high[j] >= upper` and the "
      "lower when `low[j] <= lower` (close[j] stands in for a missing high or low input). "
      "`label = +1` if the upper barrier is touched first, `-1` if the lower is; a bar touching "
      "both counts as the stop-loss (-1), since the order inside a bar is unknown. If neither "
      "is touched: `vertical = zero` gives 0, `vertical = sign` gives the sign of "
      "`close[t+horizon] - close[t]` (+1, -1, or 0 if equal). `touch_offset = j - t` for the "
      "touching bar, `horizon` at the vertical barrier. Lopez de Prado, Advances in Financial "
      "Machine Learning (2018), ch. 3.2.";
  s.nan_rule =
      "The last `horizon` rows are NaN (both outputs); NaN where close[t] is NaN or <= 0, where "
      "a bar scanned before the first touch has a NaN high/low/close, or (vertical = sign) "
      "where close[t + horizon] is NaN.";
  return r.add(std::move(s));
}

}  // namespace nocode::transforms
