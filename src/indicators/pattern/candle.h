// Candlestick-pattern infrastructure: TA-Lib's default candle settings
// (TA_SetCandleSettings(TA_AllCandleSettings)), its candle measures (real
// body, shadows, range, colour, gaps) and the running averages the patterns
// compare against, plus the batch/stream drivers every CDL* indicator uses.
//
// A pattern is written once against a bar accessor `b` (b.o(k), b.h(k),
// b.l(k), b.c(k) = the bar k bars before the current one). The batch kernel
// passes an accessor over the input arrays, the stream one over a ring of
// recent bars; both run the same expressions, so they agree bit for bit.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <utility>

#include "indicators/indicator.h"
#include "indicators/state_stream.h"

namespace nocode::indicators::candle {

enum class RangeType { kRealBody, kHighLow, kShadows };

struct Setting {
  RangeType range;
  int avg_period;  // bars averaged (0: compare with the candle itself)
  double factor;
};

// TA-Lib's defaults, in TA_CandleSettingType order.
enum SettingType {
  kBodyLong,         // body > average body of the previous 10 candles
  kBodyVeryLong,     // body > 3 × average body of the previous 10
  kBodyShort,        // body < average body of the previous 10
  kBodyDoji,         // body <= 10 % of the average high-low range of the previous 10
  kShadowLong,       // shadow > the real body
  kShadowVeryLong,   // shadow > 2 × the real body
  kShadowShort,      // shadow < half the average sum of shadows of the previous 10
  kShadowVeryShort,  // shadow < 10 % of the average high-low range of the previous 10
  kNear,             // distance <= 20 % of the average high-low range of the previous 5
  kFar,              // distance >= 60 % of the average high-low range of the previous 5
  kEqual,            // distance <= 5 % of the average high-low range of the previous 5
  kSettingCount
};

inline constexpr Setting kSettings[kSettingCount] = {
    {RangeType::kRealBody, 10, 1.0}, {RangeType::kRealBody, 10, 3.0},
    {RangeType::kRealBody, 10, 1.0}, {RangeType::kHighLow, 10, 0.1},
    {RangeType::kRealBody, 0, 1.0},  {RangeType::kRealBody, 0, 2.0},
    {RangeType::kShadows, 10, 1.0},  {RangeType::kHighLow, 10, 0.1},
    {RangeType::kHighLow, 5, 0.2},   {RangeType::kHighLow, 5, 0.6},
    {RangeType::kHighLow, 5, 0.05},
};

inline constexpr int avg_period(SettingType s) { return kSettings[s].avg_period; }
inline constexpr int max_int(int a, int b) { return a > b ? a : b; }

// TA-Lib's min/max macros (NaN picks the second operand the same way).
inline double tmax(double a, double b) { return a > b ? a : b; }
inline double tmin(double a, double b) { return a < b ? a : b; }

// ---- candle measures, k bars back ----
template <class B>
inline double real_body(const B& b, int k) {
  return std::fabs(b.c(k) - b.o(k));
}
template <class B>
inline double upper_shadow(const B& b, int k) {
  return b.h(k) - (b.c(k) >= b.o(k) ? b.c(k) : b.o(k));
}
template <class B>
inline double lower_shadow(const B& b, int k) {
  return (b.c(k) >= b.o(k) ? b.o(k) : b.c(k)) - b.l(k);
}
template <class B>
inline double high_low_range(const B& b, int k) {
  return b.h(k) - b.l(k);
}
// 1 for white (close >= open), -1 for black.
template <class B>
inline int color(const B& b, int k) {
  return b.c(k) >= b.o(k) ? 1 : -1;
}
// Real body of bar k2 gaps up/down from bar k1's.
template <class B>
inline bool real_body_gap_up(const B& b, int k2, int k1) {
  return tmin(b.o(k2), b.c(k2)) > tmax(b.o(k1), b.c(k1));
}
template <class B>
inline bool real_body_gap_down(const B& b, int k2, int k1) {
  return tmax(b.o(k2), b.c(k2)) < tmin(b.o(k1), b.c(k1));
}
template <class B>
inline bool candle_gap_up(const B& b, int k2, int k1) {
  return b.l(k2) > b.h(k1);
}
template <class B>
inline bool candle_gap_down(const B& b, int k2, int k1) {
  return b.h(k2) < b.l(k1);
}

// The measure a setting averages (TA_CANDLERANGE).
template <SettingType S, class B>
inline double range(const B& b, int k) {
  constexpr RangeType r = kSettings[S].range;
  if constexpr (r == RangeType::kRealBody) return real_body(b, k);
  if constexpr (r == RangeType::kHighLow) return high_low_range(b, k);
  return upper_shadow(b, k) + lower_shadow(b, k);
}

// TA_CANDLEAVERAGE: factor × (sum / period, or the candle's own measure when
// the period is 0), halved for shadows.
template <SettingType S, class B>
inline double average(double sum, const B& b, int k) {
  constexpr Setting s = kSettings[S];
  const double base = s.avg_period != 0 ? sum / double(s.avg_period) : range<S>(b, k);
  return s.factor * base / (s.range == RangeType::kShadows ? 2.0 : 1.0);
}

// The running sum of setting S's measure over the avg_period bars before
// the bar K bars back, kept the way TA-Lib keeps it: summed oldest first at
// the first output bar, then `sum += new - oldest` after each bar.
template <SettingType S, int K>
struct Total {
  static constexpr int kPeriod = avg_period(S);
  static constexpr int kReach = K + kPeriod;  // oldest bar it reads, in bars back
  double sum = 0;

