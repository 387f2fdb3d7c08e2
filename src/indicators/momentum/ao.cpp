// AO: Bill Williams' awesome oscillator.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct AoState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit AoState(const Params& p)
      : fast_n(p.integer(0)), slow_n(p.integer(1)), fast(fast_n), slow(slow_n) {}
  bool step(const double* bar, double* out) {
    const double median = (bar[0] + bar[1]) / 2.0;
    const bool f = fast.push(median);
    const bool s = slow.push(median);
    if (!(f && s)) return false;
    out[0] = fast.sum() / double(fast_n) - slow.sum() / double(slow_n);
    return true;
  }
  int fast_n, slow_n;
  ext::WindowSum fast, slow;
};

int ao_lookback(const Params& p) {
  return (p.integer(0) > p.integer(1) ? p.integer(0) : p.integer(1)) - 1;
}

}  // namespace

Status register_ao(Registry& r) {
  IndicatorSpec s;
  s.name = "ao";
  s.aliases = {"awesome_oscillator", "awesome"};
  s.group = "momentum";
  s.title = "Awesome Oscillator";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {ext::ext_int("fast_period", {"fastPeriod", "fastperiod"}, 5, 1,
                           "bars of the fast SMA of the median price"),
              ext::ext_int("slow_period", {"slowPeriod", "slowperiod"}, 34, 1,
                           "bars of the slow SMA of the median price")};
  s.outputs = {"ao"};
  s.lookback = ao_lookback;
  s.batch = batch_by_state<AoState>;
  s.stream = make_state_stream<AoState>;
  s.definition = "`AO = SMA((H+L)/2, 5) − SMA((H+L)/2, 34)`. First value at row "
                 "`max(fast, slow) − 1`.";
  s.source = "Bill Williams, *New Trading Dimensions* (1998).";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
