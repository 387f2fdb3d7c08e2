// RSI: Wilder's Relative Strength Index with TA-Lib's seeding (simple means
// of the first p gains/losses), see RsiCore in momentum_core.h.
#include "indicators/common_params.h"
#include "indicators/momentum/momentum_core.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

using momentum::RsiCore;

struct RsiState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit RsiState(const Params& p) : core(p.integer(0)) {}
  bool step(const double* bar, double* out) { return core.step(bar[0], out); }
  RsiCore core;
};

int rsi_lookback(const Params& p) { return p.integer(0); }

void rsi_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double* x = in[0];
  double* y = out[0];
  const int period = p.integer(0);
  fill_warmup(out, 1, n, static_cast<size_t>(period));
  momentum::rsi_series(x, n, period, y);
}

}  // namespace

Status register_rsi(Registry& r) {
  IndicatorSpec s;
  s.name = "rsi";
  s.talib_name = "RSI";
  s.group = "momentum";
  s.title = "Relative Strength Index";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(14)};
  s.outputs = {"rsi"};
  s.lookback = rsi_lookback;
  s.batch = rsi_batch;
  s.stream = make_state_stream<RsiState>;
  s.definition =
      "100 · AvgGain / (AvgGain + AvgLoss) over Wilder-smoothed gains and losses of the 1-bar "
      "change. As in TA-Lib, the averages are seeded with the simple means of the first `period` "
      "changes (first value at bar `period`), then `avg = (avg·(period−1) + x)/period`; the result "
      "is 0 (not 50) when both averages are ~0, and holds its value through a flat run.";
  s.source = "J. Welles Wilder, New Concepts in Technical Trading Systems (1978); TA-Lib TA_RSI "
             "conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
