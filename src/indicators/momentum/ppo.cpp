// PPO: Percentage Price Oscillator, TA-Lib conventions; kernels in price_oscillator.cpp.
#include "indicators/common_params.h"
#include "indicators/momentum/price_oscillator.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

momentum::PoConfig ppo_config(const Params& p) {
  return momentum::po_config(p.integer(0), p.integer(1), p.integer(2), true);
}

struct PPOState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit PPOState(const Params& p) : s(ppo_config(p)) {}
  bool step(const double* bar, double* out) { return s.step(bar[0], out); }
  momentum::PoStream s;
};

int ppo_lookback(const Params& p) { return ppo_config(p).lookback(); }

void ppo_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  momentum::po_batch(ppo_config(p), in[0], n, out[0]);
}

}  // namespace

Status register_ppo(Registry& r) {
  IndicatorSpec s;
  s.name = "ppo";
  s.talib_name = "PPO";
  s.group = "momentum";
  s.title = "Percentage Price Oscillator";
  s.inputs = {InputKind::kReal};
  s.params = {
      {"fast_period", {"fastperiod"}, "optInFastPeriod", ParamType::kInteger, 12, 2, 100000,
       "bars of the fast moving average"},
      {"slow_period", {"slowperiod"}, "optInSlowPeriod", ParamType::kInteger, 26, 2, 100000,
       "bars of the slow moving average"},
      ma_type_param("ma_type", {"matype"}, "optInMAType", 0, "moving-average type of both"),
  };
  s.outputs = {"ppo"};
  s.lookback = ppo_lookback;
  s.batch = ppo_batch;
  s.stream = make_state_stream<PPOState>;
  s.definition =
      "100 · (fast MA − slow MA) / slow MA, both of `ma_type` (TA-Lib default SMA) and both run "
      "from bar 0; 0 when the slow MA is ~0 (TA_IS_ZERO); the periods are swapped when slow < "
      "fast. First value at the slow MA's lookback. No signal line (TA-Lib's PPO has none).";
  s.source = "Gerald Appel; TA-Lib TA_PPO conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
