// CDL3WHITESOLDIERS: three advancing white candles with very short upper
// shadows, each opening within or near the previous body (TA-Lib's
// TA_CDL3WHITESOLDIERS).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct ThreeWhiteSoldiers {
  static constexpr int kLookback =
      max_int(max_int(avg_period(kShadowVeryShort), avg_period(kBodyShort)),
              max_int(avg_period(kFar), avg_period(kNear))) +
      2;
  explicit ThreeWhiteSoldiers(const Params&) {}
  Total<kShadowVeryShort, 2> svs2;
  Total<kShadowVeryShort, 1> svs1;
  Total<kShadowVeryShort, 0> svs0;
  Total<kNear, 2> near2;
  Total<kNear, 1> near1;
  Total<kFar, 2> far2;
  Total<kFar, 1> far1;
  Total<kBodyShort, 0> body_short;
  template <class B>
  void init(const B& b) {
    svs2.init(b);
    svs1.init(b);
    svs0.init(b);
    near2.init(b);
    near1.init(b);
    far2.init(b);
    far1.init(b);
    body_short.init(b);
  }
  template <class B>
  void advance(const B& b) {
    svs2.advance(b);
    svs1.advance(b);
    svs0.advance(b);
    far2.advance(b);
    near2.advance(b);
    far1.advance(b);
    near1.advance(b);
    body_short.advance(b);
  }
  template <class B>
  double eval(const B& b) const {
    return (color(b, 2) == 1 && upper_shadow(b, 2) < svs2.avg(b) && color(b, 1) == 1 &&
            upper_shadow(b, 1) < svs1.avg(b) && color(b, 0) == 1 &&
            upper_shadow(b, 0) < svs0.avg(b) && b.c(0) > b.c(1) && b.c(1) > b.c(2) &&
            b.o(1) > b.o(2) && b.o(1) <= b.c(2) + near2.avg(b) && b.o(0) > b.o(1) &&
            b.o(0) <= b.c(1) + near1.avg(b) && real_body(b, 1) > real_body(b, 2) - far2.avg(b) &&
            real_body(b, 0) > real_body(b, 1) - far1.avg(b) && real_body(b, 0) > body_short.avg(b))
               ? 100.0
               : 0.0;
  }
};

}  // namespace

Status register_cdl3whitesoldiers(Registry& r) {
  IndicatorSpec s = candle_spec<ThreeWhiteSoldiers>("cdl3whitesoldiers", "CDL3WHITESOLDIERS",
                                                    "Three Advancing White Soldiers");
  s.definition =
      "+100 when three consecutive white candles close higher each time, each with a very short "
      "upper shadow, each opening above the previous open and at most near the previous close, "
      "no body far shorter than the one before, and the last body not short; else 0." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib "
      "TA_CDL3WHITESOLDIERS conventions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
