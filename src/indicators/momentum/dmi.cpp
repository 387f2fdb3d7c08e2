// DMI: Wilder's directional movement system (+DI, -DI, ADX) in one pass,
// with TA-Lib's arithmetic so each output equals TA-Lib's PLUS_DI / MINUS_DI / ADX.
#include <cmath>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

bool dmi_is_zero(double v) { return -1e-14 < v && v < 1e-14; }

struct DmiState {
  static constexpr size_t kInputs = 3, kOutputs = 3;
  explicit DmiState(const Params& p) : n(p.integer(0)) {}

  bool step(const double* bar, double* out) {
    const double h = bar[0], l = bar[1], c = bar[2];
    ++t;
    if (t == 0) {
      prev_high = h;
      prev_low = l;
      prev_close = c;
      return false;
    }
    const double diff_p = h - prev_high;
    const double diff_m = prev_low - l;
    double tr = h - l;
    const double a = std::fabs(h - prev_close);
    if (a > tr) tr = a;
    const double b = std::fabs(l - prev_close);
    if (b > tr) tr = b;
    prev_high = h;
    prev_low = l;
    prev_close = c;
    const bool minus = diff_m > 0 && diff_p < diff_m;
    const bool plus = diff_p > 0 && diff_p > diff_m;
    if (t < n) {  // rows 1 .. n-1: plain sums of n-1 values
      if (minus) minus_dm += diff_m;
      else if (plus) plus_dm += diff_p;
      sum_tr += tr;
      return false;
    }
    minus_dm = minus ? (minus_dm - minus_dm / n) + diff_m : minus_dm - minus_dm / n;
    plus_dm = plus ? (plus_dm - plus_dm / n) + diff_p : plus_dm - plus_dm / n;
    sum_tr = sum_tr - sum_tr / n + tr;
    double plus_di = 0, minus_di = 0;
    double dx = 0;
    bool have_dx = false;
    if (!dmi_is_zero(sum_tr)) {
      minus_di = 100.0 * (minus_dm / sum_tr);
      plus_di = 100.0 * (plus_dm / sum_tr);
      const double s = minus_di + plus_di;
      if (!dmi_is_zero(s)) {
        dx = 100.0 * (std::fabs(minus_di - plus_di) / s);
        have_dx = true;
      }
    }
    if (t < 2 * n - 1) {  // rows n .. 2n-2: collect DX
      if (have_dx) sum_dx += dx;
      return false;
    }
    if (t == 2 * n - 1) {
      if (have_dx) sum_dx += dx;
      adx = sum_dx / n;
    } else if (have_dx) {
      adx = (adx * (n - 1) + dx) / n;
    }
    out[0] = plus_di;
    out[1] = minus_di;
    out[2] = adx;
    return true;
  }

  int n;
  long t = -1;
  double prev_high = 0, prev_low = 0, prev_close = 0;
  double plus_dm = 0, minus_dm = 0, sum_tr = 0, sum_dx = 0, adx = 0;
};

int dmi_lookback(const Params& p) { return 2 * p.integer(0) - 1; }

}  // namespace

Status register_dmi(Registry& r) {
  IndicatorSpec s;
  s.name = "dmi";
  s.aliases = {"directional_movement_index", "directional_movement"};
  s.group = "momentum";
  s.title = "Directional Movement Index (+DI, −DI, ADX)";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.params = {period_param(14, 2)};
  s.outputs = {"plus_di", "minus_di", "adx"};
  s.lookback = dmi_lookback;
  s.batch = batch_by_state<DmiState>;
  s.stream = make_state_stream<DmiState>;
  s.definition =
      "Wilder's +DI, −DI and ADX computed together with TA-Lib's conventions: ±DM (ties count "
      "neither) and TR use Wilder sums `S − S/n + x` seeded with the sum of n−1 values; "
      "`±DI = 100·±DM/TR` (0 when TR ≈ 0); ADX is seeded with the mean of n DX values and then "
      "`(ADX·(n−1) + DX)/n`, holding when TR or the DI sum is ≈ 0. All three start at ADX's first "
      "row `2n − 1` (TA-Lib's PLUS_DI/MINUS_DI start at n with the same values).";
  s.source = "J. Welles Wilder, *New Concepts in Technical Trading Systems* (1978); equals TA-Lib "
             "TA_PLUS_DI, TA_MINUS_DI and TA_ADX.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
