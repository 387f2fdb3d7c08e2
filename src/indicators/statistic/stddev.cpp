// STDDEV: population standard deviation times nbdev (TA-Lib TA_STDDEV).
#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/statistic/sqrt_block.h"
#include "indicators/statistic/variance.h"

namespace nocode::indicators {
namespace {

struct StddevState : variance::VarState {
  using VarState::VarState;
  bool step(const double* bar, double* out) {
    double v;
    if (!step_var(bar[0], &v)) return false;
    out[0] = variance::stddev_of(v, nbdev);
    return true;
  }
};

int stddev_lookback(const Params& p) { return p.integer(0) - 1; }

// Pass 1 writes the variance (a serial running-sum chain); pass 2 turns a
// block of it into standard deviations with vector square roots (sqrt is
// correctly rounded, so this equals the stream's scalar sqrt).
void stddev_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  double* y = out[0];
  const int period = p.integer(0);
  const double nbdev = p.real(1);
  variance::var_batch_into(in[0], n, period, y);
  constexpr size_t kBlock = 256;
  double root[kBlock];
  for (size_t start = size_t(period) - 1; start < n; start += kBlock) {
    const size_t len = n - start < kBlock ? n - start : kBlock;
    double* v = y + start;
    sqrt_block(v, root, len);
    for (size_t j = 0; j < len; ++j) v[j] = v[j] < variance::kZeroOrNeg ? 0.0 : root[j] * nbdev;
  }
}

}  // namespace

Status register_stddev(Registry& r) {
  IndicatorSpec s;
  s.name = "stddev";
  s.talib_name = "STDDEV";
  s.group = "statistic";
  s.title = "Standard Deviation";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(5),
              ParamSpec{"nbdev", {}, "optInNbDev", ParamType::kReal, 1.0, -3e37, 3e37,
                        "multiplier applied to the standard deviation"}};
  s.outputs = {"stddev"};
  s.lookback = stddev_lookback;
  s.batch = stddev_batch;
  s.stream = make_state_stream<StddevState>;
  s.definition =
      "`nbdev × sqrt(VAR)`: the population standard deviation of the last `period` values, "
      "from TA-Lib's running `E[x²] − E[x]²` variance. A variance below 1e-14 (including the "
      "tiny negative residues of flat windows) gives exactly 0.";
  s.source = "TA-Lib TA_STDDEV conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
