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
    af_long_ = s_.init_long;
    af_short_ = s_.init_short;
  }

  bool step(double high, double low, double* out) {
    if (row_ == 0) {
      row_ = 1;
      new_high_ = high;
      new_low_ = low;
      return false;
    }
    if (row_ == 1) {
      row_ = 2;
      if (s_.start == 0) {
        const double diff_p = high - new_high_;
        const double diff_m = new_low_ - low;
        const double minus_dm = (diff_m > 0 && diff_p < diff_m) ? diff_m : 0.0;
        long_ = !(minus_dm > 0);
        if (long_) {
          ep_ = high;
          sar_ = new_low_;
        } else {
          ep_ = low;
          sar_ = new_high_;
        }
      } else if (s_.start > 0) {
        long_ = true;
        ep_ = high;
        sar_ = s_.start;
      } else {
        long_ = false;
        ep_ = low;
        sar_ = std::fabs(s_.start);
      }
      new_low_ = low;
      new_high_ = high;
    }
    const double prev_low = new_low_, prev_high = new_high_;
    new_low_ = low;
    new_high_ = high;
    if (long_) {
      if (new_low_ <= sar_) {
        long_ = false;
        sar_ = ep_;
        if (sar_ < prev_high) sar_ = prev_high;
        if (sar_ < new_high_) sar_ = new_high_;
        if (s_.offset != 0.0) sar_ += sar_ * s_.offset;
        *out = s_.signed_output ? -sar_ : sar_;
        af_short_ = s_.init_short;
        ep_ = new_low_;
        sar_ = sar_ + af_short_ * (ep_ - sar_);
        if (sar_ < prev_high) sar_ = prev_high;
        if (sar_ < new_high_) sar_ = new_high_;
      } else {
        *out = sar_;
        if (new_high_ > ep_) {
          ep_ = new_high_;
          af_long_ += s_.step_long;
          if (af_long_ > s_.max_long) af_long_ = s_.max_long;
        }
        sar_ = sar_ + af_long_ * (ep_ - sar_);
        if (sar_ > prev_low) sar_ = prev_low;
        if (sar_ > new_low_) sar_ = new_low_;
      }
    } else {
      if (new_high_ >= sar_) {
        long_ = true;
        sar_ = ep_;
        if (sar_ > prev_low) sar_ = prev_low;
        if (sar_ > new_low_) sar_ = new_low_;
        if (s_.offset != 0.0) sar_ -= sar_ * s_.offset;
        *out = sar_;
        af_long_ = s_.init_long;
        ep_ = new_high_;
        sar_ = sar_ + af_long_ * (ep_ - sar_);
        if (sar_ > prev_low) sar_ = prev_low;
        if (sar_ > new_low_) sar_ = new_low_;
      } else {
        *out = s_.signed_output ? -sar_ : sar_;
        if (new_low_ < ep_) {
          ep_ = new_low_;
          af_short_ += s_.step_short;
          if (af_short_ > s_.max_short) af_short_ = s_.max_short;
        }
        sar_ = sar_ + af_short_ * (ep_ - sar_);
        if (sar_ < prev_high) sar_ = prev_high;
        if (sar_ < new_high_) sar_ = new_high_;
      }
    }
    return true;
  }

 private:
  SarSettings s_;
  int row_ = 0;
  bool long_ = true;
  double af_long_ = 0, af_short_ = 0, ep_ = 0, sar_ = 0, new_high_ = 0, new_low_ = 0;
};

}  // namespace nocode::indicators::ma
