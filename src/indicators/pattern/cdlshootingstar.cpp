// CDLSHOOTINGSTAR: small real body gapping up, long upper shadow, (almost)
// no lower shadow (TA-Lib's TA_CDLSHOOTINGSTAR).
#include "indicators/pattern/hammer_shape.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

using ShootingStar = InvertedHammerShape<true>;

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
