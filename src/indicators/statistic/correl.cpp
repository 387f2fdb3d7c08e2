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
#include "indicators/statistic/sqrt_block.h"

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

// The formula over a block of sums, TA-Lib's expression: 0 when the variance
// product is ≤ 1e-14 (TA_IS_ZERO_OR_NEG). The stream calls it with len = 1,
// so batch and stream share the code; every operation is correctly rounded, so
// vector lanes and scalar code give the same bits. The quotient is computed
// unconditionally (sqrt of a negative product is NaN and selected away), which
// lets the loops vectorise. `len` ≤ kCorrelBlock.
constexpr size_t kCorrelBlock = 256;
void correl_block(double p, size_t len, const double* __restrict bx, const double* __restrict by,
                  const double* __restrict bxx, const double* __restrict byy,
                  const double* __restrict bxy, double* __restrict o) {
  double den[kCorrelBlock], root[kCorrelBlock];
  for (size_t j = 0; j < len; ++j)
    den[j] = (bxx[j] - (bx[j] * bx[j]) / p) * (byy[j] - (by[j] * by[j]) / p);
  sqrt_block(den, root, len);
  for (size_t j = 0; j < len; ++j) {
    const double r = (bxy[j] - (bx[j] * by[j]) / p) / root[j];
    o[j] = den[j] < 1e-14 ? 0.0 : r;
  }
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
    correl_block(double(period), 1, &s.sx, &s.sy, &s.sxx, &s.syy, &s.sxy, out);
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
  constexpr size_t kBlock = kCorrelBlock;
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
    correl_block(p, len, bx, by, bxx, byy, bxy, o + start);
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
