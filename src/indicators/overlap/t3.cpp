// T3: Tillson's triple-smoothed generalised DEMA (TA_T3), in TA-Lib's exact operation order.
#include "indicators/common_params.h"
#include "indicators/overlap/ma_indicator.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct T3State {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit T3State(const Params& p) : core(p.integer(0), p.real(1)) {}
  bool step(const double* bar, double* out) { return core.step(bar[0], out); }
  ma::T3CoreT<ma::Mode::kExact> core;
};

int t3_lookback(const Params& p) { return 6 * (p.integer(0) - 1); }

void t3_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  ma::t3_batch_t<ma::Mode::kExact>(in[0], n, p.integer(0), p.real(1), out[0]);
}

}  // namespace

Status register_t3(Registry& r) {
  IndicatorSpec s;
  s.name = "t3";
  s.talib_name = "T3";
  s.group = "overlap";
  s.title = "Triple Exponential Moving Average (T3)";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(5),
              ParamSpec{"vfactor", {"volume_factor"}, "optInVFactor", ParamType::kReal, 0.7, 0, 1,
                        "volume factor a: 0 gives a triple EMA, 1 a DEMA of DEMA"}};
  s.outputs = {"t3"};
  s.lookback = t3_lookback;
  s.batch = t3_batch;
  s.stream = make_state_stream<T3State>;
  s.definition =
      "Six EMAs in series (k = 2/(period+1), each seeded with the simple mean of its first "
      "`period` inputs); T3 = c1·e6 + c2·e5 + c3·e4 + c4·e3 with c1 = −a³, c2 = 3a² + 3a³, "
      "c3 = −6a² − 3a − 3a³, c4 = 1 + 3a + a³ + 3a². First value at row 6·(period−1).";
  s.source = "Tillson, Smoothing Techniques for More Accurate Signals, TASC (Jan 1998); TA-Lib TA_T3.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
