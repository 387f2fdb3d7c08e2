// STOCHRSI: the fast stochastic of RSI (TA-Lib: STOCHF over the RSI series,
// 0..100 scale). RSI from momentum_core.h, STOCHF from stochastic.cpp.
#include "indicators/common_params.h"
#include "indicators/momentum/momentum_core.h"
#include "indicators/momentum/stochastic.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

MaType ma(const Params& p) { return static_cast<MaType>(p.integer(3)); }

struct StochrsiState {
  static constexpr size_t kInputs = 1, kOutputs = 2;
  explicit StochrsiState(const Params& p)
      : rsi(p.integer(0)), fast(p.integer(1), p.integer(2), ma(p)) {}
  bool step(const double* bar, double* out) {
    double r;
    if (!rsi.step(bar[0], &r)) return false;
    return fast.step(r, r, r, &out[0], &out[1]);
  }
  momentum::RsiCore rsi;
  momentum::StochFastStream fast;
};

int stochrsi_lookback(const Params& p) {
  return p.integer(0) + p.integer(1) - 1 + ma_lookback(ma(p), p.integer(2));
}

// RSI into out[1] (from row `period`), then STOCHF over it: %K into out[0],
// %D over out[1] (the RSI is fully consumed by %K first).
void stochrsi_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const int period = p.integer(0);
  const size_t lookback = size_t(stochrsi_lookback(p));
  const size_t rp = size_t(period);
  if (n > rp) {
    double* r = out[1];
    momentum::rsi_series(in[0], n, period, r);
    momentum::stoch_fast_batch(r + rp, r + rp, r + rp, n - rp, p.integer(1), p.integer(2), ma(p),
                               out[0] + rp, out[1] + rp);
  }
  fill_warmup(out, 2, n, lookback);
}

}  // namespace

Status register_stochrsi(Registry& r) {
  IndicatorSpec s;
  s.name = "stochrsi";
  s.talib_name = "STOCHRSI";
  s.group = "momentum";
  s.title = "Stochastic Relative Strength Index";
  s.inputs = {InputKind::kReal};
  s.params = {
      period_param(14, 2, "bars of the RSI"),
      {"fastk_period", {}, "optInFastK_Period", ParamType::kInteger, 5, 1, 100000,
       "bars of the RSI high/low window"},
      {"fastd_period", {}, "optInFastD_Period", ParamType::kInteger, 3, 1, 100000,
       "bars of the %D moving average"},
      ma_type_param("fastd_ma_type", {"fastd_matype"}, "optInFastD_MAType", 0,
                    "moving-average type of %D"),
  };
  s.outputs = {"fastk", "fastd"};
  s.lookback = stochrsi_lookback;
  s.batch = stochrsi_batch;
  s.stream = make_state_stream<StochrsiState>;
  s.definition =
      "The fast stochastic (STOCHF) applied to RSI(`period`) as high, low and close: %K = (RSI − "
      "lowest RSI) / ((highest RSI − lowest RSI)/100) over `fastk_period` values (0 when the "
      "range is 0), %D = MA(%K, `fastd_period`, `fastd_ma_type`); on TA-Lib's 0..100 scale.";
  s.source = "Tushar Chande and Stanley Kroll, The New Technical Trader (1994); TA-Lib "
             "TA_STOCHRSI conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
