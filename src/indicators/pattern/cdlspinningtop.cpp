// CDLSPINNINGTOP: small real body with shadows longer than the body (TA-Lib's TA_CDLSPINNINGTOP).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct SpinningTop {
  static constexpr int kLookback = avg_period(kBodyShort);
  explicit SpinningTop(const Params&) {}
  Total<kBodyShort, 0> body;
  template <class B>
  void init(const B& b) {
    body.init(b);
  }
  template <class B>
  void advance(const B& b) {
    body.advance(b);
  }
  template <class B>
  double eval(const B& b) const {
    return (real_body(b, 0) < body.avg(b) && upper_shadow(b, 0) > real_body(b, 0) &&
            lower_shadow(b, 0) > real_body(b, 0))
               ? color(b, 0) * 100.0
               : 0.0;
  }
};

}  // namespace

Status register_cdlspinningtop(Registry& r) {
  IndicatorSpec s = candle_spec<SpinningTop>("cdlspinningtop", "CDLSPINNINGTOP", "Spinning Top");
  s.definition =
      "+100 (white) or −100 (black) when the candle has a short real body and both shadows longer "
      "than the body; else 0." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib "
      "TA_CDLSPINNINGTOP conventions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
