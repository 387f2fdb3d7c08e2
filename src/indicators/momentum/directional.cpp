// Kernels of the directional-movement family. Each indicator is a State
// (streaming) built on WilderDmCore (momentum_core.h); the batch kernels run
// the very same step functions over the arrays, so batch and stream agree bit
// for bit.
#include "indicators/momentum/directional.h"

#include <algorithm>
#include <vector>

#include "indicators/momentum/momentum_core.h"
#include "indicators/state_stream.h"

namespace nocode::indicators::momentum {
namespace {

inline double di_value(double dm_sum, double tr_sum) {
  const double q = 100.0 * (dm_sum / tr_sum);
  return ta_is_zero(tr_sum) ? 0.0 : q;
}

// Block size of the batch loops: the Wilder chains run first over a block,
// storing the sums; the divisions then run over the block as vectorisable
// loops (the divider is the bottleneck when fed one value per bar).
constexpr size_t kBlock = 256;
inline double adx_smooth(double adx, double omk, double inv, double dx) {
  return std::fma(adx, omk, dx * inv);
}

// +DM / -DM: the Wilder sum itself (first value: the plain sum of p-1 moves
// at bar p-1). Period 1: the raw move of each bar from bar 1.
template <bool kPlus>
struct DmState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit DmState(const Params& p) : core(p.integer(0)) {}
  inline bool step(const double* bar, double* out) {
    const long count = core.step(bar[0], bar[1], 0.0);
    if (core.period <= 1) {
      if (count < 2) return false;
      out[0] = kPlus ? core.last_plus : core.last_minus;
      return true;
    }
    if (count < core.period) return false;
    out[0] = kPlus ? core.plus : core.minus;
    return true;
  }
  WilderDmCore<false> core;
};

// +DI / -DI: 100·DM/TR from bar p (0 when TR ~0). Period 1: DM/TR of the bar
// (no factor 100, as TA-Lib).
template <bool kPlus>
struct DiState {
  static constexpr size_t kInputs = 3, kOutputs = 1;
  explicit DiState(const Params& p) : core(p.integer(0)) {}
  inline bool step(const double* bar, double* out) {
    const long count = core.step(bar[0], bar[1], bar[2]);
    if (core.period <= 1) {
      if (count < 2) return false;
      const double dm = kPlus ? core.last_plus : core.last_minus;
      out[0] = dm != 0.0 ? (ta_is_zero(core.last_range) ? 0.0 : dm / core.last_range) : 0.0;
      return true;
    }
    if (count <= core.period) return false;
    out[0] = di_value(kPlus ? core.plus : core.minus, core.range);
    return true;
  }
  WilderDmCore<true> core;
};

// DX from bar p; when TR or the DI sum is ~0 TA-Lib repeats the previous DX
// (0 for the first value).
struct DxState {
  static constexpr size_t kInputs = 3, kOutputs = 1;
  explicit DxState(const Params& p) : core(p.integer(0)) {}
  inline bool step(const double* bar, double* out) {
    const long count = core.step(bar[0], bar[1], bar[2]);
    if (count <= core.period) return false;
    double dx;
    if (dx_value(core.plus, core.minus, core.range, &dx)) last = dx;
    out[0] = last;
    return true;
  }
  WilderDmCore<true> core;
  double last = 0.0;
};

// ADX: the mean of the DX values of bars p..2p-1 (a bar without a DX adds
// nothing but still counts), then Wilder smoothing of DX, computed as
// fma(adx, (p-1)/p, dx/p); a bar without a DX holds the ADX.
struct AdxState {
  static constexpr size_t kInputs = 3, kOutputs = 1;
  explicit AdxState(const Params& p)
      : core(p.integer(0)),
        omk(static_cast<double>(core.period - 1) / static_cast<double>(core.period)),
        inv(1.0 / static_cast<double>(core.period)) {}
  inline bool step(const double* bar, double* out) {
    const long count = core.step(bar[0], bar[1], bar[2]);
    if (count <= core.period) return false;
    double dx;
    const bool has = dx_value(core.plus, core.minus, core.range, &dx);
    const long last_seed = 2L * core.period;  // count at bar 2p-1
    if (count < last_seed) {
      if (has) adx += dx;
      return false;
    }
    if (count == last_seed) {
      if (has) adx += dx;
      adx = adx / core.period;
    } else if (has) {
      adx = adx_smooth(adx, omk, inv, dx);
    }
    out[0] = adx;
    return true;
  }
  WilderDmCore<true> core;
  double omk, inv;
  double adx = 0.0;  // the DX sum during the seed
};

// ADXR = (ADX + ADX[p-1 bars ago]) / 2.
struct AdxrState {
  static constexpr size_t kInputs = 3, kOutputs = 1;
  explicit AdxrState(const Params& p) : adx(p), period(p.integer(0)), ring(period) {}
  inline bool step(const double* bar, double* out) {
    double a;
    if (!adx.step(bar, &a)) return false;
    ring.put(seen, a);
    const long lag = period - 1;
    const bool ready = seen >= lag;
    if (ready) out[0] = (a + ring.at(seen - lag)) / 2.0;
    ++seen;
    return ready;
  }
  AdxState adx;
  int period;
  IndexedRing ring;
  long seen = 0;
};

// Runs a state over rows [0, upto] (or fewer), writing its outputs.
template <class State>
size_t run_warmup(State& state, const double* const* in, size_t n, double* y, size_t upto) {
  double bar[3] = {0, 0, 0};
  size_t i = 0;
  for (; i < n && i <= upto; ++i) {
    for (size_t k = 0; k < State::kInputs; ++k) bar[k] = in[k][i];
    double v;
    if (state.step(bar, &v)) y[i] = v;
  }
  return i;  // next row
}

// The steady-state loops below repeat the states' post-warm-up expressions
// over the arrays (h[i-1] is the state's prev_high, etc.).
template <bool kPlus>
void dm_batch_impl(const double* const* in, size_t n, const Params& p, double* const* out) {
  double* y = out[0];
  const size_t lookback = size_t(dm_lookback(p));
  fill_warmup(out, 1, n, lookback);
  DmState<kPlus> st(p);
  size_t i = run_warmup(st, in, n, y, lookback);
  const double *h = in[0], *l = in[1];
  if (st.core.period <= 1) {
    for (; i < n; ++i) {
      const DirectionalMove dm = directional_move(h[i], l[i], h[i - 1], l[i - 1]);
      y[i] = kPlus ? dm.plus : dm.minus;
    }
    return;
  }
  double sum = kPlus ? st.core.plus : st.core.minus;
  const double omk = st.core.omk;
  for (; i < n; ++i) {
    const DirectionalMove dm = directional_move(h[i], l[i], h[i - 1], l[i - 1]);
    sum = wilder_smooth(sum, omk, kPlus ? dm.plus : dm.minus);
    y[i] = sum;
  }
}

template <bool kPlus>
void di_batch_impl(const double* const* in, size_t n, const Params& p, double* const* out) {
  double* y = out[0];
  const size_t lookback = size_t(di_lookback(p));
  fill_warmup(out, 1, n, lookback);
  DiState<kPlus> st(p);
  size_t i = run_warmup(st, in, n, y, lookback);
  if (st.core.period <= 1) {
    double bar[3];
    for (; i < n; ++i) {
      bar[0] = in[0][i], bar[1] = in[1][i], bar[2] = in[2][i];
      st.step(bar, &y[i]);
    }
    return;
  }
  const double *h = in[0], *l = in[1], *c = in[2];
  double sum = kPlus ? st.core.plus : st.core.minus, tr_sum = st.core.range;
  const double omk = st.core.omk;
  double db[kBlock], tb[kBlock];
  for (size_t start = i; start < n; start += kBlock) {
    const size_t m = std::min(kBlock, n - start);
    for (size_t j = 0; j < m; ++j) {
      const size_t k = start + j;
      const DirectionalMove dm = directional_move(h[k], l[k], h[k - 1], l[k - 1]);
      sum = wilder_smooth(sum, omk, kPlus ? dm.plus : dm.minus);
      tr_sum = wilder_smooth(tr_sum, omk, true_range(h[k], l[k], c[k - 1]));
      db[j] = sum;
      tb[j] = tr_sum;
    }
    double* o = y + start;
    for (size_t j = 0; j < m; ++j) o[j] = di_value(db[j], tb[j]);
  }
}

// Shared by DX / ADX / ADXR batch loops: one bar of the three Wilder sums.
struct Sums {
  double plus, minus, tr;
};
inline void sums_step(Sums& s, double omk, const double* h, const double* l, const double* c,
                      size_t i) {
  const DirectionalMove dm = directional_move(h[i], l[i], h[i - 1], l[i - 1]);
  const double tr = true_range(h[i], l[i], c[i - 1]);
  s.plus = wilder_smooth(s.plus, omk, dm.plus);
  s.minus = wilder_smooth(s.minus, omk, dm.minus);
  s.tr = wilder_smooth(s.tr, omk, tr);
}

// One block of DX values: the Wilder sums (scalar chains), then DX and its
// validity for every bar of the block in a vectorisable loop.
struct DxBlock {
  double plus[kBlock], minus[kBlock], tr[kBlock], dx[kBlock];
  bool ok[kBlock];
  inline void fill(Sums& s, double omk, const double* h, const double* l, const double* c,
                   size_t start, size_t m) {
    for (size_t j = 0; j < m; ++j) {
      sums_step(s, omk, h, l, c, start + j);
      plus[j] = s.plus;
      minus[j] = s.minus;
      tr[j] = s.tr;
    }
    for (size_t j = 0; j < m; ++j) ok[j] = dx_value(plus[j], minus[j], tr[j], &dx[j]);
  }
};

void dx_batch_impl(const double* const* in, size_t n, const Params& p, double* const* out) {
  double* y = out[0];
  const size_t lookback = size_t(dx_lookback(p));
  fill_warmup(out, 1, n, lookback);
  DxState st(p);
  size_t i = run_warmup(st, in, n, y, lookback);
  const double *h = in[0], *l = in[1], *c = in[2];
  Sums s{st.core.plus, st.core.minus, st.core.range};
  const double omk = st.core.omk;
  double last = st.last;
  DxBlock b;
  for (size_t start = i; start < n; start += kBlock) {
    const size_t m = std::min(kBlock, n - start);
    b.fill(s, omk, h, l, c, start, m);
    for (size_t j = 0; j < m; ++j) {
      if (b.ok[j]) last = b.dx[j];
      y[start + j] = last;
    }
  }
}

void adx_batch_impl(const double* const* in, size_t n, const Params& p, double* y) {
  double* out[1] = {y};
  const size_t lookback = size_t(adx_lookback(p));
  fill_warmup(out, 1, n, lookback);
  AdxState st(p);
  size_t i = run_warmup(st, in, n, y, lookback);
  const double *h = in[0], *l = in[1], *c = in[2];
  Sums s{st.core.plus, st.core.minus, st.core.range};
  const double omk = st.core.omk, aomk = st.omk, inv = st.inv;
  double adx = st.adx;
  DxBlock b;
  for (size_t start = i; start < n; start += kBlock) {
    const size_t m = std::min(kBlock, n - start);
    b.fill(s, omk, h, l, c, start, m);
    for (size_t j = 0; j < m; ++j) {
      const double next = adx_smooth(adx, aomk, inv, b.dx[j]);
      adx = b.ok[j] ? next : adx;
      y[start + j] = adx;
    }
  }
}
}  // namespace

