// CDLGRAVESTONEDOJI: doji with a very short lower shadow and a long upper shadow (TA-Lib's
// TA_CDLGRAVESTONEDOJI).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct GravestoneDoji {
  static constexpr int kLookback = max_int(avg_period(kBodyDoji), avg_period(kShadowVeryShort));
  explicit GravestoneDoji(const Params&) {}
  Total<kBodyDoji, 0> doji;
  Total<kShadowVeryShort, 0> shadow_very_short;
  template <class B>
  void init(const B& b) {
    doji.init(b);
    shadow_very_short.init(b);
  }
  template <class B>
  void advance(const B& b) {
    doji.advance(b);
    shadow_very_short.advance(b);
  }
  template <class B>
  double eval(const B& b) const {
    return (real_body(b, 0) <= doji.avg(b) && lower_shadow(b, 0) < shadow_very_short.avg(b) &&
            upper_shadow(b, 0) > shadow_very_short.avg(b))
               ? 100.0
               : 0.0;
  }
};

}  // namespace

Status register_cdlgravestonedoji(Registry& r) {
  IndicatorSpec s =
      candle_spec<GravestoneDoji>("cdlgravestonedoji", "CDLGRAVESTONEDOJI", "Gravestone Doji");
  s.definition =
      "+100 when the candle is a doji with a very short lower shadow and an upper shadow that is "
      "not very short; else 0." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib "
      "TA_CDLGRAVESTONEDOJI conventions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
