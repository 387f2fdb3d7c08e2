// CORREL: Pearson correlation of two series over a window (TA-Lib TA_CORREL).
//
// Five running sums (Σx, Σy, Σx², Σy², Σxy) in TA-Lib's operation order: the
// first window is summed oldest first, then every bar subtracts the value that
// left and adds the new one. The formula with its divisions and square root is
// evaluated per block in a separate, vectorisable loop.
#include <cmath>
#include <vector>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct CorrelSums {
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  void add(double x, double y) {
    sx += x;
    sxx += x * x;
    sxy += x * y;
    sy += y;
    syy += y * y;
  }
  void remove(double x, double y) {
    sx -= x;
    sxx -= x * x;
    sxy -= x * y;
    sy -= y;
    syy -= y * y;
  }
};

// TA-Lib: 0 when the variance product is ≤ 1e-14 (TA_IS_ZERO_OR_NEG).
inline double correl_of(double p, double sx, double sy, double sxx, double syy, double sxy) {
  const double den = (sxx - (sx * sx) / p) * (syy - (sy * sy) / p);
  return den < 1e-14 ? 0.0 : (sxy - (sx * sy) / p) / std::sqrt(den);
}

struct CorrelState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit CorrelState(const Params& p)
      : period(p.integer(0)), xs(size_t(period), 0.0), ys(size_t(period), 0.0) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0], y = bar[1];
    if (count >= period) s.remove(xs[pos], ys[pos]);  // the value that leaves
    s.add(x, y);
    xs[pos] = x;
    ys[pos] = y;
    if (++pos == xs.size()) pos = 0;
    if (count < period) ++count;
    if (count < period) return false;
    out[0] = correl_of(double(period), s.sx, s.sy, s.sxx, s.syy, s.sxy);
    return true;
  }

  int period;
  std::vector<double> xs, ys;
  size_t pos = 0;
  int count = 0;
  CorrelSums s;
};

int correl_lookback(const Params& p) { return p.integer(0) - 1; }

void correl_batch(const double* const* in, size_t n, const Params& params, double* const* out) {
  const double* __restrict x = in[0];
  const double* __restrict y = in[1];
  double* __restrict o = out[0];
  const size_t period = size_t(params.integer(0));
  const size_t lb = period - 1;
  fill_warmup(out, 1, n, lb);
  if (n <= lb) return;
  const double p = double(period);
  CorrelSums s;
  for (size_t i = 0; i < lb; ++i) s.add(x[i], y[i]);
  constexpr size_t kBlock = 256;
  double bx[kBlock], by[kBlock], bxx[kBlock], byy[kBlock], bxy[kBlock];
  for (size_t start = lb; start < n; start += kBlock) {
    const size_t len = n - start < kBlock ? n - start : kBlock;
    for (size_t j = 0; j < len; ++j) {
      const size_t i = start + j;
      if (i > lb) s.remove(x[i - period], y[i - period]);
      s.add(x[i], y[i]);
      bx[j] = s.sx;
      by[j] = s.sy;
      bxx[j] = s.sxx;
      byy[j] = s.syy;
      bxy[j] = s.sxy;
    }
    for (size_t j = 0; j < len; ++j) o[start + j] = correl_of(p, bx[j], by[j], bxx[j], byy[j], bxy[j]);
  }
}

}  // namespace

Status register_correl(Registry& r) {
  IndicatorSpec s;
  s.name = "correl";
  s.talib_name = "CORREL";
  s.group = "statistic";
  s.title = "Pearson's Correlation Coefficient";
  s.inputs = {InputKind::kReal0, InputKind::kReal1};
  s.params = {period_param(30, 1)};
  s.outputs = {"correl"};
  s.lookback = correl_lookback;
  s.batch = correl_batch;
  s.stream = make_state_stream<CorrelState>;
  s.definition =
      "Pearson's r of `real0` and `real1` over the last `period` bars: "
      "`(Σxy − ΣxΣy/p) / sqrt((Σx² − (Σx)²/p)·(Σy² − (Σy)²/p))` from running sums. As in TA-Lib "
      "the result is 0 when the product of the two variances is ≤ 1e-14 (a flat window).";
  s.source = "Pearson (1895); TA-Lib TA_CORREL conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
