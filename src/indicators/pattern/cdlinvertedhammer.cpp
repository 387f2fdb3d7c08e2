// CDLINVERTEDHAMMER: small real body gapping down, long upper shadow, (almost) no lower shadow
// (TA-Lib's TA_CDLINVERTEDHAMMER).
#include "indicators/pattern/hammer_shape.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

using InvertedHammer = InvertedHammerShape<false>;

}  // namespace

Status register_cdlinvertedhammer(Registry& r) {
  IndicatorSpec s =
      candle_spec<InvertedHammer>("cdlinvertedhammer", "CDLINVERTEDHAMMER", "Inverted Hammer");
  s.definition =
      "+100 when the candle has a short real body that gaps down from the previous body, an upper "
      "shadow longer than the body and a very short lower shadow; else 0." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib "
      "TA_CDLINVERTEDHAMMER conventions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
