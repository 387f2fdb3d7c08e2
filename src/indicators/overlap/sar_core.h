// Internal: Wilder's Parabolic SAR as TA-Lib's TA_SAR / TA_SAREXT compute it,
// shared by sar.cpp and sarext.cpp.
//  * Initial direction from bar 1's -DM (short when the low fell more than
//    the high rose), unless SAREXT's start value forces it.
//  * Initial SAR = bar 0's low (long) or high (short); EP = bar 1's high/low.
//  * A bar reverses when its low touches or crosses the SAR (long) / its high
//    touches or crosses it (short).
//  * SAR is clamped by the extremes of today and yesterday; AF grows by its
//    step on each new extreme, capped at the maximum.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>

namespace nocode::indicators::ma {

struct SarSettings {
  double start = 0, offset = 0;
  double init_long = 0.02, step_long = 0.02, max_long = 0.2;
  double init_short = 0.02, step_short = 0.02, max_short = 0.2;
  bool signed_output = false;  // SAREXT: negative while short
};

class SarCore {
 public:
  explicit SarCore(SarSettings s) : s_(s) {
    if (s_.init_long > s_.max_long) s_.init_long = s_.max_long;
    if (s_.step_long > s_.max_long) s_.step_long = s_.max_long;
    if (s_.init_short > s_.max_short) s_.init_short = s_.max_short;
    if (s_.step_short > s_.max_short) s_.step_short = s_.max_short;
    st_.af_long = s_.init_long;
    st_.af_short = s_.init_short;
  }

  bool step(double high, double low, double* out) {
    if (row_ == 0) {
      row_ = 1;
      st_.new_high = high;
      st_.new_low = low;
      return false;
    }
    if (row_ == 1) {
      row_ = 2;
      if (s_.start == 0) {
        const double diff_p = high - st_.new_high;
        const double diff_m = st_.new_low - low;
        const double minus_dm = (diff_m > 0 && diff_p < diff_m) ? diff_m : 0.0;
        st_.is_long = !(minus_dm > 0);
        if (st_.is_long) {
          st_.ep = high;
          st_.sar = st_.new_low;
        } else {
          st_.ep = low;
          st_.sar = st_.new_high;
        }
      } else if (s_.start > 0) {
        st_.is_long = true;
        st_.ep = high;
        st_.sar = s_.start;
      } else {
        st_.is_long = false;
        st_.ep = low;
        st_.sar = std::fabs(s_.start);
      }
      st_.new_low = low;
      st_.new_high = high;
    }
    *out = advance(s_, st_, high, low);
    return true;
  }

  // Batch: feeds rows [0, n) and writes y (NaN at row 0); the same arithmetic
  // as step(), with the state held in registers through the steady loop.
  void run(const double* high, const double* low, size_t n, double* y) {
    size_t i = 0;
    for (; i < n && row_ < 2; ++i)
      if (!step(high[i], low[i], &y[i])) y[i] = std::numeric_limits<double>::quiet_NaN();
    State st = st_;
    const SarSettings s = s_;
    for (; i < n; ++i) y[i] = advance(s, st, high[i], low[i]);
    st_ = st;
  }

 private:
  struct State {
    bool is_long = true;
    double af_long = 0, af_short = 0, ep = 0, sar = 0, new_high = 0, new_low = 0;
  };

  static double advance(const SarSettings& s, State& st, double high, double low) {
    double out;
    const double prev_low = st.new_low, prev_high = st.new_high;
    st.new_low = low;
    st.new_high = high;
    double sar = st.sar;
    if (st.is_long) {
      if (low <= sar) {
        st.is_long = false;
        sar = st.ep;
        if (sar < prev_high) sar = prev_high;
        if (sar < high) sar = high;
        if (s.offset != 0.0) sar += sar * s.offset;
        out = s.signed_output ? -sar : sar;
        st.af_short = s.init_short;
        st.ep = low;
        sar = sar + st.af_short * (st.ep - sar);
        if (sar < prev_high) sar = prev_high;
        if (sar < high) sar = high;
      } else {
        out = sar;
        // New extreme: written branch-free (the branch is unpredictable).
        const bool extreme = high > st.ep;
        double af = st.af_long + s.step_long;
        if (af > s.max_long) af = s.max_long;
        st.af_long = extreme ? af : st.af_long;
        st.ep = extreme ? high : st.ep;
        sar = sar + st.af_long * (st.ep - sar);
        if (sar > prev_low) sar = prev_low;
        if (sar > low) sar = low;
      }
    } else {
      if (high >= sar) {
        st.is_long = true;
        sar = st.ep;
        if (sar > prev_low) sar = prev_low;
        if (sar > low) sar = low;
        if (s.offset != 0.0) sar -= sar * s.offset;
        out = sar;
        st.af_long = s.init_long;
        st.ep = high;
        sar = sar + st.af_long * (st.ep - sar);
        if (sar > prev_low) sar = prev_low;
        if (sar > low) sar = low;
      } else {
        out = s.signed_output ? -sar : sar;
        const bool extreme = low < st.ep;
        double af = st.af_short + s.step_short;
        if (af > s.max_short) af = s.max_short;
        st.af_short = extreme ? af : st.af_short;
        st.ep = extreme ? low : st.ep;
        sar = sar + st.af_short * (st.ep - sar);
        if (sar < prev_high) sar = prev_high;
        if (sar < high) sar = high;
      }
    }
    st.sar = sar;
    return out;
  }

  SarSettings s_;
  int row_ = 0;
  State st_;
};

}  // namespace nocode::indicators::ma
