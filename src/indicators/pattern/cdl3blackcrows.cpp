// CDL3BLACKCROWS: after a white candle, three declining black candles with
// very short lower shadows, each opening within the previous body (TA-Lib's
// TA_CDL3BLACKCROWS).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct ThreeBlackCrows {
  static constexpr int kLookback = avg_period(kShadowVeryShort) + 3;
  explicit ThreeBlackCrows(const Params&) {}
  Total<kShadowVeryShort, 2> svs2;
  Total<kShadowVeryShort, 1> svs1;
  Total<kShadowVeryShort, 0> svs0;
  template <class B>
  void init(const B& b) {
    svs2.init(b);
    svs1.init(b);
    svs0.init(b);
  }
  template <class B>
  void advance(const B& b) {
    svs2.advance(b);
    svs1.advance(b);
    svs0.advance(b);
  }
  template <class B>
  double eval(const B& b) const {
    return (color(b, 3) == 1 && color(b, 2) == -1 && lower_shadow(b, 2) < svs2.avg(b) &&
            color(b, 1) == -1 && lower_shadow(b, 1) < svs1.avg(b) && color(b, 0) == -1 &&
            lower_shadow(b, 0) < svs0.avg(b) && b.o(1) < b.o(2) && b.o(1) > b.c(2) &&
            b.o(0) < b.o(1) && b.o(0) > b.c(1) && b.h(3) > b.c(2) && b.c(2) > b.c(1) &&
            b.c(1) > b.c(0))
               ? -100.0
               : 0.0;
  }
};

}  // namespace

Status register_cdl3blackcrows(Registry& r) {
  IndicatorSpec s =
      candle_spec<ThreeBlackCrows>("cdl3blackcrows", "CDL3BLACKCROWS", "Three Black Crows");
  s.definition =
      "−100 when a white candle is followed by three black candles, each closing lower, each "
      "with a very short lower shadow and opening within the previous black body, the first "
      "closing under the white candle's high; else 0." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib "
      "TA_CDL3BLACKCROWS conventions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
