// Rate of Change (TA-Lib ROC).
#include "indicators/common_params.h"
#include "indicators/momentum/lag_kernel.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

inline double roc_of(double x, double prev) {
  const double q = x / prev;  // computed unconditionally so the loop vectorises
  return prev != 0.0 ? (q - 1.0) * 100.0 : 0.0;
}

}  // namespace

Status register_roc(Registry& r) {
  IndicatorSpec s;
  s.name = "roc";
  s.talib_name = "ROC";
  s.group = "momentum";
  s.title = "Rate of Change";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(10, 1)};
  s.outputs = {"roc"};
  s.lookback = lag_lookback;
  s.batch = lag_batch<roc_of>;
  s.stream = make_state_stream<LagState<roc_of>>;
  s.definition =
      "((x / x[t−period]) − 1)·100, the percentage change over `period` bars; 0 when x[t−period] "
      "is 0 (TA-Lib).";
  s.source = "TA-Lib TA_ROC conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