int dm_lookback(const Params& p) { return p.integer(0) > 1 ? p.integer(0) - 1 : 1; }
int di_lookback(const Params& p) { return p.integer(0) > 1 ? p.integer(0) : 1; }
int dx_lookback(const Params& p) { return p.integer(0) > 1 ? p.integer(0) : 2; }
int adx_lookback(const Params& p) { return 2 * p.integer(0) - 1; }
int adxr_lookback(const Params& p) {
  return p.integer(0) > 1 ? p.integer(0) + adx_lookback(p) - 1 : 3;
}

void plus_dm_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  dm_batch_impl<true>(in, n, p, out);
}
void minus_dm_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  dm_batch_impl<false>(in, n, p, out);
}
void plus_di_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  di_batch_impl<true>(in, n, p, out);
}
void minus_di_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  di_batch_impl<false>(in, n, p, out);
}
void dx_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  dx_batch_impl(in, n, p, out);
}
void adx_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  adx_batch_impl(in, n, p, out[0]);
}
// ADXR in place over the ADX: descending, so ADX[i-(p-1)] is still unread.
void adxr_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  double* y = out[0];
  adx_batch_impl(in, n, p, y);
  const size_t lookback = size_t(adxr_lookback(p));
  const size_t lag = size_t(p.integer(0) - 1);
  for (size_t i = n; i-- > lookback;) y[i] = (y[i] + y[i - lag]) / 2.0;
  fill_warmup(out, 1, n, lookback);
}

std::unique_ptr<Stream> plus_dm_stream(const Params& p) {
  return make_state_stream<DmState<true>>(p);
}
std::unique_ptr<Stream> minus_dm_stream(const Params& p) {
  return make_state_stream<DmState<false>>(p);
}
std::unique_ptr<Stream> plus_di_stream(const Params& p) {
  return make_state_stream<DiState<true>>(p);
}
std::unique_ptr<Stream> minus_di_stream(const Params& p) {
  return make_state_stream<DiState<false>>(p);
}
std::unique_ptr<Stream> dx_stream(const Params& p) { return make_state_stream<DxState>(p); }
std::unique_ptr<Stream> adx_stream(const Params& p) { return make_state_stream<AdxState>(p); }
std::unique_ptr<Stream> adxr_stream(const Params& p) { return make_state_stream<AdxrState>(p); }

}  // namespace nocode::indicators::momentum
