// STOCH: slow stochastic (%K smoothed into slow %K, then slow %D), TA-Lib
// conventions; %K from stochastic.cpp / momentum_core.h.
#include "indicators/common_params.h"
#include "indicators/momentum/momentum_core.h"
#include "indicators/momentum/stochastic.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

MaType ma(const Params& p, size_t i) { return static_cast<MaType>(p.integer(i)); }

struct StochState {
  static constexpr size_t kInputs = 3, kOutputs = 2;
  explicit StochState(const Params& p)
      : k(p.integer(0)), slow_k(ma(p, 2), p.integer(1)), slow_d(ma(p, 4), p.integer(3)) {}
  bool step(const double* bar, double* out) {
    double kv, sk, sd;
    if (!k.step(bar[0], bar[1], bar[2], &kv)) return false;
    if (!slow_k.step(kv, &sk)) return false;
    if (!slow_d.step(sk, &sd)) return false;
    out[0] = sk;
    out[1] = sd;
    return true;
  }
  momentum::StochKStream k;
  momentum::TalibMaStream slow_k, slow_d;
};

int stoch_lookback(const Params& p) {
  return p.integer(0) - 1 + ma_lookback(ma(p, 2), p.integer(1)) +
         ma_lookback(ma(p, 4), p.integer(3));
}

// %K into out[1], slow %K = MA(%K) into out[0], slow %D = MA(slow %K) into
// out[1] (over %K, no longer needed).
void stoch_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const size_t lbk = size_t(p.integer(0) - 1);
  const size_t lbsk = lbk + size_t(ma_lookback(ma(p, 2), p.integer(1)));
  const size_t lookback = size_t(stoch_lookback(p));
  if (n > lbk) {
    momentum::stoch_k_batch(in[0], in[1], in[2], n, p.integer(0), out[1] + lbk);
    momentum::talib_ma_batch(ma(p, 2), p.integer(1), out[1] + lbk, n - lbk, out[0] + lbk);
    if (n > lbsk) momentum::talib_ma_batch(ma(p, 4), p.integer(3), out[0] + lbsk, n - lbsk, out[1] + lbsk);
  }
  fill_warmup(out, 2, n, lookback);
}

}  // namespace

Status register_stoch(Registry& r) {
  IndicatorSpec s;
  s.name = "stoch";
  s.talib_name = "STOCH";
  s.aliases = {"stochastic"};
  s.group = "momentum";
  s.title = "Stochastic";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {
      {"fastk_period", {}, "optInFastK_Period", ParamType::kInteger, 5, 1, 100000,
       "bars of the high/low window"},
      {"slowk_period", {}, "optInSlowK_Period", ParamType::kInteger, 3, 1, 100000,
       "bars of the slow %K moving average"},
      ma_type_param("slowk_ma_type", {"slowk_matype"}, "optInSlowK_MAType", 0,
                    "moving-average type of slow %K"),
      {"slowd_period", {}, "optInSlowD_Period", ParamType::kInteger, 3, 1, 100000,
       "bars of the slow %D moving average"},
      ma_type_param("slowd_ma_type", {"slowd_matype"}, "optInSlowD_MAType", 0,
                    "moving-average type of slow %D"),
  };
  s.outputs = {"slowk", "slowd"};
  s.lookback = stoch_lookback;
  s.batch = stoch_batch;
  s.stream = make_state_stream<StochState>;
  s.definition =
      "Fast %K = (C − lowest low) / ((highest high − lowest low)/100) over `fastk_period` bars "
      "(0 when the range is 0); slow %K = MA(fast %K, `slowk_period`, `slowk_ma_type`); slow %D "
      "= MA(slow %K, `slowd_period`, `slowd_ma_type`). TA-Lib's defaults are 5/3/3 with SMAs; "
      "both outputs start where slow %D does.";
  s.source = "George Lane (1950s); TA-Lib TA_STOCH conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