  template <class B>
  inline void init(const B& b) {
    for (int k = K + kPeriod; k > K; --k) sum += range<S>(b, k);
  }
  template <class B>
  inline void advance(const B& b) {
    sum += range<S>(b, K) - range<S>(b, K + kPeriod);
  }
  // The setting's average for the bar K bars back.
  template <class B>
  inline double avg(const B& b) const {
    return average<S>(sum, b, K);
  }
};

// ---- bar accessors ----
struct ArrayBars {
  const double *open, *high, *low, *close;
  size_t i;
  double o(int k) const { return open[i - k]; }
  double h(int k) const { return high[i - k]; }
  double l(int k) const { return low[i - k]; }
  double c(int k) const { return close[i - k]; }
};

inline constexpr int kRing = 32;  // > every pattern's lookback

struct Ring {
  double open[kRing] = {}, high[kRing] = {}, low[kRing] = {}, close[kRing] = {};
  int pos = kRing - 1;
  void push(const double* bar) {
    pos = (pos + 1) & (kRing - 1);
    open[pos] = bar[0];
    high[pos] = bar[1];
    low[pos] = bar[2];
    close[pos] = bar[3];
  }
};

struct RingBars {
  const Ring& r;
  int at(int k) const { return (r.pos - k) & (kRing - 1); }
  double o(int k) const { return r.open[at(k)]; }
  double h(int k) const { return r.high[at(k)]; }
  double l(int k) const { return r.low[at(k)]; }
  double c(int k) const { return r.close[at(k)]; }
};

// ---- drivers ----
// A Pattern provides:
//   static constexpr int kLookback;        // < kRing
//   explicit Pattern(const Params&);
//   template <class B> void init(const B&);     // at the first output bar
//   template <class B> double eval(const B&);   // this bar's output
//   template <class B> void advance(const B&);  // after eval: update totals

template <class P>
struct CandleState {
  static_assert(P::kLookback < kRing);
  static constexpr size_t kInputs = 4, kOutputs = 1;
  explicit CandleState(const Params& p) : pattern(p) {}
  bool step(const double* bar, double* out) {
    ring.push(bar);
    const long long i = count++;
    if (i < P::kLookback) return false;
    const RingBars b{ring};
    if (i == P::kLookback) pattern.init(b);
    out[0] = pattern.eval(b);
    pattern.advance(b);
    return true;
  }
  P pattern;
  Ring ring;
  long long count = 0;
};

template <class P>
void candle_batch(const double* const* in, size_t n, const Params& params, double* const* out) {
  constexpr size_t lb = size_t(P::kLookback);
  fill_warmup(out, 1, n, lb);
  if (n <= lb) return;
  P pattern(params);
  ArrayBars b{in[0], in[1], in[2], in[3], lb};
  pattern.init(b);
  double* y = out[0];
  for (size_t i = lb; i < n; ++i) {
    b.i = i;
    y[i] = pattern.eval(b);
    pattern.advance(b);
  }
}

template <class P>
int candle_lookback(const Params&) {
  return P::kLookback;
}

// The declaration every CDL* indicator shares: inputs {open, high, low,
// close}, output "integer" (0, ±100, ...), group "pattern".
template <class P>
IndicatorSpec candle_spec(std::string name, std::string talib_name, std::string title) {
  IndicatorSpec s;
  s.name = std::move(name);
  s.talib_name = std::move(talib_name);
  s.group = "pattern";
  s.title = std::move(title);
  s.inputs = {InputKind::kOpen, InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.outputs = {"integer"};
  s.lookback = candle_lookback<P>;
  s.batch = candle_batch<P>;
  s.stream = make_state_stream<CandleState<P>>;
  return s;
}

// TA-Lib's settings, spelled out for the docs.
inline const char* kSettingsNote =
    " Candle sizes are judged against TA-Lib's default candle settings (a long body exceeds "
    "the average body of the previous 10 candles, a short one does not; a doji body is at most "
    "10 % of the average high-low range of the previous 10; near/far/equal are 20 %/60 %/5 % "
    "of the average range of the previous 5).";

// The penetration parameter of the star patterns (TA-Lib optInPenetration).
inline ParamSpec penetration_param(double default_value) {
  return ParamSpec{"penetration",
                   {},
                   "optInPenetration",
                   ParamType::kReal,
                   default_value,
                   0,
                   3e37,
                   "fraction of the first candle's real body the last close must reach into"};
}

}  // namespace nocode::indicators::candle
