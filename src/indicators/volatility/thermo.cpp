// THERMO: Elder's market thermometer and its EMA.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct ThermoState {
  static constexpr size_t kInputs = 2, kOutputs = 2;
  explicit ThermoState(const Params& p) : ema(p.integer(0)) {}
  bool step(const double* bar, double* out) {
    const double h = bar[0], l = bar[1];
    const double ph = prev_h, pl = prev_l;
    prev_h = h;
    prev_l = l;
    if (count++ == 0) return false;
    const double up = std::fabs(h - ph), down = std::fabs(pl - l);
    const double t = down > up ? down : up;
    double e;
    if (!ema.step(t, &e)) return false;
    out[0] = t;
    out[1] = e;
    return true;
  }
  ext::SeededEma ema;
  long count = 0;
  double prev_h = 0, prev_l = 0;
};

int thermo_lookback(const Params& p) { return p.integer(0); }

}  // namespace

Status register_thermo(Registry& r) {
  IndicatorSpec s;
  s.name = "thermo";
  s.aliases = {"market_thermometer", "elder_thermometer", "thermometer"};
  s.group = "volatility";
  s.title = "Elder's Market Thermometer";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {ext::ext_int("period", {"timeperiod", "length", "ema_period"}, 22, 1,
                           "bars of the EMA of the thermometer")};
  s.outputs = {"thermo", "ema"};
  s.lookback = thermo_lookback;
  s.batch = batch_by_state<ThermoState>;
  s.stream = make_state_stream<ThermoState>;
  s.definition =
      "`thermo = max(|high − prev high|, |prev low − low|)` from bar 1 on; `ema` = its EMA over "
      "`period` (TA-Lib EMA convention: seeded with the mean of the first `period` values, "
      "factor 2/(period+1)). Both outputs start at row `period`. (Elder's book counts only "
      "outward extensions, so an inside bar reads 0 there; the absolute-value form used here is "
      "the common charting-package one.)";
  s.source =
      "Alexander Elder, *Come Into My Trading Room* (2002), \"Market Thermometer\" (EMA "
      "22).";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
