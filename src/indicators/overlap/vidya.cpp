// VIDYA: Chande's variable index dynamic average (CMO-driven adaptive EMA).
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct VidyaState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit VidyaState(const Params& p)
      : alpha(2.0 / (double(p.integer(0)) + 1.0)), cmo_period(p.integer(1)), ups(cmo_period),
        downs(cmo_period) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    ++t;
    if (t > 0) {
      const double diff = x - prev;
      ups.push(diff > 0 ? diff : 0.0);
      downs.push(diff < 0 ? -diff : 0.0);
    }
    prev = x;
    if (t < cmo_period) {
      vidya = x;  // the input at row cmo_period - 1 seeds the average
      return false;
    }
    const double su = ups.sum(), sd = downs.sum();
    const double total = su + sd;
    const double k = total == 0 ? 0.0 : std::fabs((su - sd) / total);
    const double a = alpha * k;
    vidya = a * x + (1.0 - a) * vidya;
    out[0] = vidya;
    return true;
  }

  double alpha;
  int cmo_period;
  ext::WindowSum ups, downs;
  long t = -1;
  double prev = 0, vidya = 0;
};

int vidya_lookback(const Params& p) { return p.integer(1); }

}  // namespace

Status register_vidya(Registry& r) {
  IndicatorSpec s;
  s.name = "vidya";
  s.aliases = {"variable_index_dynamic_average", "vma_chande"};
  s.group = "overlap";
  s.title = "Variable Index Dynamic Average";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(12, 1, "EMA period of the base smoothing constant 2/(period+1)"),
              ext::ext_int("cmo_period", {"cmoPeriod", "cmo_length"}, 9, 1,
                           "bars of the Chande Momentum Oscillator that scales the constant")};
  s.outputs = {"vidya"};
  s.lookback = vidya_lookback;
  s.batch = batch_by_state<VidyaState>;
  s.stream = make_state_stream<VidyaState>;
  s.definition =
      "`VIDYA = α·k·x + (1 − α·k)·VIDYA[1]` with `α = 2/(period+1)` and `k = |CMO|`, where "
      "`CMO = (ΣU − ΣD)/(ΣU + ΣD)` over the last `cmo_period` one-bar changes (plain sums; k = 0 "
      "when both sums are 0). Seeded with the input at row `cmo_period − 1`; first value at row "
      "`cmo_period`.";
  s.source = "Tushar Chande, \"Adapting Moving Averages to Market Volatility\", Technical Analysis "
             "of Stocks & Commodities, Mar 1992; CMO form from Chande & Kroll, *The New Technical "
             "Trader* (1994); defaults as MetaTrader 5 iVIDyA (CMO 9, EMA 12).";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
