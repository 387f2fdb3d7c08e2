// CDLMARUBOZU: long real body with (almost) no shadows (TA-Lib's TA_CDLMARUBOZU).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct Marubozu {
  static constexpr int kLookback = max_int(avg_period(kBodyLong), avg_period(kShadowVeryShort));
  explicit Marubozu(const Params&) {}
  Total<kBodyLong, 0> body_long;
  Total<kShadowVeryShort, 0> shadow_very_short;
  template <class B>
  void init(const B& b) {
    body_long.init(b);
    shadow_very_short.init(b);
  }
  template <class B>
  void advance(const B& b) {
    body_long.advance(b);
    shadow_very_short.advance(b);
  }
  template <class B>
  double eval(const B& b) const {
    return (real_body(b, 0) > body_long.avg(b) && upper_shadow(b, 0) < shadow_very_short.avg(b) &&
            lower_shadow(b, 0) < shadow_very_short.avg(b))
               ? color(b, 0) * 100.0
               : 0.0;
  }
};

}  // namespace

Status register_cdlmarubozu(Registry& r) {
  IndicatorSpec s = candle_spec<Marubozu>("cdlmarubozu", "CDLMARUBOZU", "Marubozu");
  s.definition =
      "+100 (white) or −100 (black) when the candle has a long real body and very short upper and "
      "lower shadows; else 0." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib "
      "TA_CDLMARUBOZU conventions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
