// The window extreme TA-Lib's AROON, AROONOSC and WILLR report, found in O(1)
// per bar instead of TA-Lib's O(p) rescans: streams use a monotonic deque
// (ExtremeTracker), batch kernels a branch-free block scan (ExtremeScan).
//
// TA-Lib keeps (index, value) of the current extreme. When that index leaves
// the window it rescans the window from its oldest bar; otherwise it takes
// today's bar if it is at least as extreme (`<=` / `>=`). Without NaN this is
// "the most recent extreme" (AROON rescans with `<=`) or, after a rescan,
// "the earliest extreme" (WILLR rescans with `<`). NaN never wins a
// comparison, except that a rescan starting on a NaN bar keeps that bar (and
// a NaN value) until the next bar rescans again. Both forms find the extreme
// of the non-NaN bars and track TA-Lib's own (index, value) on top, so they
// reproduce that case too; the choice involves no arithmetic, so stream and
// batch give bit-identical outputs.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "indicators/indicator.h"
#include "indicators/momentum/branchless.h"

namespace nocode::indicators {

// kMax: track the highest (else the lowest) value.
// kLatestOnRescan: a rescan prefers the most recent of equal extremes (AROON)
// rather than the earliest (WILLR).
// The deque holds only the non-NaN bars; a second queue remembers NaN bars.
template <bool kMax, bool kLatestOnRescan>
class ExtremeTracker {
 public:
  // `window`: bars in the window, today included (AROON p+1, WILLR p).
  explicit ExtremeTracker(int window) : window_(window) {
    size_t cap = 1;
    while (cap < size_t(window) + 1) cap <<= 1;
    mask_ = cap - 1;
    idx_.assign(cap, 0);
    val_.assign(cap, 0.0);
    nan_idx_.assign(cap, 0);
  }

  // Feeds bar `today` (0, 1, 2, ...). Once today >= window-1, index() and
  // value() are TA-Lib's extreme for the window ending today.
  inline void step(int64_t today, double x) {
    const int64_t trailing = today - (window_ - 1);
    while (head_ != tail_ && idx_[head_ & mask_] < trailing) ++head_;
    if (x == x) {
      while (tail_ != head_ && evicts(val_[(tail_ - 1) & mask_], x)) --tail_;
      idx_[tail_ & mask_] = today;
      val_[tail_ & mask_] = x;
      ++tail_;
    } else {
      while (nan_head_ != nan_tail_ && nan_idx_[nan_head_ & mask_] < trailing) ++nan_head_;
      nan_idx_[nan_tail_ & mask_] = today;
      ++nan_tail_;
    }
    if (trailing < 0) return;
    if (cur_idx_ < trailing) {  // TA-Lib rescans from the oldest bar
      while (nan_head_ != nan_tail_ && nan_idx_[nan_head_ & mask_] < trailing) ++nan_head_;
      if (nan_head_ != nan_tail_ && nan_idx_[nan_head_ & mask_] == trailing) {
        cur_idx_ = trailing;
        cur_val_ = kNaN;
      } else {
        cur_idx_ = idx_[head_ & mask_];
        cur_val_ = val_[head_ & mask_];
      }
    } else if (kMax ? x >= cur_val_ : x <= cur_val_) {
      cur_idx_ = today;
      cur_val_ = x;
    }
  }

  int64_t index() const { return cur_idx_; }
  double value() const { return cur_val_; }

 private:
  // Whether the deque's newest value `back` can never again be the extreme
  // a rescan finds, now that `x` arrived.
  static bool evicts(double back, double x) {
    if constexpr (kMax)
      return kLatestOnRescan ? back <= x : back < x;
    else
      return kLatestOnRescan ? back >= x : back > x;
  }

  int window_;
  size_t mask_ = 0;
  std::vector<int64_t> idx_;
  std::vector<double> val_;
  std::vector<int64_t> nan_idx_;
  uint64_t head_ = 0, tail_ = 0;
  uint64_t nan_head_ = 0, nan_tail_ = 0;
  int64_t cur_idx_ = -1;
  double cur_val_ = 0.0;
};

// Batch form of ExtremeTracker: calls emit(i, index, value) for every row
// i >= window−1 with the extreme TA-Lib reports for rows [i−window+1, i].
// The "what would a rescan find" part is answered in O(1) per row without
// branches by the van Herk/Gil-Werman split: the window is a suffix of one
// block of `window` rows plus a prefix of the next.
template <bool kMax, bool kLatestOnRescan>
class ExtremeScan {
 public:
  ExtremeScan(const double* x, int window) : x_(x), w_(size_t(window)), suf_v_(w_), suf_i_(w_) {}

  // Rows per block; run() takes ranges that start on a block boundary.
  size_t block_size() const { return w_; }

