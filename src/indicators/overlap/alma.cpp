// ALMA: Arnaud Legoux moving average (Gaussian-weighted FIR filter).
#include <cmath>
#include <vector>

#include "indicators/common_params.h"
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct AlmaState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit AlmaState(const Params& p) : n(p.integer(0)), window(n), weights(size_t(n)) {
    const double m = p.real(1) * double(n - 1);
    const double sd = double(n) / p.real(2);
    norm = 0;
    for (int i = 0; i < n; ++i) {
      weights[size_t(i)] = std::exp(-((double(i) - m) * (double(i) - m)) / (2.0 * sd * sd));
      norm += weights[size_t(i)];
    }
  }

  bool step(const double* bar, double* out) {
    window.push(bar[0]);
    if (!window.full()) return false;
    double sum = 0;  // weights[0] goes to the oldest value
    for (int i = 0; i < n; ++i) sum += weights[size_t(i)] * window.back(size_t(n - 1 - i));
    out[0] = sum / norm;
    return true;
  }

  int n;
  ext::Ring window;
  std::vector<double> weights;
  double norm;
};

int alma_lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace

Status register_alma(Registry& r) {
  IndicatorSpec s;
  s.name = "alma";
  s.aliases = {"arnaud_legoux_ma", "arnaud_legoux_moving_average"};
  s.group = "overlap";
  s.title = "Arnaud Legoux Moving Average";
  s.inputs = {InputKind::kReal};
  s.params = {period_param(9, 1),
              ext::ext_param("offset", {"alma_offset"}, ParamType::kReal, 0.85, 0, 1,
                             "position of the Gaussian's peak in the window (0 oldest, 1 newest)"),
              ext::ext_param("sigma", {"alma_sigma"}, ParamType::kReal, 6, 0.01, 1000,
                             "sharpness: the Gaussian's width is period/sigma")};
  s.outputs = {"alma"};
  s.lookback = alma_lookback;
  s.batch = batch_by_state<AlmaState>;
  s.stream = make_state_stream<AlmaState>;
  s.definition =
      "Weighted mean of the last `n` values with Gaussian weights `w_i = exp(−(i−m)²/(2s²))`, "
      "`i = 0` the oldest bar, `m = offset·(n−1)`, `s = n/sigma`; `ALMA = Σ w_i·x_i / Σ w_i`. "
      "O(n) work per bar.";
  s.source = "Arnaud Legoux & Dimitris Kouzis-Loukas, ALMA (2009), arnaudlegoux.com; same "
             "weights as TradingView `ta.alma` (offset 0.85, sigma 6).";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
