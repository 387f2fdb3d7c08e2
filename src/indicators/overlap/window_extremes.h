// Internal: sliding-window highest and lowest in O(1) amortised per value
// (monotonic deques), with TA-Lib's NaN behaviour for MIDPOINT/MIDPRICE:
// TA-Lib starts its scan from the window's oldest value and then keeps a
// value only when a strict comparison holds, so a NaN anywhere but the
// oldest slot is ignored, while a NaN in the oldest slot poisons the result.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace nocode::indicators::ma {

// Deque of (index, value) over a power-of-two ring; Better(a, b) is true when
// a makes b useless (for the maximum: a >= b).
template <bool kMax>
class MonotonicDeque {
 public:
  explicit MonotonicDeque(size_t capacity) {
    size_t c = 1;
    while (c < capacity + 1) c <<= 1;
    mask_ = c - 1;
    idx_.resize(c);
    val_.resize(c);
  }
  void push(int64_t i, double x) {
    while (tail_ != head_) {
      const double b = val_[(tail_ - 1) & mask_];
      if (kMax ? !(x >= b) : !(x <= b)) break;
      --tail_;
    }
    idx_[tail_ & mask_] = i;
    val_[tail_ & mask_] = x;
    ++tail_;
  }
  void expire(int64_t first_index) {
    while (head_ != tail_ && idx_[head_ & mask_] < first_index) ++head_;
  }
  double front() const { return val_[head_ & mask_]; }

 private:
  size_t mask_ = 0, head_ = 0, tail_ = 0;
  std::vector<int64_t> idx_;
  std::vector<double> val_;
};

// Highest of `hi` values and lowest of `lo` values over the last `period`
// rows (the two series may be the same). NaN when the window's oldest hi or
// lo is NaN, as TA-Lib.
class WindowExtremes {
 public:
  explicit WindowExtremes(int period)
      : period_(period), max_(size_t(period)), min_(size_t(period)),
        oldest_hi_(size_t(period)), oldest_lo_(size_t(period)) {}

  // Feeds row t's values; true once a full window is in.
  bool push(double hi, double lo, double* highest, double* lowest) {
    const int64_t t = row_++;
    const size_t slot = slot_;
    if (++slot_ == size_t(period_)) slot_ = 0;  // slot_ is now the window's oldest
    oldest_hi_[slot] = hi;
    oldest_lo_[slot] = lo;
    if (!std::isnan(hi)) max_.push(t, hi);
    if (!std::isnan(lo)) min_.push(t, lo);
    if (t + 1 < period_) return false;
    const int64_t first = t + 1 - period_;
    max_.expire(first);
    min_.expire(first);
    const size_t first_slot = slot_;
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    *highest = std::isnan(oldest_hi_[first_slot]) ? nan : max_.front();
    *lowest = std::isnan(oldest_lo_[first_slot]) ? nan : min_.front();
    return true;
  }

 private:
  int64_t period_;
  int64_t row_ = 0;
  size_t slot_ = 0;
  MonotonicDeque<true> max_;
  MonotonicDeque<false> min_;
  std::vector<double> oldest_hi_, oldest_lo_;
};

// Batch form: y[t] = (highest hi + lowest lo)/2 over rows t-p+1..t, NaN
// before row p-1; the same numbers as WindowExtremes (min/max are exact).
// Van Herk / Gil-Werman: with blocks of p rows, a window is the suffix of the
// previous block plus the prefix of the current one, so each row costs a few
// branch-free max/min operations. NaN values are skipped by the comparisons;
// a NaN in the window's oldest slot gives NaN, as in TA-Lib.
inline void midrange_batch(const double* hi, const double* lo, size_t n, int period, double* y) {
  const size_t p = size_t(period);
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  constexpr double inf = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < n && i + 1 < p; ++i) y[i] = nan;
  if (n < p) return;
  std::vector<double> suf_max(p + 1, -inf), suf_min(p + 1, inf);  // suffixes of the previous block
  for (size_t b0 = 0; b0 < n; b0 += p) {
    const size_t b1 = b0 + p < n ? b0 + p : n;
    double pmax = -inf, pmin = inf;
    for (size_t t = b0; t < b1; ++t) {
      const double h = hi[t], l = lo[t];
      pmax = h > pmax ? h : pmax;
      pmin = l < pmin ? l : pmin;
      if (t + 1 < p) continue;
      const size_t r = t - b0 + 1;  // offset of the window's first row in the previous block
      const double smax = suf_max[r], smin = suf_min[r];
      const double wmax = smax > pmax ? smax : pmax;
      const double wmin = smin < pmin ? smin : pmin;
      const size_t first = t + 1 - p;
      y[t] = (std::isnan(hi[first]) || std::isnan(lo[first])) ? nan : (wmax + wmin) / 2.0;
    }
    if (b1 - b0 == p) {
      double m = -inf, k = inf;
      for (size_t j = p; j-- > 0;) {
        const double h = hi[b0 + j], l = lo[b0 + j];
        m = h > m ? h : m;
        k = l < k ? l : k;
        suf_max[j] = m;
        suf_min[j] = k;
      }
    }
  }
}

}  // namespace nocode::indicators::ma
