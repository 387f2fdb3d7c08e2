// MACD: Moving Average Convergence/Divergence with TA-Lib's EMA seeding
// (see macd_core.h).
#include "indicators/common_params.h"
#include "indicators/momentum/macd_core.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

momentum::MacdConfig config(const Params& p) {
  return momentum::macd_config(p.integer(0), p.integer(1), p.integer(2));
}

struct MacdState {
  static constexpr size_t kInputs = 1, kOutputs = 3;
  explicit MacdState(const Params& p) : st(config(p)) {}
  bool step(const double* bar, double* out) { return st.step(bar[0], out); }
  momentum::MacdEmaState st;
};

int macd_lookback(const Params& p) { return config(p).lookback(); }

void macd_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  momentum::macd_ema_batch(config(p), in[0], n, out);
}

}  // namespace

Status register_macd(Registry& r) {
  IndicatorSpec s;
  s.name = "macd";
  s.talib_name = "MACD";
  s.group = "momentum";
  s.title = "Moving Average Convergence/Divergence";
  s.inputs = {InputKind::kReal};
  s.params = {
      {"fast_period", {"fastperiod"}, "optInFastPeriod", ParamType::kInteger, 12, 2, 100000,
       "bars of the fast EMA"},
      {"slow_period", {"slowperiod"}, "optInSlowPeriod", ParamType::kInteger, 26, 2, 100000,
       "bars of the slow EMA"},
      {"signal_period", {"signalperiod"}, "optInSignalPeriod", ParamType::kInteger, 9, 1, 100000,
       "bars of the signal EMA"},
  };
  s.outputs = {"macd", "signal", "hist"};
  s.lookback = macd_lookback;
  s.batch = macd_batch;
  s.stream = make_state_stream<MacdState>;
  s.definition =
      "MACD = EMA(fast) − EMA(slow), signal = EMA(MACD, signal_period), hist = MACD − signal, "
      "with k = 2/(p+1). As TA-Lib: the periods are swapped if slow < fast; both EMAs start at "
      "bar slow−1, so the fast EMA is seeded with the SMA of the `fast` bars ending there (early "
      "values differ from EMA(12) − EMA(26)); the signal is seeded with the SMA of the first "
      "`signal_period` MACD values and the first output is at bar slow+signal−2.";
  s.source = "Gerald Appel (1979); TA-Lib TA_MACD conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
