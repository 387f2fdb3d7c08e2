// Fisher: Ehlers' Fisher transform of the normalised median price.
#include <cmath>

#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct FisherState {
  static constexpr size_t kInputs = 2, kOutputs = 2;
  explicit FisherState(const Params& p) : hi(p.integer(0), true), lo(p.integer(0), false) {}
  bool step(const double* bar, double* out) {
    const double price = (bar[0] + bar[1]) / 2.0;
    hi.push(price);
    lo.push(price);
    if (!hi.full()) return false;
    const double mx = hi.value(), mn = lo.value();
    const double pos = mx == mn ? 0.0 : (price - mn) / (mx - mn) - 0.5;
    value = 0.66 * pos + 0.67 * value;
    if (value > 0.99) value = 0.999;
    if (value < -0.99) value = -0.999;
    const double prev = fish;
    fish = 0.5 * std::log((1.0 + value) / (1.0 - value)) + 0.5 * fish;
    if (!started) {  // the trigger needs one computed value before it
      started = true;
      return false;
    }
    out[0] = fish;
    out[1] = prev;
    return true;
  }
  ext::RollingExtreme hi, lo;
  double value = 0, fish = 0;
  bool started = false;
};

int fisher_lookback(const Params& p) { return p.integer(0); }

}  // namespace

Status register_fisher(Registry& r) {
  IndicatorSpec s;
  s.name = "fisher";
  s.aliases = {"fisher_transform", "ehlers_fisher"};
  s.group = "momentum";
  s.title = "Fisher Transform";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {ParamSpec{"period", {"timeperiod", "length"}, "", ParamType::kInteger, 10, 2,
                        100000, "bars of the high/low window of the median price"}};
  s.outputs = {"fisher", "trigger"};
  s.lookback = fisher_lookback;
  s.batch = batch_by_state<FisherState>;
  s.stream = make_state_stream<FisherState>;
  s.definition =
      "Ehlers' code on the median price `p = (H+L)/2` with `max`/`min` of p over n bars: "
      "`v = 0.66·((p − min)/(max − min) − 0.5) + 0.67·v[1]` (the bracket is 0 when max = min), "
      "`v` set to ±0.999 beyond ±0.99, `fisher = 0.5·ln((1+v)/(1−v)) + 0.5·fisher[1]`, "
      "`trigger = fisher[1]`; v and fisher start from 0 at row n−1, the first output is at row n.";
  s.source = "John F. Ehlers, \"Using the Fisher Transform\", Technical Analysis of Stocks & "
             "Commodities, Nov 2002.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
