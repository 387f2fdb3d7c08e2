// MACDEXT: MACD with a moving-average type per line (TA-Lib TA_MACDEXT).
// TA-Lib runs both MAs as TA_MA(startIdx = L), L the larger of their
// lookbacks, so an MA with a shorter lookback l is seeded from bar L−l (the
// sub-array x + (L−l) here); the signal MA runs over the MACD line from L.
#include <utility>

#include "indicators/common_params.h"
#include "indicators/momentum/stochastic.h"
#include "indicators/overlap/moving_average.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct MacdextConfig {
  int fast, slow, signal;
  MaType fast_type, slow_type, signal_type;
  int lb_fast, lb_slow, lb_signal, largest;
  int lookback() const { return largest + lb_signal; }
};

MacdextConfig config(const Params& p) {
  MacdextConfig c;
  c.fast = p.integer(0);
  c.fast_type = static_cast<MaType>(p.integer(1));
  c.slow = p.integer(2);
  c.slow_type = static_cast<MaType>(p.integer(3));
  c.signal = p.integer(4);
  c.signal_type = static_cast<MaType>(p.integer(5));
  if (c.slow < c.fast) {
    std::swap(c.fast, c.slow);
    std::swap(c.fast_type, c.slow_type);
  }
  c.lb_fast = ma_lookback(c.fast_type, c.fast);
  c.lb_slow = ma_lookback(c.slow_type, c.slow);
  c.lb_signal = ma_lookback(c.signal_type, c.signal);
  c.largest = c.lb_fast > c.lb_slow ? c.lb_fast : c.lb_slow;
  return c;
}

struct MacdextState {
  static constexpr size_t kInputs = 1, kOutputs = 3;
  explicit MacdextState(const Params& p)
      : c(config(p)),
        fast(c.fast_type, c.fast),
        slow(c.slow_type, c.slow),
        signal(c.signal_type, c.signal) {}
  bool step(const double* bar, double* out) {
    const long i = count++;
    double f = 0, s = 0;
    const bool has_fast = i >= c.largest - c.lb_fast && fast.step(bar[0], &f);
    const bool has_slow = i >= c.largest - c.lb_slow && slow.step(bar[0], &s);
    if (!has_fast || !has_slow) return false;
    const double m = f - s;
    double g;
    if (!signal.step(m, &g)) return false;
    out[0] = m;
    out[1] = g;
    out[2] = m - g;
    return true;
  }
  MacdextConfig c;
  momentum::TalibMaStream fast, slow, signal;
  long count = 0;
};

int macdext_lookback(const Params& p) { return config(p).lookback(); }

// Fast MA into out[1], slow MA into out[2] (rows from L), MACD into out[0],
// signal MA over the MACD into out[1], hist into out[2].
void macdext_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const MacdextConfig c = config(p);
  const size_t L = size_t(c.largest), lookback = size_t(c.lookback());
  const double* x = in[0];
  if (n > L) {
    const size_t of = L - size_t(c.lb_fast), os = L - size_t(c.lb_slow);
    momentum::talib_ma_batch(c.fast_type, c.fast, x + of, n - of, out[1] + of);
    momentum::talib_ma_batch(c.slow_type, c.slow, x + os, n - os, out[2] + os);
    for (size_t i = L; i < n; ++i) out[0][i] = out[1][i] - out[2][i];
    momentum::talib_ma_batch(c.signal_type, c.signal, out[0] + L, n - L, out[1] + L);
    for (size_t i = lookback; i < n; ++i) out[2][i] = out[0][i] - out[1][i];
  }
  fill_warmup(out, 3, n, lookback);
}

}  // namespace

Status register_macdext(Registry& r) {
  IndicatorSpec s;
  s.name = "macdext";
  s.talib_name = "MACDEXT";
  s.group = "momentum";
  s.title = "MACD with controllable MA type";
  s.inputs = {InputKind::kReal};
  s.params = {
      {"fast_period", {"fastperiod"}, "optInFastPeriod", ParamType::kInteger, 12, 2, 100000,
       "bars of the fast MA"},
      ma_type_param("fast_ma_type", {"fastmatype"}, "optInFastMAType", 0, "type of the fast MA"),
      {"slow_period", {"slowperiod"}, "optInSlowPeriod", ParamType::kInteger, 26, 2, 100000,
       "bars of the slow MA"},
      ma_type_param("slow_ma_type", {"slowmatype"}, "optInSlowMAType", 0, "type of the slow MA"),
      {"signal_period", {"signalperiod"}, "optInSignalPeriod", ParamType::kInteger, 9, 1, 100000,
       "bars of the signal MA"},
      ma_type_param("signal_ma_type", {"signalmatype"}, "optInSignalMAType", 0,
                    "type of the signal MA"),
  };
  s.outputs = {"macd", "signal", "hist"};
  s.lookback = macdext_lookback;
  s.batch = macdext_batch;
  s.stream = make_state_stream<MacdextState>;
  s.definition =
      "MACD = MA(fast) − MA(slow), signal = MA(MACD), hist = MACD − signal, each MA of its own "
      "type (TA-Lib default SMA for all three). As TA-Lib: periods (and their types) swap when "
      "slow < fast, both MAs start at the larger of their lookbacks (a shorter-lookback MA is "
      "seeded later, as in MACD), and the signal MA runs over the MACD line from there.";
  s.source = "Gerald Appel (1979); TA-Lib TA_MACDEXT conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
