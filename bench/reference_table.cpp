#include "reference_table.h"

#ifdef NOCODE_BENCH_TALIB
#include "ta_libc.h"
#endif

namespace nocode::bench {

#ifdef NOCODE_BENCH_TALIB
#define TA(expr)                                                                     \
  [](const Bars& d, int e, const double* p, double* const* o, int* b, int* nb) -> int { \
    (void)d, (void)e, (void)p, (void)o;                                              \
    return static_cast<int>(expr);                                                   \
  }
#define MAT(x) static_cast<TA_MAType>(static_cast<int>(x))
#else
#define TA(expr) nullptr
#endif
#define I(x) static_cast<int>(x)

void widen_int_outputs(double* const* out, int outputs, int nb) {
  for (int k = 0; k < outputs; ++k) {
    const int* ints = reinterpret_cast<const int*>(out[k]);
    // Backwards: double j overlaps ints 2j and 2j+1, which are >= j and read already.
    for (int j = nb - 1; j >= 0; --j) {
      const int v = ints[j];
      out[k][j] = static_cast<double>(v);
    }
  }
}

bool talib_init() {
#ifdef NOCODE_BENCH_TALIB
  return TA_Initialize() == TA_SUCCESS;
#else
  return false;
#endif
}

const std::vector<ReferenceIndicator>& reference_indicators() {
  static const std::vector<ReferenceIndicator> table = {
      // ---- overlap studies ----
      {"BBANDS", "5,2,2,SMA",
       {{"optInTimePeriod", 5}, {"optInNbDevUp", 2}, {"optInNbDevDn", 2}, {"optInMAType", 0}},
       3,
       TA(TA_BBANDS(0, e, d.close, I(p[0]), p[1], p[2], MAT(p[3]), b, nb, o[0], o[1], o[2])),
       "bbands", {5, 2}, ""},
      {"DEMA", "30", {{"optInTimePeriod", 30}}, 1,
       TA(TA_DEMA(0, e, d.close, I(p[0]), b, nb, o[0])), "dema", {30}, ""},
      {"EMA", "30", {{"optInTimePeriod", 30}}, 1,
       TA(TA_EMA(0, e, d.close, I(p[0]), b, nb, o[0])), "ema", {30}, "Tulip seeds with x[0]"},
      {"HT_TRENDLINE", "", {}, 1, TA(TA_HT_TRENDLINE(0, e, d.close, b, nb, o[0])), "", {}, ""},
      {"KAMA", "30", {{"optInTimePeriod", 30}}, 1,
       TA(TA_KAMA(0, e, d.close, I(p[0]), b, nb, o[0])), "kama", {30}, ""},
      {"MIDPOINT", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_MIDPOINT(0, e, d.close, I(p[0]), b, nb, o[0])), "", {}, ""},
      {"SAR", ".02,.2", {{"optInAcceleration", 0.02}, {"optInMaximum", 0.2}}, 1,
       TA(TA_SAR(0, e, d.high, d.low, p[0], p[1], b, nb, o[0])), "psar", {0.02, 0.2},
       "different init/reversal rules"},
      {"SMA", "30", {{"optInTimePeriod", 30}}, 1,
       TA(TA_SMA(0, e, d.close, I(p[0]), b, nb, o[0])), "sma", {30}, ""},
      {"T3", "5,0.7", {{"optInTimePeriod", 5}, {"optInVFactor", 0.7}}, 1,
       TA(TA_T3(0, e, d.close, I(p[0]), p[1], b, nb, o[0])), "", {}, ""},
      {"TEMA", "30", {{"optInTimePeriod", 30}}, 1,
       TA(TA_TEMA(0, e, d.close, I(p[0]), b, nb, o[0])), "tema", {30}, ""},
      {"TRIMA", "30", {{"optInTimePeriod", 30}}, 1,
       TA(TA_TRIMA(0, e, d.close, I(p[0]), b, nb, o[0])), "trima", {30}, ""},
      {"WMA", "30", {{"optInTimePeriod", 30}}, 1,
       TA(TA_WMA(0, e, d.close, I(p[0]), b, nb, o[0])), "wma", {30}, ""},
      // ---- momentum ----
      {"ADX", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_ADX(0, e, d.high, d.low, d.close, I(p[0]), b, nb, o[0])), "adx", {14},
       "DM ties counted"},
      {"ADXR", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_ADXR(0, e, d.high, d.low, d.close, I(p[0]), b, nb, o[0])), "adxr", {14},
       "DM ties counted"},
      {"APO", "12,26,SMA",
       {{"optInFastPeriod", 12}, {"optInSlowPeriod", 26}, {"optInMAType", 0}}, 1,
       TA(TA_APO(0, e, d.close, I(p[0]), I(p[1]), MAT(p[2]), b, nb, o[0])), "apo", {12, 26},
       "Tulip is EMA-based"},
      {"AROON", "14", {{"optInTimePeriod", 14}}, 2,
       TA(TA_AROON(0, e, d.high, d.low, I(p[0]), b, nb, o[0], o[1])), "aroon", {14}, ""},
      {"AROONOSC", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_AROONOSC(0, e, d.high, d.low, I(p[0]), b, nb, o[0])), "aroonosc", {14}, ""},
      {"BOP", "", {}, 1, TA(TA_BOP(0, e, d.open, d.high, d.low, d.close, b, nb, o[0])), "bop",
       {}, ""},
      {"CCI", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_CCI(0, e, d.high, d.low, d.close, I(p[0]), b, nb, o[0])), "cci", {14}, ""},
      {"CMO", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_CMO(0, e, d.close, I(p[0]), b, nb, o[0])), "cmo", {14},
       "Tulip uses plain sums, not Wilder"},
      {"DX", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_DX(0, e, d.high, d.low, d.close, I(p[0]), b, nb, o[0])), "dx", {14},
       "DM ties counted"},
      {"MACD", "12,26,9",
       {{"optInFastPeriod", 12}, {"optInSlowPeriod", 26}, {"optInSignalPeriod", 9}}, 3,
       TA(TA_MACD(0, e, d.close, I(p[0]), I(p[1]), I(p[2]), b, nb, o[0], o[1], o[2])), "macd",
       {12, 26, 9}, "Tulip (12,26) uses k=.15/.075"},
      {"MFI", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_MFI(0, e, d.high, d.low, d.close, d.volume, I(p[0]), b, nb, o[0])), "mfi", {14},
       ""},
      {"MINUS_DI", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_MINUS_DI(0, e, d.high, d.low, d.close, I(p[0]), b, nb, o[0])), "", {},
       ""},
      {"MOM", "10", {{"optInTimePeriod", 10}}, 1,
       TA(TA_MOM(0, e, d.close, I(p[0]), b, nb, o[0])), "mom", {10}, ""},
      {"PLUS_DI", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_PLUS_DI(0, e, d.high, d.low, d.close, I(p[0]), b, nb, o[0])), "di", {14},
       "Tulip di gives +DI and -DI together"},
      {"PPO", "12,26,SMA",
       {{"optInFastPeriod", 12}, {"optInSlowPeriod", 26}, {"optInMAType", 0}}, 1,
       TA(TA_PPO(0, e, d.close, I(p[0]), I(p[1]), MAT(p[2]), b, nb, o[0])), "ppo", {12, 26},
       "Tulip is EMA-based"},
      {"ROC", "10", {{"optInTimePeriod", 10}}, 1,
       TA(TA_ROC(0, e, d.close, I(p[0]), b, nb, o[0])), "roc", {10}, "Tulip roc = TA ROCP"},
      {"ROCP", "10", {{"optInTimePeriod", 10}}, 1,
       TA(TA_ROCP(0, e, d.close, I(p[0]), b, nb, o[0])), "", {}, ""},
      {"RSI", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_RSI(0, e, d.close, I(p[0]), b, nb, o[0])), "rsi", {14}, ""},
      {"STOCH", "5,3,3",
       {{"optInFastK_Period", 5},
        {"optInSlowK_Period", 3},
        {"optInSlowK_MAType", 0},
        {"optInSlowD_Period", 3},
        {"optInSlowD_MAType", 0}},
       2,
       TA(TA_STOCH(0, e, d.high, d.low, d.close, I(p[0]), I(p[1]), MAT(p[2]), I(p[3]), MAT(p[4]),
                   b, nb, o[0], o[1])),
       "stoch", {5, 3, 3}, ""},
      {"STOCHF", "5,3",
       {{"optInFastK_Period", 5}, {"optInFastD_Period", 3}, {"optInFastD_MAType", 0}}, 2,
       TA(TA_STOCHF(0, e, d.high, d.low, d.close, I(p[0]), I(p[1]), MAT(p[2]), b, nb, o[0],
                    o[1])),
       "", {}, ""},
      {"STOCHRSI", "14,5,3",
       {{"optInTimePeriod", 14},
        {"optInFastK_Period", 5},
        {"optInFastD_Period", 3},
        {"optInFastD_MAType", 0}},
       2,
       TA(TA_STOCHRSI(0, e, d.close, I(p[0]), I(p[1]), I(p[2]), MAT(p[3]), b, nb, o[0], o[1])),
       "stochrsi", {14}, "Tulip: no %K/%D windows, 0..1"},
      {"TRIX", "30", {{"optInTimePeriod", 30}}, 1,
       TA(TA_TRIX(0, e, d.close, I(p[0]), b, nb, o[0])), "trix", {30}, ""},
      {"ULTOSC", "7,14,28",
       {{"optInTimePeriod1", 7}, {"optInTimePeriod2", 14}, {"optInTimePeriod3", 28}}, 1,
       TA(TA_ULTOSC(0, e, d.high, d.low, d.close, I(p[0]), I(p[1]), I(p[2]), b, nb, o[0])),
       "ultosc", {7, 14, 28}, ""},
      {"WILLR", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_WILLR(0, e, d.high, d.low, d.close, I(p[0]), b, nb, o[0])), "willr", {14}, ""},
      // ---- volume ----
      {"AD", "", {}, 1, TA(TA_AD(0, e, d.high, d.low, d.close, d.volume, b, nb, o[0])), "ad", {},
       ""},
      {"ADOSC", "3,10", {{"optInFastPeriod", 3}, {"optInSlowPeriod", 10}}, 1,
       TA(TA_ADOSC(0, e, d.high, d.low, d.close, d.volume, I(p[0]), I(p[1]), b, nb, o[0])),
       "adosc", {3, 10}, ""},
      {"OBV", "", {}, 1, TA(TA_OBV(0, e, d.close, d.volume, b, nb, o[0])), "obv", {},
       "Tulip starts at 0"},
      // ---- volatility ----
      {"ATR", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_ATR(0, e, d.high, d.low, d.close, I(p[0]), b, nb, o[0])), "atr", {14}, ""},
      {"NATR", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_NATR(0, e, d.high, d.low, d.close, I(p[0]), b, nb, o[0])), "natr", {14}, ""},
      {"TRANGE", "", {}, 1, TA(TA_TRANGE(0, e, d.high, d.low, d.close, b, nb, o[0])), "tr", {},
       ""},
      // ---- cycle ----
      {"HT_DCPERIOD", "", {}, 1, TA(TA_HT_DCPERIOD(0, e, d.close, b, nb, o[0])), "", {}, ""},
      {"HT_SINE", "", {}, 2, TA(TA_HT_SINE(0, e, d.close, b, nb, o[0], o[1])), "", {}, ""},
      // ---- statistic ----
      {"BETA", "5", {{"optInTimePeriod", 5}}, 1,
       TA(TA_BETA(0, e, d.close, d.open, I(p[0]), b, nb, o[0])), "", {}, ""},
      {"CORREL", "30", {{"optInTimePeriod", 30}}, 1,
       TA(TA_CORREL(0, e, d.close, d.open, I(p[0]), b, nb, o[0])), "", {}, ""},
      {"LINEARREG", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_LINEARREG(0, e, d.close, I(p[0]), b, nb, o[0])), "linreg", {14}, ""},
      {"LINEARREG_ANGLE", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_LINEARREG_ANGLE(0, e, d.close, I(p[0]), b, nb, o[0])), "", {}, ""},
      {"LINEARREG_SLOPE", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_LINEARREG_SLOPE(0, e, d.close, I(p[0]), b, nb, o[0])), "linregslope", {14}, ""},
      {"STDDEV", "5,1", {{"optInTimePeriod", 5}, {"optInNbDev", 1}}, 1,
       TA(TA_STDDEV(0, e, d.close, I(p[0]), p[1], b, nb, o[0])), "stddev", {5}, ""},
      {"TSF", "14", {{"optInTimePeriod", 14}}, 1,
       TA(TA_TSF(0, e, d.close, I(p[0]), b, nb, o[0])), "tsf", {14}, ""},
      {"VAR", "5", {{"optInTimePeriod", 5}, {"optInNbDev", 1}}, 1,
       TA(TA_VAR(0, e, d.close, I(p[0]), p[1], b, nb, o[0])), "var", {5}, ""},
      // ---- README speed-table rows outside the 52 (benchmarked if registered as core) ----
      {"MAX", "30", {{"optInTimePeriod", 30}}, 1,
       TA(TA_MAX(0, e, d.close, I(p[0]), b, nb, o[0])), "max", {30}, "", false, false},
      {"MIN", "30", {{"optInTimePeriod", 30}}, 1,
       TA(TA_MIN(0, e, d.close, I(p[0]), b, nb, o[0])), "min", {30}, "", false, false},
      {"SUM", "30", {{"optInTimePeriod", 30}}, 1,
       TA(TA_SUM(0, e, d.close, I(p[0]), b, nb, o[0])), "sum", {30}, "", false, false},
      {"MINMAXINDEX", "30", {{"optInTimePeriod", 30}}, 2,
       TA(TA_MINMAXINDEX(0, e, d.close, I(p[0]), b, nb, reinterpret_cast<int*>(o[0]),
                         reinterpret_cast<int*>(o[1]))),
       "", {}, "", true, false},
      {"TYPPRICE", "", {}, 1, TA(TA_TYPPRICE(0, e, d.high, d.low, d.close, b, nb, o[0])),
       "typprice", {}, "", false, false},
      {"MAMA", ".5,.05", {{"optInFastLimit", 0.5}, {"optInSlowLimit", 0.05}}, 2,
       TA(TA_MAMA(0, e, d.close, p[0], p[1], b, nb, o[0], o[1])), "", {}, "", false, false},
      {"CDLENGULFING", "", {}, 1,
       TA(TA_CDLENGULFING(0, e, d.open, d.high, d.low, d.close, b, nb,
                          reinterpret_cast<int*>(o[0]))),
       "", {}, "", true, false},
      {"CDLMORNINGSTAR", "0.3", {{"optInPenetration", 0.3}}, 1,
       TA(TA_CDLMORNINGSTAR(0, e, d.open, d.high, d.low, d.close, p[0], b, nb,
                            reinterpret_cast<int*>(o[0]))),
       "", {}, "", true, false},
  };
  return table;
}

}  // namespace nocode::bench
