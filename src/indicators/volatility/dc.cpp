// DC: Donchian channels.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct DcState {
  static constexpr size_t kInputs = 2, kOutputs = 3;
  explicit DcState(const Params& p) : hi(p.integer(0), true), lo(p.integer(0), false) {}
  bool step(const double* bar, double* out) {
    hi.push(bar[0]);
    lo.push(bar[1]);
    if (!hi.full()) return false;
    out[0] = hi.value();
    out[2] = lo.value();
    out[1] = (out[0] + out[2]) / 2.0;
    return true;
  }
  ext::RollingExtreme hi, lo;
};

int dc_lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace

Status register_dc(Registry& r) {
  IndicatorSpec s;
  s.name = "dc";
  s.aliases = {"donchian", "donchian_channels", "donchian_channel"};
  s.group = "volatility";
  s.title = "Donchian Channels";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {ext::ext_int("period", {"timeperiod", "length", "window"}, 20, 1,
                           "bars in the window (current bar included)")};
  s.outputs = {"upper", "middle", "lower"};
  s.lookback = dc_lookback;
  s.batch = batch_by_state<DcState>;
  s.stream = make_state_stream<DcState>;
  s.definition =
      "`upper` = highest high and `lower` = lowest low of the last `period` bars including the "
      "current one; `middle = (upper + lower)/2`. First value at row `period − 1`.";
  s.source =
      "Richard Donchian (1960s \"4-week rule\" / price channel); e.g. StockCharts "
      "ChartSchool \"Donchian Channels\".";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
