// BETA: regression slope of real1's one-bar returns on real0's (TA-Lib TA_BETA).
//
// TA-Lib recomputes the return that leaves the window from the prices (four
// divisions per bar). The return of a bar is the same number whenever it is
// computed, so the stream keeps the last `period` returns in a ring and the
// batch kernel computes returns for a block in a vectorisable loop, runs the
// four running sums serially (TA-Lib's order: add the newest, emit, subtract
// the oldest) and evaluates the ratio per block.
#include <cmath>
#include <vector>

#include "indicators/common_params.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

// TA_IS_ZERO: |v| < 1e-14.
inline bool is_zero(double v) { return -1e-14 < v && v < 1e-14; }

// One-bar return; 0 when the previous price is (near) zero.
inline double ret_of(double price, double prev) {
  return is_zero(prev) ? 0.0 : (price - prev) / prev;
}

inline double beta_of(double n, double sx, double sy, double sxx, double sxy) {
  const double den = (n * sxx) - (sx * sx);
  return is_zero(den) ? 0.0 : ((n * sxy) - (sx * sy)) / den;
}

struct BetaSums {
  double sxx = 0, sxy = 0, sx = 0, sy = 0;
  void add(double x, double y) {
    sxx += x * x;
    sxy += x * y;
    sx += x;
    sy += y;
  }
  void remove(double x, double y) {
    sxx -= x * x;
    sxy -= x * y;
    sx -= x;
    sy -= y;
  }
};

struct BetaState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit BetaState(const Params& p)
      : period(p.integer(0)), rx(size_t(period), 0.0), ry(size_t(period), 0.0) {}

  bool step(const double* bar, double* out) {
    const double px = bar[0], py = bar[1];
    if (seen == 0) {
      seen = 1;
      last_x = px;
      last_y = py;
      return false;
    }
    const double x = ret_of(px, last_x), y = ret_of(py, last_y);
    last_x = px;
    last_y = py;
    s.add(x, y);
    rx[pos] = x;
    ry[pos] = y;
    if (++pos == rx.size()) pos = 0;
    if (seen <= period) ++seen;  // bars seen, capped at period + 1
    if (seen <= period) return false;  // fewer than `period` returns so far
    out[0] = beta_of(double(period), s.sx, s.sy, s.sxx, s.sxy);
    s.remove(rx[pos], ry[pos]);  // the oldest return, overwritten next bar
    return true;
  }

  int period;
  std::vector<double> rx, ry;
  size_t pos = 0;
  int seen = 0;
  double last_x = 0, last_y = 0;
  BetaSums s;
};

int beta_lookback(const Params& p) { return p.integer(0); }

void beta_batch(const double* const* in, size_t n, const Params& params, double* const* out) {
  const double* __restrict x = in[0];
  const double* __restrict y = in[1];
  double* __restrict o = out[0];
  const size_t period = size_t(params.integer(0));
  fill_warmup(out, 1, n, period);
  if (n <= period) return;
  const double np = double(period);
  BetaSums s;
  for (size_t i = 1; i < period; ++i) s.add(ret_of(x[i], x[i - 1]), ret_of(y[i], y[i - 1]));
  constexpr size_t kBlock = 256;
  double nx[kBlock], ny[kBlock], ox[kBlock], oy[kBlock];
  double bx[kBlock], by[kBlock], bxx[kBlock], bxy[kBlock];
  for (size_t start = period; start < n; start += kBlock) {
    const size_t len = n - start < kBlock ? n - start : kBlock;
    // Returns entering (bar i) and leaving (bar i − period + 1) the window.
    for (size_t j = 0; j < len; ++j) {
      const size_t i = start + j;
      nx[j] = ret_of(x[i], x[i - 1]);
      ny[j] = ret_of(y[i], y[i - 1]);
      ox[j] = ret_of(x[i + 1 - period], x[i - period]);
      oy[j] = ret_of(y[i + 1 - period], y[i - period]);
    }
    for (size_t j = 0; j < len; ++j) {
      s.add(nx[j], ny[j]);
      bx[j] = s.sx;
      by[j] = s.sy;
      bxx[j] = s.sxx;
      bxy[j] = s.sxy;
      s.remove(ox[j], oy[j]);
    }
    for (size_t j = 0; j < len; ++j) o[start + j] = beta_of(np, bx[j], by[j], bxx[j], bxy[j]);
  }
}

}  // namespace

Status register_beta(Registry& r) {
  IndicatorSpec s;
  s.name = "beta";
  s.talib_name = "BETA";
  s.group = "statistic";
  s.title = "Beta";
  s.inputs = {InputKind::kReal0, InputKind::kReal1};
  s.params = {period_param(5, 1)};
  s.outputs = {"beta"};
  s.lookback = beta_lookback;
  s.batch = beta_batch;
  s.stream = make_state_stream<BetaState>;
  s.definition =
      "Least-squares slope of `real1`'s one-bar returns (y) against `real0`'s (x) over the last "
      "`period` returns: `(n·Σxy − Σx·Σy) / (n·Σx² − (Σx)²)`. As in TA-Lib a return is 0 when the "
      "previous price is within 1e-14 of zero, and the result is 0 when the denominator is.";
  s.source = "Sharpe (1964) CAPM beta; TA-Lib TA_BETA conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
