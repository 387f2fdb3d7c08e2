// One-candle shapes that come in mirrored pairs, as in TA-Lib:
//  - HammerShape: short real body, long lower shadow, very short upper
//    shadow; the body near the previous candle's low is a hammer (+100), near
//    its high a hanging man (-100).
//  - InvertedHammerShape: short real body, long upper shadow, very short
//    lower shadow; a body gapping down is an inverted hammer (+100), gapping
//    up a shooting star (-100).
#pragma once

#include "indicators/pattern/candle.h"

namespace nocode::indicators::candle {

template <bool kHangingMan>
struct HammerShape {
  static constexpr int kLookback =
      max_int(max_int(max_int(avg_period(kBodyShort), avg_period(kShadowLong)),
                      avg_period(kShadowVeryShort)),
              avg_period(kNear)) +
      1;
  explicit HammerShape(const Params&) {}
  Total<kBodyShort, 0> body;
  Total<kShadowLong, 0> shadow_long;
  Total<kShadowVeryShort, 0> shadow_very_short;
  Total<kNear, 1> near;
  template <class B>
  void init(const B& b) {
    body.init(b);
    shadow_long.init(b);
    shadow_very_short.init(b);
    near.init(b);
  }
  template <class B>
  void advance(const B& b) {
    body.advance(b);
    shadow_long.advance(b);
    shadow_very_short.advance(b);
    near.advance(b);
  }
  template <class B>
  double eval(const B& b) const {
    if (!(real_body(b, 0) < body.avg(b) && lower_shadow(b, 0) > shadow_long.avg(b) &&
          upper_shadow(b, 0) < shadow_very_short.avg(b)))
      return 0.0;
    if constexpr (kHangingMan) return tmin(b.c(0), b.o(0)) >= b.h(1) - near.avg(b) ? -100.0 : 0.0;
    return tmin(b.c(0), b.o(0)) <= b.l(1) + near.avg(b) ? 100.0 : 0.0;
  }
};

template <bool kShootingStar>
struct InvertedHammerShape {
  static constexpr int kLookback = max_int(max_int(avg_period(kBodyShort), avg_period(kShadowLong)),
                                           avg_period(kShadowVeryShort)) +
                                   1;
  explicit InvertedHammerShape(const Params&) {}
  Total<kBodyShort, 0> body;
  Total<kShadowLong, 0> shadow_long;
  Total<kShadowVeryShort, 0> shadow_very_short;
  template <class B>
  void init(const B& b) {
    body.init(b);
    shadow_long.init(b);
    shadow_very_short.init(b);
  }
  template <class B>
  void advance(const B& b) {
    body.advance(b);
    shadow_long.advance(b);
    shadow_very_short.advance(b);
  }
  template <class B>
  double eval(const B& b) const {
    if (!(real_body(b, 0) < body.avg(b) && upper_shadow(b, 0) > shadow_long.avg(b) &&
          lower_shadow(b, 0) < shadow_very_short.avg(b)))
      return 0.0;
    if constexpr (kShootingStar) return real_body_gap_up(b, 0, 1) ? -100.0 : 0.0;
    return real_body_gap_down(b, 0, 1) ? 100.0 : 0.0;
  }
};

}  // namespace nocode::indicators::candle
