// CDLSHOOTINGSTAR: small real body gapping up, long upper shadow, (almost)
// no lower shadow (TA-Lib's TA_CDLSHOOTINGSTAR).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct ShootingStar {
  static constexpr int kLookback = max_int(max_int(avg_period(kBodyShort), avg_period(kShadowLong)),
                                           avg_period(kShadowVeryShort)) +
                                   1;
  explicit ShootingStar(const Params&) {}
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
    return (real_body(b, 0) < body.avg(b) && upper_shadow(b, 0) > shadow_long.avg(b) &&
            lower_shadow(b, 0) < shadow_very_short.avg(b) && real_body_gap_up(b, 0, 1))
               ? -100.0
               : 0.0;
  }
};

}  // namespace

Status register_cdlshootingstar(Registry& r) {
  IndicatorSpec s =
      candle_spec<ShootingStar>("cdlshootingstar", "CDLSHOOTINGSTAR", "Shooting Star");
  s.definition =
      "−100 when the candle has a short real body that gaps up from the previous body, an upper "
      "shadow longer than the body and a very short lower shadow; else 0." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib "
      "TA_CDLSHOOTINGSTAR conventions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
