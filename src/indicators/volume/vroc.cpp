// VROC: volume rate of change.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct VrocState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit VrocState(const Params& p) : n(p.integer(0)), past(n + 1) {}
  bool step(const double* bar, double* out) {
    past.push(bar[0]);
    if (past.size() <= size_t(n)) return false;
    const double old = past.back(size_t(n));
    out[0] = old != 0 ? ((bar[0] - old) / old) * 100.0 : 0.0;
    return true;
  }
  int n;
  ext::Ring past;
};

int vroc_lookback(const Params& p) { return p.integer(0); }

}  // namespace

Status register_vroc(Registry& r) {
  IndicatorSpec s;
  s.name = "vroc";
  s.aliases = {"volume_roc", "volume_rate_of_change"};
  s.group = "volume";
  s.title = "Volume Rate of Change";
  s.inputs = {InputKind::kVolume};
  s.params = {ext::ext_int("period", {"timeperiod", "length"}, 14, 1, "bars back")};
  s.outputs = {"vroc"};
  s.lookback = vroc_lookback;
  s.batch = batch_by_state<VrocState>;
  s.stream = make_state_stream<VrocState>;
  s.definition =
      "`100 · (volume − volume[n bars ago]) / volume[n bars ago]`, 0 when the old volume is 0 "
      "(TA-Lib ROC's convention). First value at row n.";
  s.source =
      "Volume Rate of Change, e.g. StockCharts ChartSchool \"Rate of Change\" applied to "
      "volume; Colby, *The Encyclopedia of Technical Market Indicators* (2003).";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
