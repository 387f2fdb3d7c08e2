// CDLHARAMI: a short real body inside the previous long one (TA-Lib's
// TA_CDLHARAMI, including ±80 when the bodies share one end).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct Harami {
  static constexpr int kLookback = max_int(avg_period(kBodyShort), avg_period(kBodyLong)) + 1;
  explicit Harami(const Params&) {}
  Total<kBodyLong, 1> body_long;
  Total<kBodyShort, 0> body_short;
  template <class B>
  void init(const B& b) {
    body_long.init(b);
    body_short.init(b);
  }
  template <class B>
  void advance(const B& b) {
    body_long.advance(b);
    body_short.advance(b);
  }
  template <class B>
  double eval(const B& b) const {
    if (!(real_body(b, 1) > body_long.avg(b) && real_body(b, 0) <= body_short.avg(b))) return 0.0;
    const double top = tmax(b.c(0), b.o(0)), top1 = tmax(b.c(1), b.o(1));
    const double bottom = tmin(b.c(0), b.o(0)), bottom1 = tmin(b.c(1), b.o(1));
    if (top < top1 && bottom > bottom1) return -color(b, 1) * 100.0;
    if (top <= top1 && bottom >= bottom1) return -color(b, 1) * 80.0;
    return 0.0;
  }
};

}  // namespace

Status register_cdlharami(Registry& r) {
  IndicatorSpec s = candle_spec<Harami>("cdlharami", "CDLHARAMI", "Harami Pattern");
  s.definition =
      "When a long real body is followed by a short one inside it: +100 after a black first "
      "candle, −100 after a white one; ±80 when the bodies share one end; else 0. No trend "
      "condition." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib TA_CDLHARAMI "
      "conventions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
