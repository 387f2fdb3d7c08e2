// AC: Bill Williams' accelerator oscillator (AO minus its 5-bar SMA).
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct AcState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit AcState(const Params& p)
      : fast_n(p.integer(0)), slow_n(p.integer(1)), sig_n(p.integer(2)), fast(fast_n),
        slow(slow_n), sig(sig_n) {}
  bool step(const double* bar, double* out) {
    const double median = (bar[0] + bar[1]) / 2.0;
    const bool f = fast.push(median);
    const bool s = slow.push(median);
    if (!(f && s)) return false;
    const double ao = fast.sum() / double(fast_n) - slow.sum() / double(slow_n);
    if (!sig.push(ao)) return false;
    out[0] = ao - sig.sum() / double(sig_n);
    return true;
  }
  int fast_n, slow_n, sig_n;
  ext::WindowSum fast, slow, sig;
};

int ac_lookback(const Params& p) {
  return (p.integer(0) > p.integer(1) ? p.integer(0) : p.integer(1)) - 1 + p.integer(2) - 1;
}

}  // namespace

Status register_ac(Registry& r) {
  IndicatorSpec s;
  s.name = "ac";
  s.aliases = {"accelerator_oscillator", "accelerator", "acc_osc"};
  s.group = "momentum";
  s.title = "Accelerator Oscillator";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {ext::ext_int("fast_period", {"fastPeriod", "fastperiod"}, 5, 1,
                           "bars of AO's fast SMA of the median price"),
              ext::ext_int("slow_period", {"slowPeriod", "slowperiod"}, 34, 1,
                           "bars of AO's slow SMA of the median price"),
              ext::ext_int("signal_period", {"signalPeriod", "signalperiod"}, 5, 1,
                           "bars of the SMA of AO subtracted from AO")};
  s.outputs = {"ac"};
  s.lookback = ac_lookback;
  s.batch = batch_by_state<AcState>;
  s.stream = make_state_stream<AcState>;
  s.definition = "`AC = AO − SMA(AO, 5)` with `AO = SMA((H+L)/2, 5) − SMA((H+L)/2, 34)`. First "
                 "value at row `max(fast, slow) − 1 + signal − 1` (37).";
  s.source = "Bill Williams, *New Trading Dimensions* (1998).";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
