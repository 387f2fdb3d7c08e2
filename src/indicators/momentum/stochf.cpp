// STOCHF: fast stochastic (%K and its moving average %D), TA-Lib conventions;
// kernels in stochastic.cpp.
#include "indicators/common_params.h"
#include "indicators/momentum/stochastic.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct StochfState {
  static constexpr size_t kInputs = 3, kOutputs = 2;
  explicit StochfState(const Params& p)
      : s(p.integer(0), p.integer(1), static_cast<MaType>(p.integer(2))) {}
  bool step(const double* bar, double* out) {
    return s.step(bar[0], bar[1], bar[2], &out[0], &out[1]);
  }
  momentum::StochFastStream s;
};

int stochf_lookback(const Params& p) {
  return p.integer(0) - 1 + ma_lookback(static_cast<MaType>(p.integer(2)), p.integer(1));
}

void stochf_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  momentum::stoch_fast_batch(in[0], in[1], in[2], n, p.integer(0), p.integer(1),
                             static_cast<MaType>(p.integer(2)), out[0], out[1]);
}

}  // namespace

Status register_stochf(Registry& r) {
  IndicatorSpec s;
  s.name = "stochf";
  s.talib_name = "STOCHF";
  s.group = "momentum";
  s.title = "Stochastic Fast";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {
      {"fastk_period", {}, "optInFastK_Period", ParamType::kInteger, 5, 1, 100000,
       "bars of the high/low window"},
      {"fastd_period", {}, "optInFastD_Period", ParamType::kInteger, 3, 1, 100000,
       "bars of the %D moving average"},
      ma_type_param("fastd_ma_type", {"fastd_matype"}, "optInFastD_MAType", 0,
                    "moving-average type of %D"),
  };
  s.outputs = {"fastk", "fastd"};
  s.lookback = stochf_lookback;
  s.batch = stochf_batch;
  s.stream = make_state_stream<StochfState>;
  s.definition =
      "%K = (C − lowest low) / ((highest high − lowest low)/100) over the last `fastk_period` "
      "bars, 0 when the range is 0; %D = MA(%K, `fastd_period`, `fastd_ma_type`). Both outputs "
      "start where %D does (TA-Lib: lookback fastk_period−1 plus the MA's lookback).";
  s.source = "George Lane (1950s); TA-Lib TA_STOCHF conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
