// CDLHANGINGMAN: small real body near the prior candle's high, long lower shadow, (almost) no upper
// shadow (TA-Lib's TA_CDLHANGINGMAN).
#include "indicators/pattern/hammer_shape.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

using HangingMan = HammerShape<true>;

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
