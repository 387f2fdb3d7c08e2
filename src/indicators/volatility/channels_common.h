// Building blocks shared by the extended volatility indicators (KC, BBWIDTH,
// SQUEEZE): Keltner and Bollinger bands as streaming objects, so each
// indicator's batch kernel (batch_by_state) and stream run the same code.
#pragma once

#include <cmath>

#include "indicators/extended_common.h"
#include "indicators/indicator.h"
#include "indicators/volatility/wilder_atr.h"

namespace nocode::indicators::chan {

// Keltner channels (Raschke): middle = EMA(close, n) (TA-Lib EMA: SMA seed),
// half width = multiplier · ATR(m) (TA-Lib ATR: Wilder smoothing of TR from
// bar 1, seeded with the mean of the first m TRs). First value at row
// max(n − 1, m).
struct Keltner {
  Keltner(int n, int m, double mult)
      : ema(n), atr(Params{{double(m)}}), mult(mult) {}
  // Consumes one bar; true once middle and atr both hold values.
  bool push(double h, double l, double c) {
    double v;
    const double bar[3] = {h, l, c};
    if (ema.step(c, &v)) { middle = v; have_ema = true; }
    if (atr.step(bar, &v)) { range = v; have_atr = true; }
    if (!(have_ema && have_atr)) return false;
    upper = middle + mult * range;
    lower = middle - mult * range;
    return true;
  }
  ext::SeededEma ema;
  AtrState<false> atr;
  double mult;
  bool have_ema = false, have_atr = false;
  double middle = 0, range = 0, upper = 0, lower = 0;
};

inline int keltner_lookback(int n, int m) { return n - 1 > m ? n - 1 : m; }

// Bollinger bands: middle = SMA(x, n), upper/lower = middle ± k·σ with σ the
// population standard deviation of the last n values. First value at row n−1.
struct Bollinger {
  Bollinger(int n, double k) : sum(n), var(n), n(n), k(k) {}
  bool push(double x) {
    const bool full = sum.push(x);
    var.push(x);
    if (!full) return false;
    middle = sum.sum() / double(n);
    const double sd = std::sqrt(var.variance());
    upper = middle + k * sd;
    lower = middle - k * sd;
    return true;
  }
  ext::WindowSum sum;
  ext::WindowVar var;
  int n;
  double k;
  double middle = 0, upper = 0, lower = 0;
};

}  // namespace nocode::indicators::chan
