// Building blocks for the indicators TA-Lib lacks (the editor's extended
// catalogue: VWMA, HMA, ZLEMA, ALMA, FRAMA, VIDYA, Ichimoku, TSI, PMO, QQE,
// RMI, IFT_RSI, KDJ, AO, AC, Fisher, Inertia, DPO, DMI).
//
// Every block is a small streaming object; the indicators build a State from
// them and use batch_by_state(), so batch and stream run the very same
// arithmetic (bit-identical by construction). All updates are O(1) amortised.
//
// Sliding sums re-add their window from scratch every `n` updates (when the
// ring buffer wraps): the cost stays O(1) per bar, floating-point drift cannot
// build up over long series, and a NaN that has left the window no longer
// poisons the result. A window of exact zeros always sums to exactly 0.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "indicators/indicator.h"

namespace nocode::indicators::ext {

// The last `n` values (n >= 1). back(0) is the newest, back(n-1) the oldest.
class Ring {
 public:
  explicit Ring(int n) : buf_(static_cast<size_t>(n > 0 ? n : 1), kNaN) {}
  void push(double x) {
    buf_[pos_] = x;
    if (++pos_ == buf_.size()) pos_ = 0;
    if (count_ < buf_.size()) ++count_;
  }
  size_t size() const { return count_; }
  bool full() const { return count_ == buf_.size(); }
  double back(size_t k) const {  // k < capacity
    const size_t n = buf_.size();
    size_t i = pos_ + n - 1 - k;
    if (i >= n) i -= n;
    return buf_[i];
  }

 private:
  std::vector<double> buf_;
  size_t pos_ = 0, count_ = 0;
};

// Sum of the last n values.
class WindowSum {
 public:
  explicit WindowSum(int n) : n_(static_cast<size_t>(n)), buf_(n_, 0.0) {}
  // Adds x; true once the window holds n values.
  bool push(double x) {
    if (count_ < n_) {
      ++count_;
      sum_ += x;
    } else {
      const double old = buf_[pos_];
      if (old != 0) --nonzero_;
      sum_ = (sum_ - old) + x;
    }
    if (x != 0) ++nonzero_;  // NaN counts as non-zero
    buf_[pos_] = x;
    if (++pos_ == n_) {
      pos_ = 0;
      recompute();
    }
    return count_ == n_;
  }
  double sum() const { return nonzero_ == 0 ? 0.0 : sum_; }
  size_t count() const { return count_; }

 private:
  void recompute() {  // pos_ == 0: buf_ is in time order
    double s = 0;
    for (size_t i = 0; i < n_; ++i) s += buf_[i];
    sum_ = s;
  }
  size_t n_;
  std::vector<double> buf_;
  size_t pos_ = 0, count_ = 0, nonzero_ = 0;
  double sum_ = 0;
};

// Weighted moving average, weights 1..n with the newest value heaviest.
class WindowWma {
 public:
  explicit WindowWma(int n)
      : n_(static_cast<size_t>(n)), buf_(n_, 0.0), divisor_(double(n) * double(n + 1) / 2.0) {}
  bool push(double x) {
    if (count_ < n_) {
      ++count_;
      sum_ += x;
      wsum_ += double(count_) * x;
    } else {
      const double old = buf_[pos_];
      wsum_ = (wsum_ + double(n_) * x) - sum_;
      sum_ = (sum_ - old) + x;
    }
    buf_[pos_] = x;
    if (++pos_ == n_) {
      pos_ = 0;
      double s = 0, w = 0;
      for (size_t i = 0; i < n_; ++i) {
        s += buf_[i];
        w += double(i + 1) * buf_[i];
      }
      sum_ = s;
      wsum_ = w;
    }
    return count_ == n_;
  }
  double value() const { return wsum_ / divisor_; }

 private:
  size_t n_;
  std::vector<double> buf_;
  double divisor_;
  size_t pos_ = 0, count_ = 0;
  double sum_ = 0, wsum_ = 0;
};

// Highest (is_max) or lowest value of the last n pushes: a monotonic deque.
class RollingExtreme {
 public:
  RollingExtreme(int n, bool is_max)
      : n_(static_cast<long>(n)), cap_(static_cast<size_t>(n) + 1), idx_(cap_), val_(cap_),
        is_max_(is_max) {}
  void push(double x) {
    ++t_;
    while (size_ > 0) {
      const double b = val_[wrap(head_ + size_ - 1)];
      if (is_max_ ? (b <= x) : (b >= x)) --size_;
      else break;
    }
    const size_t slot = wrap(head_ + size_);
    idx_[slot] = t_;
    val_[slot] = x;
    ++size_;
    while (idx_[head_] <= t_ - n_) {
      if (++head_ == cap_) head_ = 0;
      --size_;
    }
  }
  double value() const { return val_[head_]; }
  bool full() const { return t_ + 1 >= n_; }

 private:
  size_t wrap(size_t i) const { return i >= cap_ ? i - cap_ : i; }
  long n_;
  size_t cap_;
  std::vector<long> idx_;
  std::vector<double> val_;
  bool is_max_;
  size_t head_ = 0, size_ = 0;
  long t_ = -1;
};

// Population variance of the last n values (n >= 1): Welford-style sliding
// update, re-computed two-pass every n values.
class WindowVar {
 public:
  explicit WindowVar(int n) : n_(static_cast<size_t>(n)), buf_(n_, 0.0) {}
  bool push(double x) {
    if (count_ < n_) {
      ++count_;
      const double d = x - mean_;
      mean_ += d / double(count_);
      m2_ += d * (x - mean_);
    } else {
      const double old = buf_[pos_];
      const double mean_new = mean_ + (x - old) / double(n_);
      m2_ += (x - old) * ((x - mean_new) + (old - mean_));
      mean_ = mean_new;
    }
    buf_[pos_] = x;
    if (++pos_ == n_) {
      pos_ = 0;
      double s = 0;
      for (size_t i = 0; i < n_; ++i) s += buf_[i];
      const double m = s / double(n_);
      double q = 0;
      for (size_t i = 0; i < n_; ++i) q += (buf_[i] - m) * (buf_[i] - m);
      mean_ = m;
      m2_ = q;
    }
    return count_ == n_;
  }
  double variance() const { return m2_ > 0 ? m2_ / double(n_) : (m2_ == m2_ ? 0.0 : m2_); }

