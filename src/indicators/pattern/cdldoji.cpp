// CDLDOJI: a real body at most 10 % of the average high-low range of the
// previous 10 candles (TA-Lib's TA_CDLDOJI).
#include "indicators/pattern/candle.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

using namespace candle;

struct Doji {
  static constexpr int kLookback = avg_period(kBodyDoji);
  explicit Doji(const Params&) {}
  Total<kBodyDoji, 0> doji;
  template <class B>
  void init(const B& b) {
    doji.init(b);
  }
  template <class B>
  void advance(const B& b) {
    doji.advance(b);
  }
  template <class B>
  double eval(const B& b) const {
    return real_body(b, 0) <= doji.avg(b) ? 100.0 : 0.0;
  }
};

}  // namespace

Status register_cdldoji(Registry& r) {
  IndicatorSpec s = candle_spec<Doji>("cdldoji", "CDLDOJI", "Doji");
  s.definition =
      "+100 when the candle's real body is at most 10 % of the average high-low "
      "range of the previous 10 candles (open ≈ close), else 0." +
      std::string(kSettingsNote);
  s.source =
      "Steve Nison, Japanese Candlestick Charting Techniques (1991); TA-Lib TA_CDLDOJI "
      "conventions.";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
