// Ichimoku Kinko Hyo (Goichi Hosoda), made causal for a trading engine.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

// Midpoint of the highest high and lowest low of the last n bars.
struct Midpoint {
  explicit Midpoint(int n) : hi(n, true), lo(n, false) {}
  void push(double h, double l) {
    hi.push(h);
    lo.push(l);
  }
  bool full() const { return hi.full(); }
  double value() const { return (hi.value() + lo.value()) / 2.0; }
  ext::RollingExtreme hi, lo;
};

struct IchimokuState {
  static constexpr size_t kInputs = 3, kOutputs = 5;
  explicit IchimokuState(const Params& p)
      : tenkan(p.integer(0)), kijun(p.integer(1)), span_b(p.integer(2)), shift(p.integer(3)),
        lead_a(shift + 1), lead_b(shift + 1), lag_close(shift + 1) {}

  bool step(const double* bar, double* out) {
    const double h = bar[0], l = bar[1], c = bar[2];
    tenkan.push(h, l);
    kijun.push(h, l);
    span_b.push(h, l);
    const double tk = tenkan.full() ? tenkan.value() : kNaN;
    const double kj = kijun.full() ? kijun.value() : kNaN;
    lead_a.push((tk + kj) / 2.0);
    lead_b.push(span_b.full() ? span_b.value() : kNaN);
    lag_close.push(c);
    if (!(tenkan.full() && kijun.full() && span_b.full())) return false;
    // rows still inside the spans' own warm-up are NaN in the delay lines
    if (++rows_since_full <= shift) return false;
    out[0] = tk;
    out[1] = kj;
    out[2] = lead_a.back(size_t(shift));
    out[3] = lead_b.back(size_t(shift));
    out[4] = lag_close.back(size_t(shift));
    return true;
  }

  Midpoint tenkan, kijun, span_b;
  int shift;
  ext::Ring lead_a, lead_b, lag_close;
  int rows_since_full = 0;
};

int ichimoku_lookback(const Params& p) {
  int longest = p.integer(0);
  if (p.integer(1) > longest) longest = p.integer(1);
  if (p.integer(2) > longest) longest = p.integer(2);
  return longest - 1 + p.integer(3);
}

}  // namespace

Status register_ichimoku(Registry& r) {
  IndicatorSpec s;
  s.name = "ichimoku";
  s.aliases = {"ichimoku_cloud", "ichimoku_kinko_hyo"};
  s.group = "overlap";
  s.title = "Ichimoku Kinko Hyo (causal)";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {
      ext::ext_int("tenkan_period", {"conversion_period", "tenkan", "conversionPeriod"}, 9, 1,
                   "bars of the conversion line (Tenkan-sen)"),
      ext::ext_int("kijun_period", {"base_period", "kijun", "basePeriod"}, 26, 1,
                   "bars of the base line (Kijun-sen)"),
      ext::ext_int("senkou_b_period", {"span_b_period", "senkou_period", "spanBPeriod"}, 52, 1,
                   "bars of leading span B (Senkou Span B)"),
      ext::ext_param("displacement", {"offset", "shift", "lag"}, ParamType::kInteger, 26, 0,
                     100000, "bars the leading spans are pushed forward and the lagging span back")};
  s.outputs = {"tenkan", "kijun", "senkou_a", "senkou_b", "chikou"};
  s.lookback = ichimoku_lookback;
  s.batch = batch_by_state<IchimokuState>;
  s.stream = make_state_stream<IchimokuState>;
  s.definition =
      "Midpoint `mid_n = (highest high + lowest low)/2` of the last n bars. `tenkan = mid_9`, "
      "`kijun = mid_26` at the current row. Causal displacement (d = 26): row t holds what a chart "
      "draws *at bar t*, using only data up to t: `senkou_a[t] = (tenkan[t−d] + kijun[t−d])/2`, "
      "`senkou_b[t] = mid_52[t−d]` (the cloud projected forward from d bars ago), and "
      "`chikou[t] = close[t−d]` — the price the lagging span is compared with (the chart's chikou "
      "plotted at bar t−d is close[t]; it is never read from the future). All five outputs start "
      "at row `max(9, 26, 52) − 1 + d` = 77.";
  s.source = "Goichi Hosoda, *Ichimoku Kinko Hyo* (1969); standard 9/26/52/26 settings (e.g. "
             "StockCharts ChartSchool \"Ichimoku Cloud\"). Displacement convention: ours, causal.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
