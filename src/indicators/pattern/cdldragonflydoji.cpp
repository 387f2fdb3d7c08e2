// CDLDRAGONFLYDOJI: doji with a very short upper shadow and a long lower shadow (TA-Lib's
// TA_CDLDRAGONFLYDOJI).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct DragonflyDoji {
  static constexpr int kLookback = max_int(avg_period(kBodyDoji), avg_period(kShadowVeryShort));
  explicit DragonflyDoji(const Params&) {}
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
    return (real_body(b, 0) <= doji.avg(b) && upper_shadow(b, 0) < shadow_very_short.avg(b) &&
            lower_shadow(b, 0) > shadow_very_short.avg(b))
               ? 100.0
               : 0.0;
  }
};

}  // namespace

Status register_cdldragonflydoji(Registry& r) {
  IndicatorSpec s =
      candle_spec<DragonflyDoji>("cdldragonflydoji", "CDLDRAGONFLYDOJI", "Dragonfly Doji");
  s.definition =
      "+100 when the candle is a doji with a very short upper shadow and a lower shadow that is "
      "not very short; else 0." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib "
      "TA_CDLDRAGONFLYDOJI conventions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
