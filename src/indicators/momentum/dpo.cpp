// DPO: detrended price oscillator, causal (displaced-price) form.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct DpoState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit DpoState(const Params& p)
      : n(p.integer(0)), shift(n / 2 + 1), sum(n), past(shift + 1) {}
  bool step(const double* bar, double* out) {
    const double x = bar[0];
    past.push(x);
    const bool full = sum.push(x);
    if (!full || !past.full()) return false;
    out[0] = past.back(size_t(shift)) - sum.sum() / double(n);
    return true;
  }
  int n, shift;
  ext::WindowSum sum;
  ext::Ring past;
};

int dpo_lookback(const Params& p) {
  const int n = p.integer(0), shift = n / 2 + 1;
  return n - 1 > shift ? n - 1 : shift;
}

}  // namespace

Status register_dpo(Registry& r) {
  IndicatorSpec s;
  s.name = "dpo";
  s.aliases = {"detrended_price_oscillator"};
  s.group = "momentum";
  s.title = "Detrended Price Oscillator (causal)";
  s.inputs = {InputKind::kReal};
  s.params = {ParamSpec{"period", {"timeperiod", "length"}, "", ParamType::kInteger, 20, 2,
                        100000, "bars of the SMA"}};
  s.outputs = {"dpo"};
  s.lookback = dpo_lookback;
  s.batch = batch_by_state<DpoState>;
  s.stream = make_state_stream<DpoState>;
  s.definition =
      "`DPO[t] = x[t − (⌊n/2⌋+1)] − SMA(x, n)[t]`: the price ⌊n/2⌋+1 bars ago against the "
      "current n-bar SMA, so every row uses only data up to t. (The centred chart form, "
      "`x[t] − SMA[t + ⌊n/2⌋+1]`, reads future bars and is not offered.) First value at row "
      "`max(n − 1, ⌊n/2⌋ + 1)`.";
  s.source = "Detrended Price Oscillator, displaced-price form as in StockCharts ChartSchool "
             "\"Detrended Price Oscillator (DPO)\"; see also Martin Pring, *Technical Analysis "
             "Explained*.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
