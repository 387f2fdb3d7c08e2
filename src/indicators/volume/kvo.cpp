// KVO: Klinger volume oscillator (Stephen Klinger), original volume-force form.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct KvoState {
  static constexpr size_t kInputs = 4, kOutputs = 2;
  explicit KvoState(const Params& p)
      : fast(p.integer(0)), slow(p.integer(1)), signal(p.integer(2)) {}
  bool step(const double* bar, double* out) {
    const double h = bar[0], l = bar[1], c = bar[2], v = bar[3];
    const double hlc = h + l + c, dm = h - l;
    const double p_hlc = prev_hlc, p_dm = prev_dm;
    prev_hlc = hlc;
    prev_dm = dm;
    if (count++ == 0) return false;
    const int t = hlc > p_hlc ? 1 : -1;
    cm = (count > 2 && t == trend) ? cm + dm : p_dm + dm;
    trend = t;
    const double ratio = cm != 0 ? dm / cm : 0.0;
    const double vf = v * std::fabs(2.0 * (ratio - 1.0)) * double(t) * 100.0;
    double f, s;
    const bool fr = fast.step(vf, &f), sr = slow.step(vf, &s);
    if (fr) last_fast = f;
    if (sr) last_slow = s;
    if (!(fr && sr)) return false;
    const double kvo = last_fast - last_slow;
    double sig;
    if (!signal.step(kvo, &sig)) return false;
    out[0] = kvo;
    out[1] = sig;
    return true;
  }
  ext::SeededEma fast, slow, signal;
  long count = 0;
  int trend = 0;
  double prev_hlc = 0, prev_dm = 0, cm = 0, last_fast = 0, last_slow = 0;
};

int kvo_lookback(const Params& p) {
  const int m = p.integer(0) > p.integer(1) ? p.integer(0) : p.integer(1);
  return m + p.integer(2) - 1;
}

}  // namespace

Status register_kvo(Registry& r) {
  IndicatorSpec s;
  s.name = "kvo";
  s.aliases = {"klinger", "klinger_oscillator", "klinger_volume_oscillator"};
  s.group = "volume";
  s.title = "Klinger Volume Oscillator";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose, InputKind::kVolume};
  s.params = {ext::ext_int("fast_period", {"fastperiod", "fast", "fastPeriod"}, 34, 1,
                           "bars of the fast EMA of volume force"),
              ext::ext_int("slow_period", {"slowperiod", "slow", "slowPeriod"}, 55, 1,
                           "bars of the slow EMA of volume force"),
              ext::ext_int("signal_period", {"signalperiod", "signal", "signalPeriod"}, 13, 1,
                           "bars of the signal EMA")};
  s.outputs = {"kvo", "signal"};
  s.lookback = kvo_lookback;
  s.batch = batch_by_state<KvoState>;
  s.stream = make_state_stream<KvoState>;
  s.definition =
      "From bar 1: `trend = +1` if `high+low+close` rose, else −1; `dm = high − low`; "
      "`cm = cm_prev + dm` while the trend continues, `dm_prev + dm` on bar 1 and on a trend "
      "change; volume force `VF = volume · |2·(dm/cm − 1)| · trend · 100` (dm/cm := 0 when cm = "
      "0). `kvo = EMA(VF, fast) − EMA(VF, slow)`, `signal = EMA(kvo, signal_period)` (TA-Lib EMA "
      "convention: SMA seed). Both outputs start at row `max(fast, slow) + signal − 1`.";
  s.source =
      "Stephen J. Klinger, \"Identifying Trends with Volume Analysis\", *Technical "
      "Analysis of Stocks & Commodities*, Dec 1997; formula as in StockCharts ChartSchool "
      "\"Klinger Volume Oscillator (KVO)\".";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
