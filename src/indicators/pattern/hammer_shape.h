// The one-candle shape shared by CDLHAMMER and CDLHANGINGMAN: a short real
// body, a long lower shadow and a very short upper shadow. They differ only
// in where the body sits against the previous candle (near its low: hammer,
// +100; near its high: hanging man, -100), as in TA-Lib.
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

}  // namespace nocode::indicators::candle