  // Emits rows [from, to): call with consecutive ranges whose bounds are
  // multiples of the window, except the end of the series. Rows before
  // window−1 emit nothing.
  template <class Emit>
  void run(size_t from, size_t to, Emit&& emit) {
    const double* x = x_;
    const size_t w = w_;
    std::vector<double>& suf_v = suf_v_;
    std::vector<int64_t>& suf_i = suf_i_;
    int64_t cur_i = cur_i_;
    double cur_v = cur_v_;
    bool prev_clean = prev_clean_;
    // Strictly better / at least as good, in the tracked direction (NaN never is).
    auto better = [](double a, double b) { return kMax ? a > b : a < b; };
    auto as_good = [](double a, double b) { return kMax ? a >= b : a <= b; };
    // The running extreme value as one min/max instruction (NaN v keeps b;
    // between equal values the choice is invisible: only the index carries
    // the tie rule).
    auto pick = [](double v, double b) { return kMax ? (v > b ? v : b) : (v < b ? v : b); };
    auto has_nan = [x](size_t from, size_t to) {
      bool any = false;
      for (size_t i = from; i < to; ++i) any |= x[i] != x[i];
      return any;
    };

    // One block of rows [b, e). kClean: no NaN in it nor in the block before,
    // so no comparison meets a NaN and everything runs on conditional moves.
    auto block = [&]<bool kClean>(size_t b, size_t e) {
      if (b >= w) {  // suffix extremes of the previous block
        size_t j = w - 1;
        double bv = x[b - 1];
        int64_t bi = int64_t(b - 1);
        if constexpr (!kClean) {
          if (bv != bv) bi = -1;
        }
        suf_v[j] = bv;
        suf_i[j] = bi;
        while (j-- > 0) {
          const double v = x[b - w + j];
          // Backwards, a tie replaces the best only when earliest ties win.
          bool take = kLatestOnRescan ? better(v, bv) : as_good(v, bv);
          if constexpr (!kClean) take = take | ((bi < 0) & (v == v));
          bi = select_i(take, int64_t(b - w + j), bi);
          bv = kClean ? pick(v, bv) : select_d(take, v, bv);
          suf_v[j] = bv;
          suf_i[j] = bi;
        }
      }
      double pv = x[b];
      int64_t pi = int64_t(b);
      if constexpr (!kClean) {
        if (pv != pv) pi = -1;
      }
      for (size_t i = b; i < e; ++i) {
        const double v = x[i];
        if (i != b) {
          bool take = kLatestOnRescan ? as_good(v, pv) : better(v, pv);
          if constexpr (!kClean) take = take | ((pi < 0) & (v == v));
          pi = select_i(take, int64_t(i), pi);
          pv = kClean ? pick(v, pv) : select_d(take, v, pv);
        }
        if (i + 1 < w) continue;
        const size_t trailing = i + 1 - w;
        // What a rescan of the window finds (the prefix alone if the window is
        // exactly this block).
        double wv = pv;
        int64_t wi = pi;
        if (trailing != b) {
          const size_t k = trailing - (b - w);
          const double av = suf_v[k];
          const int64_t ai = suf_i[k];
          bool use_a = kLatestOnRescan ? better(av, pv) : as_good(av, pv);
          if constexpr (!kClean) use_a = (pi < 0) | ((ai >= 0) & use_a);
          wv = select_d(use_a, av, pv);
          wi = select_i(use_a, ai, pi);
        }
        // TA-Lib's own state: rescan when its extreme left the window (a NaN
        // first bar then wins), else take today's bar if at least as extreme.
        const bool expired = cur_i < int64_t(trailing);
        if constexpr (kClean && kLatestOnRescan) {
          // Without NaN, TA-Lib's (index, value) is the window's latest extreme.
          (void)expired;
          cur_i = wi;
          cur_v = wv;
        } else if constexpr (kClean) {
          // Without NaN, TA-Lib's value is always the window's extreme, so
          // cur_v needs no chain; only the index (whose tie choice can differ
          // from wi) is carried.
          // cur_v is the previous row's window extreme (no chain); the index
          // chain is two conditional moves: today's row is newer than cur_i.
          const int64_t cand = as_good(v, cur_v) ? int64_t(i) : cur_i;
          cur_i = expired ? wi : cand;
          cur_v = wv;
        } else {
          if (expired && x[trailing] != x[trailing]) {
            wi = int64_t(trailing);
            wv = kNaN;
          }
          const bool today_wins = !expired & as_good(v, cur_v);
          cur_i = select_i(expired, wi, cur_i);
          cur_v = select_d(expired, wv, cur_v);
          cur_i = select_i(today_wins, int64_t(i), cur_i);
          cur_v = select_d(today_wins, v, cur_v);
        }
        emit(i, cur_i, cur_v);
      }
    };

    for (size_t b = from; b < to; b += w) {
      const size_t e = b + w < to ? b + w : to;
      const bool clean = !has_nan(b, e);
      if (clean && prev_clean)
        block.template operator()<true>(b, e);
      else
        block.template operator()<false>(b, e);
      prev_clean = clean;
    }
    cur_i_ = cur_i;
    cur_v_ = cur_v;
    prev_clean_ = prev_clean;
  }

 private:
  const double* x_;
  size_t w_;
  std::vector<double> suf_v_;
  std::vector<int64_t> suf_i_;
  int64_t cur_i_ = -1;
  double cur_v_ = 0.0;
  bool prev_clean_ = true;
};

// Emits every row of x (see ExtremeScan).
template <bool kMax, bool kLatestOnRescan, class Emit>
void scan_extremes(const double* x, size_t n, int window, Emit&& emit) {
  if (n < size_t(window)) return;
  ExtremeScan<kMax, kLatestOnRescan> scan(x, window);
  scan.run(0, n, emit);
}

}  // namespace nocode::indicators
