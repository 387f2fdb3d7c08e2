// CDLENGULFING: a real body that engulfs the previous, opposite-coloured one
// (TA-Lib's TA_CDLENGULFING, including its ±80 for bodies matching at one end).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct Engulfing {
  static constexpr int kLookback = 2;
  explicit Engulfing(const Params&) {}
  template <class B>
  void init(const B&) {}
  template <class B>
  void advance(const B&) {}
  // Branch-free (non-short-circuit) form of TA-Lib's test: same comparisons,
  // so the same answers, NaN included.
  template <class B>
  double eval(const B& b) const {
    const double o = b.o(0), c = b.c(0), o1 = b.o(1), c1 = b.c(1);
    const bool white = c >= o, white1 = c1 >= o1;  // color() == 1
    const bool white_engulfs = white & !white1 & (((c >= o1) & (o < c1)) | ((c > o1) & (o <= c1)));
    const bool black_engulfs = !white & white1 & (((o >= c1) & (c < o1)) | ((o > c1) & (c <= o1)));
    const double size = ((o != c1) & (c != o1)) ? 100.0 : 80.0;
    const double signed_size = white ? size : -size;
    return (white_engulfs | black_engulfs) ? signed_size : 0.0;
  }
};

}  // namespace

Status register_cdlengulfing(Registry& r) {
  IndicatorSpec s = candle_spec<Engulfing>("cdlengulfing", "CDLENGULFING", "Engulfing Pattern");
  s.definition =
      "+100 when a white real body engulfs the previous black one, −100 when a black body "
      "engulfs the previous white one (no trend or size condition), ±80 when the two bodies "
      "share one end (open equals the previous close or close equals the previous open), else "
      "0. TA-Lib's lookback of 2.";
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); Greg Morris, "
      "Candlestick Charting Explained; TA-Lib TA_CDLENGULFING conventions.";
  s.core = false;  // not one of TA-Lib's core 52 (INVENTORY.md); benchmarked as an extra row
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
