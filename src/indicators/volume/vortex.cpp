// VORTEX: the vortex indicator (Botes & Siepman).
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"
#include "indicators/volatility/true_range.h"

namespace nocode::indicators {
namespace {

struct VortexState {
  static constexpr size_t kInputs = 3, kOutputs = 2;
  explicit VortexState(const Params& p)
      : plus(p.integer(0)), minus(p.integer(0)), tr(p.integer(0)) {}
  bool step(const double* bar, double* out) {
    const double h = bar[0], l = bar[1], c = bar[2];
    const double ph = prev_h, pl = prev_l, pc = prev_c;
    prev_h = h;
    prev_l = l;
    prev_c = c;
    if (count++ == 0) return false;
    plus.push(std::fabs(h - pl));
    minus.push(std::fabs(l - ph));
    if (!tr.push(true_range(h, l, pc))) return false;
    const double t = tr.sum();
    out[0] = plus.sum() / t;
    out[1] = minus.sum() / t;
    return true;
  }
  ext::WindowSum plus, minus, tr;
  long count = 0;
  double prev_h = 0, prev_l = 0, prev_c = 0;
};

int vortex_lookback(const Params& p) { return p.integer(0); }

}  // namespace

Status register_vortex(Registry& r) {
  IndicatorSpec s;
  s.name = "vortex";
  s.aliases = {"vi", "vortex_indicator"};
  s.group = "volume";
  s.title = "Vortex Indicator";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {ext::ext_int("period", {"timeperiod", "length"}, 14, 1, "bars in the sums")};
  s.outputs = {"vi_plus", "vi_minus"};
  s.lookback = vortex_lookback;
  s.batch = batch_by_state<VortexState>;
  s.stream = make_state_stream<VortexState>;
  s.definition =
      "From bar 1: `VM+ = |high − prev low|`, `VM− = |low − prev high|`, TR = true range (TA-Lib "
      "TRANGE). `vi_plus = Σ VM+(n) / Σ TR(n)`, `vi_minus = Σ VM−(n) / Σ TR(n)` (NaN when the TR "
      "sum is 0). First value at row n.";
  s.source =
      "Etienne Botes and Douglas Siepman, \"The Vortex Indicator\", *Technical Analysis "
      "of Stocks & Commodities*, January 2010.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
