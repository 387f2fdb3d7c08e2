// CMF: Chaikin money flow.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct CmfState {
  static constexpr size_t kInputs = 4, kOutputs = 1;
  explicit CmfState(const Params& p) : mfv(p.integer(0)), vol(p.integer(0)) {}
  bool step(const double* bar, double* out) {
    const double h = bar[0], l = bar[1], c = bar[2], v = bar[3];
    const double range = h - l;
    const double flow = range > 0 ? (((c - l) - (h - c)) / range) * v : 0.0;
    mfv.push(flow);
    if (!vol.push(v)) return false;
    const double sv = vol.sum();
    out[0] = sv == 0 ? 0.0 : mfv.sum() / sv;
    return true;
  }
  ext::WindowSum mfv, vol;
};

int cmf_lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace

Status register_cmf(Registry& r) {
  IndicatorSpec s;
  s.name = "cmf";
  s.aliases = {"chaikin_money_flow", "chaikinmoneyflow"};
  s.group = "volume";
  s.title = "Chaikin Money Flow";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose, InputKind::kVolume};
  s.params = {
      ext::ext_int("period", {"timeperiod", "length", "window"}, 20, 1, "bars in the window")};
  s.outputs = {"cmf"};
  s.lookback = cmf_lookback;
  s.batch = batch_by_state<CmfState>;
  s.stream = make_state_stream<CmfState>;
  s.definition =
      "Money-flow volume `((close − low) − (high − close))/(high − low) · volume` (0 when "
      "high ≤ low, as TA-Lib AD), then `CMF = Σ MFV(n) / Σ volume(n)`; 0 when the summed volume "
      "is 0. First value at row n − 1.";
  s.source =
      "Marc Chaikin, Chaikin Money Flow (1980s); StockCharts ChartSchool \"Chaikin Money "
      "Flow (CMF)\" (20-period default).";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
