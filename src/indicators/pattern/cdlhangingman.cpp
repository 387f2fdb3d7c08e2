// CDLHANGINGMAN: small real body near the prior candle's high, long lower shadow, (almost) no upper
// shadow (TA-Lib's TA_CDLHANGINGMAN).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct HangingMan {
  static constexpr int kLookback =
      max_int(max_int(max_int(avg_period(kBodyShort), avg_period(kShadowLong)),
                      avg_period(kShadowVeryShort)),
              avg_period(kNear)) +
      1;
  explicit HangingMan(const Params&) {}
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
    return (real_body(b, 0) < body.avg(b) && lower_shadow(b, 0) > shadow_long.avg(b) &&
            upper_shadow(b, 0) < shadow_very_short.avg(b) &&
            tmin(b.c(0), b.o(0)) >= b.h(1) - near.avg(b))
               ? -100.0
               : 0.0;
  }
};

}  // namespace

Status register_cdlhangingman(Registry& r) {
  IndicatorSpec s = candle_spec<HangingMan>("cdlhangingman", "CDLHANGINGMAN", "Hanging Man");
  s.definition =
      "−100 when the candle has a short real body, a lower shadow longer than the body, a very "
      "short upper shadow, and its body's bottom is at or near the previous candle's high; else 0. "
      "No trend condition." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib "
      "TA_CDLHANGINGMAN conventions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
