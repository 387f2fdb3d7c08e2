// MACDFIX: MACD 12/26 with TA-Lib's fixed smoothing factors 0.15 and 0.075
// (see macd_core.h).
#include "indicators/common_params.h"
#include "indicators/momentum/macd_core.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct MacdfixState {
  static constexpr size_t kInputs = 1, kOutputs = 3;
  explicit MacdfixState(const Params& p) : st(momentum::macdfix_config(p.integer(0))) {}
  bool step(const double* bar, double* out) { return st.step(bar[0], out); }
  momentum::MacdEmaState st;
};

int macdfix_lookback(const Params& p) { return momentum::macdfix_config(p.integer(0)).lookback(); }

void macdfix_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  momentum::macd_ema_batch(momentum::macdfix_config(p.integer(0)), in[0], n, out);
}

}  // namespace

Status register_macdfix(Registry& r) {
  IndicatorSpec s;
  s.name = "macdfix";
  s.talib_name = "MACDFIX";
  s.group = "momentum";
  s.title = "Moving Average Convergence/Divergence Fix 12/26";
  s.inputs = {InputKind::kReal};
  s.params = {
      {"signal_period", {"signalperiod"}, "optInSignalPeriod", ParamType::kInteger, 9, 1, 100000,
       "bars of the signal EMA"},
  };
  s.outputs = {"macd", "signal", "hist"};
  s.lookback = macdfix_lookback;
  s.batch = macdfix_batch;
  s.stream = make_state_stream<MacdfixState>;
  s.definition =
      "MACD with the classic fixed smoothing factors 0.15 (12 bars) and 0.075 (26 bars) instead of "
      "2/13 and 2/27; seeding and output alignment as TA-Lib's MACD (fast EMA seeded with the SMA "
      "of bars 14..25, signal EMA with k = 2/(signal_period+1)).";
  s.source = "Gerald Appel (1979); TA-Lib TA_MACDFIX conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
