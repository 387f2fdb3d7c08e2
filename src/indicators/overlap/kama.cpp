// Kaufman Adaptive Moving Average (KAMA). Fast form: FMA-based EMA steps, within ~1e-14 of TA-Lib (ma_kernels.h).
#include "indicators/common_params.h"
#include "indicators/overlap/ma_indicator.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

int kama_lookback(const Params& p) { return p.integer(0); }

}  // namespace

Status register_kama(Registry& r) {
  IndicatorSpec s;
  s.name = "kama";
  s.talib_name = "KAMA";
  s.group = "overlap";
  s.title = "Kaufman Adaptive Moving Average";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"kama"};
  s.lookback = kama_lookback;
  s.batch = ma::period_batch<ma::kama_batch>;
  s.stream = make_state_stream<ma::PeriodState<ma::KamaCore>>;
  s.definition =
      "Efficiency ratio ER = |x − x[−period]| / Σ|Δx| over `period` changes (ER = 1 when the sum is ≤ the change or ~0); smoothing sc = (ER·(2/3 − 2/31) + 2/31)²; kama += sc·(x − kama). Seeded with x[period−1]; first value at row `period`.";
  s.source = "Kaufman, Smarter Trading (1995); TA-Lib TA_KAMA conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
