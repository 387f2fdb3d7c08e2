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
#include <limits>
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

// Batch form of one tracker, branch-free: the same state machine, but the
// oldest arg-max of a window (needed at a rescan) comes from van Herk /
// Gil-Werman blocks of `period` bars: a window [tr, t] is the suffix of tr's
// block (scanned backward, ties to the older bar) plus the prefix of t's
// block (scanned forward with a strict compare, ties to the older bar), or
// exactly one block when tr starts one. NaN never wins a compare, so both
// scans skip it as TA-Lib's rescan does. Indexes are carried as doubles (exact
// below 2^53).
template <bool kMax, bool kIndex>
void one_side(const double* __restrict x, size_t n, int period_i, double* __restrict y) {
  const size_t p = size_t(period_i);
  if (n < p) return;
  constexpr double kWorst =
      kMax ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  const auto ties_or_beats = [](double a, double b) { return kMax ? a >= b : a <= b; };
  const auto beats = [](double a, double b) { return kMax ? a > b : a < b; };
  const size_t blocks_per_chunk = p >= 1024 ? 1 : 1024 / p;
  const size_t chunk = blocks_per_chunk * p;
  std::vector<double> suf_v(chunk), suf_i(chunk);

  // Prefix of t's block; k = t % p.
  double pre_v = kWorst, pre_i = -1;
  size_t k = 0;
  for (size_t t = 0; t + 1 < p; ++t, ++k) {
    const bool c = beats(x[t], pre_v);
    pre_v = c ? x[t] : pre_v;
    pre_i = c ? double(t) : pre_i;
  }
  double best = 0.0, best_i = -1;
  const size_t last_tr = n - p;  // trailing index of the last window
  for (size_t a = 0; a <= last_tr; a += chunk) {
    const size_t b = a + chunk < last_tr + 1 ? a + chunk : last_tr + 1;
    for (size_t bs = a; bs < b; bs += p) {
      const size_t be = bs + p < n ? bs + p : n;
      double cv = kWorst, ci = -1;
      for (size_t j = be; j-- > bs;) {
        const bool c = ties_or_beats(x[j], cv);
        cv = c ? x[j] : cv;
        ci = c ? double(j) : ci;
        suf_v[j - a] = cv;
        suf_i[j - a] = ci;
      }
    }
    for (size_t tr = a; tr < b; ++tr) {
      const size_t t = tr + p - 1;
      const double xt = x[t];
      if (k == 0) pre_v = kWorst, pre_i = -1;
      const bool c = beats(xt, pre_v);
      pre_v = c ? xt : pre_v;
      pre_i = c ? double(t) : pre_i;
      // Oldest arg-max of [tr, t].
      const bool use_suffix = k != p - 1 && ties_or_beats(suf_v[tr - a], pre_v);
      double cand_v = use_suffix ? suf_v[tr - a] : pre_v;
      double cand_i = use_suffix ? suf_i[tr - a] : pre_i;
      const double xtr = x[tr];
      const bool nan_tr = std::isnan(xtr);
      cand_v = nan_tr ? xtr : cand_v;
      cand_i = nan_tr ? double(tr) : cand_i;
      // TA-Lib's update.
      const bool rescan = best_i < double(tr);
      const bool take = ties_or_beats(xt, best);
      best = rescan ? cand_v : (take ? xt : best);
      best_i = rescan ? cand_i : (take ? double(t) : best_i);
      y[t] = kIndex ? best_i : best;
      k = k + 1 == p ? 0 : k + 1;
    }
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
