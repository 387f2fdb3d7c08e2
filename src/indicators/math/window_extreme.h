// Shared kernel of MAX, MIN, MAXINDEX, MININDEX, MINMAX and MINMAXINDEX:
// TA-Lib's highest/lowest-over-a-window state machine, reproduced exactly but
// in O(1) per bar.
//
// TA-Lib keeps (best value, best index). While the best index is inside the
// window it only replaces it by a newer value that ties or beats it (`>=` for
// the maximum); once it leaves the window it rescans the window oldest first
// with a strict `>`, i.e. it picks the OLDEST arg-max. NaN compares false
// everywhere, so a NaN is skipped, except when the rescan starts on it: then
// (NaN, that index) is the answer for one bar. Index outputs depend on these
// tie rules, so they are kept as they are; only the rescan is replaced by a
// monotonic deque of the window's non-NaN values that keeps ties (its front is
// the oldest arg-max).
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "indicators/indicator.h"
#include "indicators/state_stream.h"

namespace nocode::indicators::extreme {

template <bool kMax>
struct Tracker {
  explicit Tracker(int period) {
    size_t cap = 1;
    while (cap < size_t(period) + 1) cap <<= 1;
    mask = cap - 1;
    vals.assign(cap, 0.0);
    idxs.assign(cap, 0);
  }

  static bool beats(double a, double b) { return kMax ? a > b : a < b; }
  static bool ties_or_beats(double a, double b) { return kMax ? a >= b : a <= b; }

  // Every bar, in order, before advance().
  void push(double x, int64_t t) {
    if (std::isnan(x)) return;
    while (tail != head && beats(x, vals[(tail - 1) & mask])) --tail;
    vals[tail & mask] = x;
    idxs[tail & mask] = t;
    ++tail;
  }

  // The state for the window [trailing, t] (x = value at t, x_trailing = value
  // at trailing). Call once per bar from the first full window on.
  void advance(double x, int64_t t, double x_trailing, int64_t trailing) {
    if (head != tail && idxs[head & mask] < trailing) ++head;
    if (best_idx < trailing) {
      if (std::isnan(x_trailing)) {
        best = x_trailing;
        best_idx = trailing;
      } else {
        best = vals[head & mask];
        best_idx = idxs[head & mask];
      }
    } else if (ties_or_beats(x, best)) {
      best = x;
      best_idx = t;
    }
  }

  std::vector<double> vals;
  std::vector<int64_t> idxs;
  size_t mask = 0;
  size_t head = 0, tail = 0;
  double best = 0.0;
  int64_t best_idx = -1;
};

// Which outputs, in TA-Lib's order: min first, then max.
enum Output { kMinValue, kMaxValue, kMinIndex, kMaxIndex };

template <Output... kOuts>
struct State {
  static constexpr size_t kInputs = 1, kOutputs = sizeof...(kOuts);
  explicit State(const Params& p)
      : period(p.integer(0)), ring(size_t(period), 0.0), hi(period), lo(period) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    const int64_t t = count++;
    ring[size_t(t % period)] = x;
    hi.push(x, t);
    lo.push(x, t);
    if (t < period - 1) return false;
    const int64_t trailing = t - period + 1;
    const double xt = ring[size_t(trailing % period)];
    hi.advance(x, t, xt, trailing);
    lo.advance(x, t, xt, trailing);
    size_t k = 0;
    ((out[k++] = value(kOuts)), ...);
    return true;
  }

  double value(Output o) const {
    switch (o) {
      case kMinValue: return lo.best;
      case kMaxValue: return hi.best;
      case kMinIndex: return double(lo.best_idx);
      case kMaxIndex: return double(hi.best_idx);
    }
    return kNaN;
  }

  int period;
  std::vector<double> ring;
  int64_t count = 0;
  Tracker<true> hi;
  Tracker<false> lo;
};

template <bool kMax, bool kIndex>
void one_side(const double* __restrict x, size_t n, int period, double* __restrict y) {
  Tracker<kMax> tr(period);
  const size_t lb = size_t(period) - 1;
  for (size_t i = 0; i < lb && i < n; ++i) tr.push(x[i], int64_t(i));
  for (size_t i = lb; i < n; ++i) {
    tr.push(x[i], int64_t(i));
    tr.advance(x[i], int64_t(i), x[i - lb], int64_t(i - lb));
    y[i] = kIndex ? double(tr.best_idx) : tr.best;
  }
}

// Batch kernel: each output is an independent pass of one tracker.
template <Output... kOuts>
void batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const int period = p.integer(0);
  fill_warmup(out, sizeof...(kOuts), n, size_t(period) - 1);
  size_t k = 0;
  (
      [&] {
        double* y = out[k++];
        switch (kOuts) {
          case kMinValue: one_side<false, false>(in[0], n, period, y); break;
          case kMaxValue: one_side<true, false>(in[0], n, period, y); break;
          case kMinIndex: one_side<false, true>(in[0], n, period, y); break;
          case kMaxIndex: one_side<true, true>(in[0], n, period, y); break;
        }
      }(),
      ...);
}

inline int lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace nocode::indicators::extreme
