// FI: Elder's force index.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct FiState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit FiState(const Params& p) : ema(p.integer(0)) {}
  bool step(const double* bar, double* out) {
    const double c = bar[0], v = bar[1], pc = prev_close;
    prev_close = c;
    if (count++ == 0) return false;
    return ema.step((c - pc) * v, out);
  }
  ext::SeededEma ema;
  long count = 0;
  double prev_close = 0;
};

int fi_lookback(const Params& p) { return p.integer(0); }

}  // namespace

Status register_fi(Registry& r) {
  IndicatorSpec s;
  s.name = "fi";
  s.aliases = {"force_index", "forceindex", "efi"};
  s.group = "volume";
  s.title = "Force Index";
  s.inputs = {InputKind::kClose, InputKind::kVolume};
  s.params = {ext::ext_int("period", {"timeperiod", "length"}, 13, 1,
                           "bars of the EMA (1 = raw one-bar force index)")};
  s.outputs = {"fi"};
  s.lookback = fi_lookback;
  s.batch = batch_by_state<FiState>;
  s.stream = make_state_stream<FiState>;
  s.definition =
      "`EMA((close − prev close) · volume, period)` from bar 1, TA-Lib EMA convention (seeded "
      "with the mean of the first `period` raw values, factor 2/(period+1)). First value at row "
      "`period`.";
  s.source = "Alexander Elder, *Trading for a Living* (1993), Force Index (13-day EMA).";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
