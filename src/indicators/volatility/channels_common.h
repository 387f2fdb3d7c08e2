// Building blocks shared by the extended volatility indicators (KC, BBWIDTH,
// SQUEEZE): Keltner and Bollinger bands as streaming objects, so each
// indicator's batch kernel (batch_by_state) and stream run the same code.
#pragma once

#include <cmath>
#include <vector>

#include "indicators/extended_common.h"
#include "indicators/indicator.h"
#include "indicators/volatility/wilder_atr.h"

namespace nocode::indicators::chan {

// Keltner channels (Raschke): middle = EMA(close, n) (TA-Lib EMA: SMA seed),
// half width = multiplier · ATR(m) (TA-Lib ATR: Wilder smoothing of TR from
// bar 1, seeded with the mean of the first m TRs). First value at row
// max(n − 1, m).
struct Keltner {
  Keltner(int n, int m, double mult) : ema(n), atr(Params{{double(m)}}), mult(mult) {}
  // Consumes one bar; true once middle and atr both hold values.
  bool push(double h, double l, double c) {
    double v;
    const double bar[3] = {h, l, c};
    if (ema.step(c, &v)) {
      middle = v;
      have_ema = true;
    }
    if (atr.step(bar, &v)) {
      range = v;
      have_atr = true;
    }
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
// population standard deviation of the last n values. σ is computed two-pass
// over the window each bar, on deviations from the window's oldest value, so
// a flat window gives exactly σ = 0 and near-flat windows lose no digits
// (O(n) per bar). First value at row n−1.
struct Bollinger {
  // buf_ holds every value twice (at pos and pos + n), so the window is the
  // contiguous run buf_[pos_ .. pos_ + n − 1], oldest first.
  Bollinger(int n, double k) : buf_(2 * size_t(n), 0.0), n(n), k(k) {}
  bool push(double x) {
    const size_t m = size_t(n);
    buf_[pos_] = x;
    buf_[pos_ + m] = x;
    if (++pos_ == m) pos_ = 0;
    if (count_ < m) ++count_;
    if (count_ < m) return false;
    const double* w = buf_.data() + pos_;
    const double anchor = w[0];
    double s = 0, d = 0;
    for (size_t i = 0; i < m; ++i) {
      s += w[i];
      d += w[i] - anchor;
    }
    middle = s / double(n);
    const double md = d / double(n);
    double q = 0;
    for (size_t i = 0; i < m; ++i) {
      const double e = (w[i] - anchor) - md;
      q += e * e;
    }
    const double sd = std::sqrt(q / double(n));
    upper = middle + k * sd;
    lower = middle - k * sd;
    return true;
  }
  std::vector<double> buf_;
  size_t pos_ = 0, count_ = 0;
  int n;
  double k;
  double middle = 0, upper = 0, lower = 0;
};

}  // namespace nocode::indicators::chan