 private:
  size_t n_;
  std::vector<double> buf_;
  size_t pos_ = 0, count_ = 0;
  double mean_ = 0, m2_ = 0;
};

// Exponential moving average with smoothing factor k, seeded (like TA-Lib's
// EMA) with the simple mean of the first n values; then y += (x - y) * k.
class SeededEma {
 public:
  SeededEma(int n, double k) : n_(n), k_(k) {}
  explicit SeededEma(int n) : SeededEma(n, 2.0 / (double(n) + 1.0)) {}
  bool step(double x, double* out) {
    if (count_ < n_) {
      sum_ += x;
      if (++count_ < n_) return false;
      y_ = sum_ / double(n_);
    } else {
      y_ = (x - y_) * k_ + y_;
    }
    *out = y_;
    return true;
  }

 private:
  int n_;
  double k_;
  int count_ = 0;
  double sum_ = 0, y_ = 0;
};

// Wilder's smoothing: seeded with the mean of the first n values, then
// y = (y * (n - 1) + x) / n.
class WilderAverage {
 public:
  explicit WilderAverage(int n) : n_(n) {}
  bool step(double x, double* out) {
    if (count_ < n_) {
      sum_ += x;
      if (++count_ < n_) return false;
      y_ = sum_ / double(n_);
    } else {
      y_ = (y_ * double(n_ - 1) + x) / double(n_);
    }
    *out = y_;
    return true;
  }

 private:
  int n_;
  int count_ = 0;
  double sum_ = 0, y_ = 0;
};

// RSI with TA-Lib's conventions, over m-bar momentum (m = 1: RSI; m > 1:
// Altman's RMI). Gains/losses x[t] - x[t-m] are averaged over the first n
// changes, then smoothed as (avg * (n - 1) + change) / n; the output is
// 100 * gain / (gain + loss), or 0 when gain + loss is within 1e-14 of 0.
// First value after m + n - 1 inputs.
class MomentumRsi {
 public:
  MomentumRsi(int n, int m) : n_(n), m_(m), past_(m + 1) {}
  bool step(double x, double* out) {
    past_.push(x);
    if (past_.size() <= static_cast<size_t>(m_)) return false;
    const double diff = x - past_.back(static_cast<size_t>(m_));
    if (count_ < n_) {
      if (diff < 0) loss_ -= diff;
      else gain_ += diff;
      if (++count_ < n_) return false;
      loss_ /= double(n_);
      gain_ /= double(n_);
    } else {
      loss_ *= double(n_ - 1);
      gain_ *= double(n_ - 1);
      if (diff < 0) loss_ -= diff;
      else gain_ += diff;
      loss_ /= double(n_);
      gain_ /= double(n_);
    }
    const double total = gain_ + loss_;
    *out = (-1e-14 < total && total < 1e-14) ? 0.0 : 100.0 * (gain_ / total);
    return true;
  }

 private:
  int n_, m_;
  Ring past_;
  int count_ = 0;
  double gain_ = 0, loss_ = 0;
};

// Least-squares line through the last n values (x = 0 oldest .. n-1 newest),
// evaluated at the newest bar (TA-Lib LINEARREG's definition).
class WindowLinReg {
 public:
  explicit WindowLinReg(int n) : n_(static_cast<size_t>(n)), buf_(n_, 0.0) {
    const double p = double(n);
    sx_ = p * (p - 1) / 2.0;
    sxx_ = p * (p - 1) * (2 * p - 1) / 6.0;
  }
  bool push(double y) {
    if (count_ < n_) {
      sxy_ += double(count_) * y;
      sy_ += y;
      ++count_;
    } else {
      const double old = buf_[pos_];
      sxy_ = (sxy_ - (sy_ - old)) + double(n_ - 1) * y;
      sy_ = (sy_ - old) + y;
    }
    buf_[pos_] = y;
    if (++pos_ == n_) {
      pos_ = 0;
      double s = 0, sxy = 0;
      for (size_t i = 0; i < n_; ++i) {
        s += buf_[i];
        sxy += double(i) * buf_[i];
      }
      sy_ = s;
      sxy_ = sxy;
    }
    return count_ == n_;
  }
  double value() const {
    const double p = double(n_);
    const double b = (p * sxy_ - sx_ * sy_) / (p * sxx_ - sx_ * sx_);
    const double a = (sy_ - b * sx_) / p;
    return a + b * (p - 1);
  }

 private:
  size_t n_;
  std::vector<double> buf_;
  size_t pos_ = 0, count_ = 0;
  double sx_, sxx_, sy_ = 0, sxy_ = 0;
};

// A parameter declaration without a TA-Lib counterpart.
inline ParamSpec ext_param(std::string name, std::vector<std::string> aliases, ParamType type,
                           double def, double min, double max, std::string description) {
  return ParamSpec{std::move(name), std::move(aliases), "", type, def, min, max,
                   std::move(description)};
}
inline ParamSpec ext_int(std::string name, std::vector<std::string> aliases, int def, int min,
                         std::string description) {
  return ext_param(std::move(name), std::move(aliases), ParamType::kInteger, def, min, 100000,
                   std::move(description));
}

}  // namespace nocode::indicators::ext
