// Candlestick conditions (pattern group): the TA-Lib candle recognisers of
// the indicator registry on the bars' OHLC (+100 bullish, -100 bearish).
#include "engine/conditions/groups.h"
#include "engine/conditions/series_ops.h"

namespace nocode::engine {
namespace {

// out[t] = recogniser `name` says sign * value > 0 (sign 0: any non-zero).
void candle(const ConditionInputs& in, const char* name, int sign, uint8_t* out) {
  const auto v = ops::indicator(in, name, {});
  if (v.size() != in.n) return;
  for (size_t t = 0; t < in.n; ++t)
    out[t] = ops::ok(v[t]) && (sign == 0 ? v[t] != 0 : sign * v[t] > 0);
}

void hammer(const ConditionInputs& in, const ConditionParams&, uint8_t* out) {
  candle(in, "cdlhammer", 0, out);
}
void doji(const ConditionInputs& in, const ConditionParams&, uint8_t* out) {
  candle(in, "cdldoji", 0, out);
}
void engulfing_bullish(const ConditionInputs& in, const ConditionParams&, uint8_t* out) {
  candle(in, "cdlengulfing", 1, out);
}
void engulfing_bearish(const ConditionInputs& in, const ConditionParams&, uint8_t* out) {
  candle(in, "cdlengulfing", -1, out);
}
void morning_star(const ConditionInputs& in, const ConditionParams&, uint8_t* out) {
  candle(in, "cdlmorningstar", 0, out);
}
void evening_star(const ConditionInputs& in, const ConditionParams&, uint8_t* out) {
  candle(in, "cdleveningstar", 0, out);
}
void white_soldiers(const ConditionInputs& in, const ConditionParams&, uint8_t* out) {
  candle(in, "cdl3whitesoldiers", 0, out);
}
void black_crows(const ConditionInputs& in, const ConditionParams&, uint8_t* out) {
  candle(in, "cdl3blackcrows", 0, out);
}

}  // namespace

std::vector<ConditionSpec> candle_specs() {
  const std::string g = "pattern", bars = "the bars' open, high, low, close";
  const unsigned B = kNeedsBars;
  auto spec = [&](const char* name, ConditionKernel k, const char* fn, const char* def) {
    return make_spec(name, g, B, {}, k, bars,
                     std::string(def) + " (TA-Lib " + fn +
                         " of the indicator registry, "
                         "non-zero on bar t).",
                     {fn});
  };
  return {
      spec("hammer", hammer, "cdlhammer",
           "Hammer: short real body, lower shadow longer than the body, very short upper shadow, "
           "body "
           "bottom at or near the previous candle's low (no trend condition)"),
      spec("doji", doji, "cdldoji",
           "Doji: real body at most 10% of the average high-low range of the previous 10 candles"),
      make_spec("engulfing_bullish", g, B, {}, engulfing_bullish, bars,
                "Bullish engulfing: a white body engulfs the previous black body (TA-Lib "
                "cdlengulfing of the indicator registry > 0 on bar t).",
                {"cdlengulfing"}),
      make_spec("engulfing_bearish", g, B, {}, engulfing_bearish, bars,
                "Bearish engulfing: a black body engulfs the previous white body (TA-Lib "
                "cdlengulfing of the indicator registry < 0 on bar t).",
                {"cdlengulfing"}),
      spec("morning_star", morning_star, "cdlmorningstar",
           "Morning star: long black, small gapped-down star, white closing above 30% into "
           "the first body"),
      spec("evening_star", evening_star, "cdleveningstar",
           "Evening star: long white, small gapped-up star, black closing below 30% into the "
           "first body"),
      spec("three_white_soldiers", white_soldiers, "cdl3whitesoldiers",
           "Three white soldiers: three rising white candles, each opening within the previous "
           "body, closing near their highs"),
      spec("three_black_crows", black_crows, "cdl3blackcrows",
           "Three black crows: three falling black candles after a white one, each opening "
           "within the previous body, closing near their lows"),
  };
}

}  // namespace nocode::engine
