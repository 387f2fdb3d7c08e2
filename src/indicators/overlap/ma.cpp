// MA: moving average of a chosen type (TA_MA), through moving_average.h.
#include "indicators/common_params.h"
#include "indicators/overlap/moving_average.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct MaState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit MaState(const Params& p) : s(MaType(p.integer(1)), p.integer(0)) {}
  bool step(const double* bar, double* out) { return s.step(bar[0], out); }
  MaStream s;
};

int ma_indicator_lookback(const Params& p) { return ma_lookback(MaType(p.integer(1)), p.integer(0)); }

void ma_indicator_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  ma_batch(MaType(p.integer(1)), p.integer(0), in[0], n, out[0]);
}

}  // namespace

Status register_ma(Registry& r) {
  IndicatorSpec s;
  s.name = "ma";
  s.talib_name = "MA";
  s.aliases = {"moving_average"};
  s.group = "overlap";
  s.title = "Moving Average (any type)";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30, 1),
              ma_type_param("ma_type", {"matype"}, "optInMAType", 0, "moving-average type")};
  s.outputs = {"ma"};
  s.lookback = ma_indicator_lookback;
  s.batch = ma_indicator_batch;
  s.stream = make_state_stream<MaState>;
  s.definition =
      "The moving average selected by `ma_type` (SMA, EMA, WMA, DEMA, TEMA, TRIMA, KAMA, MAMA, "
      "T3) over `period` values. As in TA-Lib, period 1 returns the input unchanged for every "
      "type; MAMA ignores the period (limits 0.5/0.05) and T3 uses vfactor 0.7.";
  s.source = "TA-Lib TA_MA.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
