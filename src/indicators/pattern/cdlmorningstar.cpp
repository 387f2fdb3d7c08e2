// CDLMORNINGSTAR: long black candle, short star gapping down, white candle
// closing well into the first body (TA-Lib's TA_CDLMORNINGSTAR).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct MorningStar {
  static constexpr int kLookback = max_int(avg_period(kBodyShort), avg_period(kBodyLong)) + 2;
  explicit MorningStar(const Params& p) : penetration(p.real(0)) {}
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
  // The cheap tests first (one rarely taken branch), the averages (three
  // divisions) only for candidates; a conjunction, so the answer is TA-Lib's.
  template <class B>
  double eval(const B& b) const {
    const bool candidate = (color(b, 2) == -1) & (color(b, 0) == 1) & real_body_gap_down(b, 1, 2) &
                           (b.c(0) > b.c(2) + real_body(b, 2) * penetration);
    if (!candidate) return 0.0;
    return (real_body(b, 2) > body_long.avg(b) && real_body(b, 1) <= body_short.avg(b) &&
            real_body(b, 0) > body_short2.avg(b))
               ? 100.0
               : 0.0;
  }
};

}  // namespace

Status register_cdlmorningstar(Registry& r) {
  IndicatorSpec s = candle_spec<MorningStar>("cdlmorningstar", "CDLMORNINGSTAR", "Morning Star");
  s.params = {penetration_param(0.3)};
  s.definition =
      "+100 when a long black candle is followed by a short-bodied candle whose body gaps down, "
      "then by a white candle whose body is not short and that closes above the first close "
      "plus `penetration` × the first body; else 0. No trend condition." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib "
      "TA_CDLMORNINGSTAR conventions.";
  s.core = false;  // not one of TA-Lib's core 52 (INVENTORY.md); benchmarked as an extra row
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
