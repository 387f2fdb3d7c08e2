// Triple Exponential Moving Average (TEMA). Fast form: FMA-based EMA steps, within ~1e-14 of TA-Lib (ma_kernels.h).
#include "indicators/common_params.h"
#include "indicators/overlap/ma_indicator.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

int tema_lookback(const Params& p) { return 3 * (p.integer(0) - 1); }

}  // namespace

Status register_tema(Registry& r) {
  IndicatorSpec s;
  s.name = "tema";
  s.talib_name = "TEMA";
  s.group = "overlap";
  s.title = "Triple Exponential Moving Average";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(30)};
  s.outputs = {"tema"};
  s.lookback = tema_lookback;
  s.batch = ma::period_batch<ma::tema_batch>;
  s.stream = make_state_stream<ma::PeriodState<ma::TemaCore>>;
  s.definition =
      "3·EMA1 − 3·EMA2 + EMA3 where EMA2 = EMA(EMA1), EMA3 = EMA(EMA2), k = 2/(period+1); each EMA is seeded with the simple mean of its first `period` inputs (first value at row 3·(period−1)).";
  s.source = "Mulloy, Smoothing Data with Faster Moving Averages, TASC (Jan 1994); TA-Lib TA_TEMA conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
