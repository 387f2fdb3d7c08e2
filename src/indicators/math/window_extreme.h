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

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
// ---- batch kernels ----

// Window extremes when the input has no NaN (nor −0.0): then TA-Lib's MIN/MAX are just
// the min/max of each window, whatever its tie rules. van Herk / Gil-Werman:
// blocks of `period` bars; a window [tr, t] is the suffix of tr's block plus
// the prefix of t's block (or exactly one block), so each bar costs a few
// min/max operations and no branches that depend on the data.
template <bool kMax>
void plain_extreme(const double* __restrict x, size_t n, size_t p, double* __restrict y) {
  const auto pick = [](double a, double b) { return kMax ? std::max(a, b) : std::min(a, b); };
  const size_t chunk = (p >= 1024 ? 1 : 1024 / p) * p;
  std::vector<double> suf(chunk);
  double pre = 0;
  size_t k = 0;  // t % p
  for (size_t t = 0; t + 1 < p; ++t, ++k) pre = k == 0 ? x[t] : pick(pre, x[t]);
  const size_t last_tr = n - p;
  for (size_t a = 0; a <= last_tr; a += chunk) {
    const size_t b = a + chunk < last_tr + 1 ? a + chunk : last_tr + 1;
    for (size_t bs = a; bs < b; bs += p) {
      const size_t be = bs + p < n ? bs + p : n;
      double v = x[be - 1];
      for (size_t j = be; j-- > bs;) suf[j - a] = v = pick(v, x[j]);
    }
    for (size_t tr = a; tr < b; ++tr) {
      const size_t t = tr + p - 1;
      pre = k == 0 ? x[t] : pick(pre, x[t]);
      y[t] = k == p - 1 ? pre : pick(suf[tr - a], pre);
      k = k + 1 == p ? 0 : k + 1;
    }
  }
}

// True if x holds a NaN or a −0.0: then the plain window extreme may differ
// from TA-Lib's (NaN rules; which of two tied zeros is reported).
inline bool needs_state_machine(const double* x, size_t n) {
  bool any = false;
  for (size_t i = 0; i < n; ++i) any |= std::isnan(x[i]) || (x[i] == 0 && std::signbit(x[i]));
  return any;
}

