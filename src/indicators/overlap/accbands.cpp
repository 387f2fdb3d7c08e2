// ACCBANDS: Acceleration Bands (Headley), TA_ACCBANDS conventions.
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/overlap/ma_kernels.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct AccbandsState {
  static constexpr size_t kInputs = 3, kOutputs = 3;
  explicit AccbandsState(const Params& p)
      : upper(p.integer(0)), middle(p.integer(0)), lower(p.integer(0)) {}
  bool step(const double* bar, double* out) {
    const double h = bar[0], l = bar[1], c = bar[2];
    double ub = h, lb = l;
    const double sum = h + l;
    if (!(-ma::kTaEpsilon < sum && sum < ma::kTaEpsilon)) {
      const double r = 4 * (h - l) / sum;
      ub = h * (1 + r);
      lb = l * (1 - r);
    }
    const bool a = upper.step(ub, &out[0]);
    middle.step(c, &out[1]);
    lower.step(lb, &out[2]);
    return a;
  }
  ma::SmaCoreT<ma::Mode::kExact> upper, middle, lower;  // TA_SMA, bit for bit
};

int accbands_lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace

Status register_accbands(Registry& r) {
  IndicatorSpec s;
  s.name = "accbands";
  s.talib_name = "ACCBANDS";
  s.aliases = {"acceleration_bands"};
  s.group = "overlap";
  s.title = "Acceleration Bands";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {period_param(20)};
  s.outputs = {"upper", "middle", "lower"};
  s.lookback = accbands_lookback;
  s.batch = batch_by_state<AccbandsState>;
  s.stream = make_state_stream<AccbandsState>;
  s.definition =
      "Upper = SMA(high·(1 + 4·(high − low)/(high + low))), middle = SMA(close), lower = "
      "SMA(low·(1 − 4·(high − low)/(high + low))) over `period` bars (high/low unchanged when "
      "high + low is ~0).";
  s.source = "Price Headley, Big Trends in Trading (2002); TA-Lib TA_ACCBANDS.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
