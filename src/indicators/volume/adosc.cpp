// ADOSC: Chaikin A/D Oscillator = EMA_fast(AD) − EMA_slow(AD). TA-Lib seeds
// both EMAs with the first AD value (not an SMA), updates them as
// k·ad + (1−k)·prev, does not swap fast and slow, and outputs from row
// max(fast, slow) − 1.
#include <algorithm>
#include <cmath>

#include "indicators/registry.h"
#include "indicators/state_stream.h"
#include "indicators/volume/ad_line.h"

namespace nocode::indicators {
namespace {

struct AdoscCoeffs {
  explicit AdoscCoeffs(const Params& p)
      : fk(2.0 / double(p.integer(0) + 1)),
        sk(2.0 / double(p.integer(1) + 1)),
        fk1(1.0 - fk),
        sk1(1.0 - sk),
        lookback(size_t(std::max(p.integer(0), p.integer(1)) - 1)) {}
  double fk, sk, fk1, sk1;
  size_t lookback;
};

struct AdoscState {
  static constexpr size_t kInputs = 4, kOutputs = 1;  // high, low, close, volume
  explicit AdoscState(const Params& p) : k(p) {}
  bool step(const double* bar, double* out) {
    ad += ad_term(bar[0], bar[1], bar[2], bar[3]);
    if (count == 0) {
      fast = slow = ad;
    } else {
      fast = std::fma(k.fk1, fast, k.fk * ad);
      slow = std::fma(k.sk1, slow, k.sk * ad);
    }
    if (count++ < k.lookback) return false;
    out[0] = fast - slow;
    return true;
  }
  AdoscCoeffs k;
  size_t count = 0;
  double ad = 0.0, fast = 0.0, slow = 0.0;
};

int adosc_lookback(const Params& p) { return std::max(p.integer(0), p.integer(1)) - 1; }

void adosc_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const double* __restrict h = in[0];
  const double* __restrict l = in[1];
  const double* __restrict c = in[2];
  const double* __restrict v = in[3];
  double* __restrict y = out[0];
  const AdoscCoeffs k(p);
  if (n == 0) return;
  double ad = 0.0;
  ad += ad_term(h[0], l[0], c[0], v[0]);
  double fast = ad, slow = ad;
  y[0] = kNaN;
  for (size_t i = 1; i < n; ++i) {
    ad += ad_term(h[i], l[i], c[i], v[i]);
    fast = std::fma(k.fk1, fast, k.fk * ad);
    slow = std::fma(k.sk1, slow, k.sk * ad);
    y[i] = fast - slow;
  }
  fill_warmup(out, 1, n, k.lookback);
}

ParamSpec adosc_period(const char* name, const char* alias, const char* talib, int def,
                       const char* what) {
  return ParamSpec{name, {alias}, talib, ParamType::kInteger, double(def), 2, 100000, what};
}

}  // namespace

Status register_adosc(Registry& r) {
  IndicatorSpec s;
  s.name = "adosc";
  s.talib_name = "ADOSC";
  s.group = "volume";
  s.title = "Chaikin A/D Oscillator";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose, InputKind::kVolume};
  s.params = {adosc_period("fast_period", "fastperiod", "optInFastPeriod", 3,
                           "bars of the fast EMA of the A/D line"),
              adosc_period("slow_period", "slowperiod", "optInSlowPeriod", 10,
                           "bars of the slow EMA of the A/D line")};
  s.outputs = {"adosc"};
  s.lookback = adosc_lookback;
  s.batch = adosc_batch;
  s.stream = make_state_stream<AdoscState>;
  s.definition =
      "EMA(AD, fast) − EMA(AD, slow) of the accumulation/distribution line. As in TA-Lib both "
      "EMAs start from the first AD value and update as k·AD + (1−k)·prev with k = 2/(n+1); "
      "the periods are not swapped (ADOSC(10,3) = −ADOSC(3,10)); values start at row "
      "max(fast, slow) − 1.";
  s.source = "Marc Chaikin; TA-Lib TA_ADOSC conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