// TA-Lib's full state machine (values and indexes, NaN rules included),
// branch-free, for both sides at once: lane 0 of an SSE2 register tracks the
// maximum of x, lane 1 the maximum of −x (= −minimum, with the same tie rules
// mirrored). The oldest arg-max needed at a rescan comes from the same
// van Herk / Gil-Werman blocks: suffix of tr's block scanned backward with
// `>=` (ties to the older bar), prefix of t's block scanned forward with `>`
// (ties to the older bar). NaN never wins a compare, so the scans skip it as
// TA-Lib's rescan does. Indexes are carried as doubles (exact below 2^53).
// Any output pointer may be null.
#if defined(__SSE2__)
inline void track_both(const double* __restrict x, size_t n, size_t p, double* max_v,
                       double* min_v, double* max_i, double* min_i) {
  const __m128d worst = _mm_set1_pd(-std::numeric_limits<double>::infinity());
  const __m128d none = _mm_set1_pd(-1.0);
  const __m128d flip = _mm_set_pd(-0.0, 0.0);  // negates lane 1
  const auto load = [&](size_t i) { return _mm_xor_pd(_mm_set1_pd(x[i]), flip); };
  const auto sel = [](__m128d m, __m128d a, __m128d b) {
    return _mm_or_pd(_mm_and_pd(m, a), _mm_andnot_pd(m, b));
  };
  const size_t chunk = (p >= 1024 ? 1 : 1024 / p) * p;
  std::vector<double> suf_v(2 * chunk), suf_i(2 * chunk);

  __m128d pre_v = worst, pre_i = none;
  size_t k = 0;  // t % p
  for (size_t t = 0; t + 1 < p; ++t, ++k) {
    const __m128d xv = load(t);
    const __m128d c = _mm_cmpgt_pd(xv, pre_v);
    pre_v = sel(c, xv, pre_v);
    pre_i = sel(c, _mm_set1_pd(double(t)), pre_i);
  }
  __m128d best = _mm_setzero_pd(), best_i = none;
  const size_t last_tr = n - p;
  for (size_t a = 0; a <= last_tr; a += chunk) {
    const size_t b = a + chunk < last_tr + 1 ? a + chunk : last_tr + 1;
    for (size_t bs = a; bs < b; bs += p) {
      const size_t be = bs + p < n ? bs + p : n;
      __m128d cv = worst, ci = none;
      for (size_t j = be; j-- > bs;) {
        const __m128d xv = load(j);
        const __m128d c = _mm_cmpge_pd(xv, cv);
        cv = sel(c, xv, cv);
        ci = sel(c, _mm_set1_pd(double(j)), ci);
        _mm_storeu_pd(&suf_v[2 * (j - a)], cv);
        _mm_storeu_pd(&suf_i[2 * (j - a)], ci);
      }
    }
    for (size_t tr = a; tr < b; ++tr) {
      const size_t t = tr + p - 1;
      const __m128d xt = load(t);
      const __m128d td = _mm_set1_pd(double(t));
      if (k == 0) pre_v = worst, pre_i = none;  // predictable: once per block
      const __m128d c = _mm_cmpgt_pd(xt, pre_v);
      pre_v = sel(c, xt, pre_v);
      pre_i = sel(c, td, pre_i);
      // Oldest arg-max of [tr, t].
      const __m128d sv = _mm_loadu_pd(&suf_v[2 * (tr - a)]);
      const __m128d split = _mm_castsi128_pd(_mm_set1_epi64x(-int64_t(k != p - 1)));
      const __m128d use_suffix = _mm_and_pd(split, _mm_cmpge_pd(sv, pre_v));
      __m128d cand_v = sel(use_suffix, sv, pre_v);
      __m128d cand_i = sel(use_suffix, _mm_loadu_pd(&suf_i[2 * (tr - a)]), pre_i);
      const __m128d xtr = load(tr);
      const __m128d trd = _mm_set1_pd(double(tr));
      const __m128d nan_tr = _mm_cmpunord_pd(xtr, xtr);
      cand_v = sel(nan_tr, xtr, cand_v);
      cand_i = sel(nan_tr, trd, cand_i);
      // TA-Lib's update: rescan when the best bar left the window, else a
      // newer value that ties or beats the best takes over.
      const __m128d rescan = _mm_cmplt_pd(best_i, trd);
      const __m128d take = _mm_cmpge_pd(xt, best);
      best = sel(rescan, cand_v, sel(take, xt, best));
      best_i = sel(rescan, cand_i, sel(take, td, best_i));
      if (max_v) _mm_storel_pd(max_v + t, best);
      if (min_v) _mm_storeh_pd(min_v + t, _mm_xor_pd(best, flip));
      if (max_i) _mm_storel_pd(max_i + t, best_i);
      if (min_i) _mm_storeh_pd(min_i + t, best_i);
      k = k + 1 == p ? 0 : k + 1;
    }
  }
}
#endif

template <Output... kOuts>
void batch(const double* const* in, size_t n, const Params& params, double* const* out) {
  constexpr size_t kN = sizeof...(kOuts);
  const Output outs[kN] = {kOuts...};
  const size_t p = size_t(params.integer(0));
  fill_warmup(out, kN, n, p - 1);
  if (n < p) return;
  const double* x = in[0];
  bool values_only = true;
  for (Output o : outs) values_only = values_only && (o == kMinValue || o == kMaxValue);
  if (values_only && !needs_state_machine(x, n)) {
    for (size_t k = 0; k < kN; ++k) {
      if (outs[k] == kMaxValue) plain_extreme<true>(x, n, p, out[k]);
      else plain_extreme<false>(x, n, p, out[k]);
    }
    return;
  }
#if defined(__SSE2__)
  double* ptr[4] = {nullptr, nullptr, nullptr, nullptr};
  for (size_t k = 0; k < kN; ++k) ptr[outs[k]] = out[k];
  track_both(x, n, p, ptr[kMaxValue], ptr[kMinValue], ptr[kMaxIndex], ptr[kMinIndex]);
#else
  State<kOuts...> state(params);
  double values[kN];
  for (size_t i = 0; i < n; ++i)
    if (state.step(x + i, values))
      for (size_t k = 0; k < kN; ++k) out[k][i] = values[k];
#endif
}

inline int lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace nocode::indicators::extreme
