// APO: Absolute Price Oscillator, TA-Lib conventions; kernels in price_oscillator.cpp.
#include "indicators/common_params.h"
#include "indicators/momentum/price_oscillator.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

momentum::PoConfig apo_config(const Params& p) {
  return momentum::po_config(p.integer(0), p.integer(1), p.integer(2), false);
}

struct APOState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit APOState(const Params& p) : s(apo_config(p)) {}
  bool step(const double* bar, double* out) { return s.step(bar[0], out); }
  momentum::PoStream s;
};

int apo_lookback(const Params& p) { return apo_config(p).lookback(); }

void apo_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  momentum::po_batch(apo_config(p), in[0], n, out[0]);
}

}  // namespace

Status register_apo(Registry& r) {
  IndicatorSpec s;
  s.name = "apo";
  s.talib_name = "APO";
  s.group = "momentum";
  s.title = "Absolute Price Oscillator";
  s.inputs = {InputKind::kReal};
  s.params = {
      {"fast_period", {"fastperiod"}, "optInFastPeriod", ParamType::kInteger, 12, 2, 100000,
       "bars of the fast moving average"},
      {"slow_period", {"slowperiod"}, "optInSlowPeriod", ParamType::kInteger, 26, 2, 100000,
       "bars of the slow moving average"},
      ma_type_param("ma_type", {"matype"}, "optInMAType", 0, "moving-average type of both"),
  };
  s.outputs = {"apo"};
  s.lookback = apo_lookback;
  s.batch = apo_batch;
  s.stream = make_state_stream<APOState>;
  s.definition =
      "Fast MA − slow MA of the input, both of `ma_type` (TA-Lib default SMA) and both run from "
      "bar 0; the periods are swapped when slow < fast. First value at the slow MA's lookback.";
  s.source = "Gerald Appel; TA-Lib TA_APO conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
