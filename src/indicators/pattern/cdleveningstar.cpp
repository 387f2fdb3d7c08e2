// CDLEVENINGSTAR: long white candle, short star gapping up, black candle
// closing well into the first body (TA-Lib's TA_CDLEVENINGSTAR).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct EveningStar {
  static constexpr int kLookback = max_int(avg_period(kBodyShort), avg_period(kBodyLong)) + 2;
  explicit EveningStar(const Params& p) : penetration(p.real(0)) {}
  double penetration;
  Total<kBodyLong, 2> body_long;
  Total<kBodyShort, 1> body_short;
  Total<kBodyShort, 0> body_short2;
  template <class B>
  void init(const B& b) {
    body_long.init(b);
    body_short.init(b);
    body_short2.init(b);
  }
  template <class B>
  void advance(const B& b) {
    body_long.advance(b);
    body_short.advance(b);
    body_short2.advance(b);
  }
  // Cheap tests first, averages only for candidates (same conjunction).
  template <class B>
  double eval(const B& b) const {
    const bool candidate = (color(b, 2) == 1) & (color(b, 0) == -1) & real_body_gap_up(b, 1, 2) &
                           (b.c(0) < b.c(2) - real_body(b, 2) * penetration);
    if (!candidate) return 0.0;
    return (real_body(b, 2) > body_long.avg(b) && real_body(b, 1) <= body_short.avg(b) &&
            real_body(b, 0) > body_short2.avg(b))
               ? -100.0
               : 0.0;
  }
};

}  // namespace

Status register_cdleveningstar(Registry& r) {
  IndicatorSpec s = candle_spec<EveningStar>("cdleveningstar", "CDLEVENINGSTAR", "Evening Star");
  s.params = {penetration_param(0.3)};
  s.definition =
      "−100 when a long white candle is followed by a short-bodied candle whose body gaps up, "
      "then by a black candle whose body is not short and that closes below the first close "
      "minus `penetration` × the first body; else 0. No trend condition." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib "
      "TA_CDLEVENINGSTAR conventions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
