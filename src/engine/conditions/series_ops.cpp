// Shared causal helpers for the condition kernels: forward passes only, so
// the value at bar t depends on bars 0..t alone.
#include "engine/conditions/series_ops.h"

#include <algorithm>

#include "common/strings.h"
#include "data/frame.h"
#include "indicators/registry.h"

namespace nocode::engine::ops {

const double* left_series(const ConditionInputs& in) {
  if (in.left) return in.left;
  if (in.bars && in.bars->has_column("close")) return in.bars->close().data();
  return nullptr;
}

int strength_index(std::string_view s) {
  static const char* kNames[] = {"weak", "moderate", "strong", "very_strong"};
  for (int i = 0; i < 4; ++i)
    if (iequals(s, kNames[i])) return i;
  return -1;
}

double adx_threshold(const ConditionParams& p) {
  static const double kAdx[] = {20, 25, 35, 50};
  return kAdx[std::max(0, strength_index(p.trend_strength))];
}

Bars bars_of(const ConditionInputs& in) {
  Bars b;
  if (!in.bars) return b;
  const Frame& f = *in.bars;
  auto col = [&](const char* name) {
    const std::vector<double>* c = f.column(name);
    return c ? c->data() : nullptr;
  };
  b.open = col("open");
  b.high = col("high");
  b.low = col("low");
  b.close = col("close");
  b.volume = col("volume");
  b.time = f.timestamps().data();
  return b;
}

std::vector<double> sma(const double* x, size_t n, int w) {
  std::vector<double> out(n, kNaN);
  if (w < 1) return out;
  for (size_t t = w - 1; t < n; ++t) {
    double s = 0;
    for (size_t i = t + 1 - w; i <= t; ++i) s += x[i];
    out[t] = s / w;  // NaN propagates
  }
  return out;
}

std::vector<double> ema(const double* x, size_t n, int w) {
  std::vector<double> out(n, kNaN);
  if (w < 1) return out;
  const double k = 2.0 / (w + 1);
  double prev = kNaN;
  size_t start = 0;  // first bar of the current NaN-free run
  for (size_t t = 0; t < n; ++t) {
    if (!ok(x[t])) {
      prev = kNaN;
      start = t + 1;
      continue;
    }
    if (t + 1 - start < static_cast<size_t>(w)) continue;
    if (!ok(prev)) {
      double s = 0;
      for (size_t i = t + 1 - w; i <= t; ++i) s += x[i];
      prev = s / w;
    } else {
      prev = prev + k * (x[t] - prev);
    }
    out[t] = prev;
  }
  return out;
}

std::vector<double> rolling_sd(const double* x, size_t n, int w) {
  std::vector<double> out(n, kNaN);
  if (w < 1) return out;
  for (size_t t = w - 1; t < n; ++t) {
    double s = 0, ss = 0;
    for (size_t i = t + 1 - w; i <= t; ++i) s += x[i];
    const double m = s / w;
    for (size_t i = t + 1 - w; i <= t; ++i) ss += (x[i] - m) * (x[i] - m);
    out[t] = std::sqrt(ss / w);
  }
  return out;
}

double range_max(const double* x, long a, long b) {
  if (a < 0 || b < a) return kNaN;
  double m = x[a];
  for (long i = a; i <= b; ++i) {
    if (!ok(x[i])) return kNaN;
    m = std::max(m, x[i]);
  }
  return m;
}

double range_min(const double* x, long a, long b) {
  if (a < 0 || b < a) return kNaN;
  double m = x[a];
  for (long i = a; i <= b; ++i) {
    if (!ok(x[i])) return kNaN;
    m = std::min(m, x[i]);
  }
  return m;
}

double ls_slope(const double* x, long t, int w) {
  if (w < 2 || t + 1 < w) return kNaN;
  double sx = 0, sy = 0, sxy = 0, sxx = 0;
  for (int j = 0; j < w; ++j) {
    const double y = x[t - w + 1 + j];
    if (!ok(y)) return kNaN;
    sx += j;
    sy += y;
    sxy += j * y;
    sxx += static_cast<double>(j) * j;
  }
  const double den = w * sxx - sx * sx;
  return (w * sxy - sx * sy) / den;
}

std::vector<double> indicator(const ConditionInputs& in, std::string_view name,
                              const std::vector<std::pair<std::string, double>>& params,
                              size_t output, const double* real) {
  using indicators::InputKind;
  const indicators::IndicatorSpec* spec = indicators::builtin_registry().find(name);
  if (!spec) return {};
  auto resolved = indicators::resolve_params(*spec, params);
  if (!resolved.is_ok()) return {};
  const Bars b = bars_of(in);
  std::vector<const double*> inputs;
  for (InputKind k : spec->inputs) {
    const double* p = nullptr;
    switch (k) {
      case InputKind::kOpen:
        p = b.open;
        break;
      case InputKind::kHigh:
        p = b.high;
        break;
      case InputKind::kLow:
        p = b.low;
        break;
      case InputKind::kClose:
        p = b.close;
        break;
      case InputKind::kVolume:
        p = b.volume;
        break;
      default:
        p = real ? real : b.close;
        break;
    }
    if (!p) return {};
    inputs.push_back(p);
  }
  auto outs = indicators::compute(*spec, resolved.value(), inputs, in.n);
  if (output >= outs.size()) return {};
  return std::move(outs[output]);
}

std::vector<Pivot> zigzag(const double* x, size_t n, double pct) {
  std::vector<Pivot> out;
  const double f = pct / 100.0;
  int trend = 0;  // 0 unknown, +1 rising leg, -1 falling leg
  double hi = kNaN, lo = kNaN;
  size_t hi_i = 0, lo_i = 0;
  for (size_t t = 0; t < n; ++t) {
    const double v = x[t];
    if (!ok(v)) continue;
    if (!ok(hi) || v > hi) hi = v, hi_i = t;
    if (!ok(lo) || v < lo) lo = v, lo_i = t;
    if (trend >= 0 && v <= hi - f * std::fabs(hi) && hi_i < t) {
      if (trend > 0 || lo_i < hi_i)
        out.push_back({hi_i, hi, true, t});
      else
        out.push_back({lo_i, lo, false, t}), out.push_back({hi_i, hi, true, t});
      trend = -1;
      lo = v, lo_i = t;
      hi = v, hi_i = t;
    } else if (trend <= 0 && v >= lo + f * std::fabs(lo) && lo_i < t) {
      if (trend < 0 || hi_i < lo_i)
        out.push_back({lo_i, lo, false, t});
      else
        out.push_back({hi_i, hi, true, t}), out.push_back({lo_i, lo, false, t});
      trend = 1;
      lo = v, lo_i = t;
      hi = v, hi_i = t;
    }
  }
  return out;
}

std::vector<Pivot> swings(const double* high, const double* low, size_t n, int k) {
  std::vector<Pivot> out;
  if (!high || !low || k < 1) return out;
  for (size_t c = 2 * k; c < n; ++c) {  // c: confirmation bar, candidate i = c - k
    const size_t i = c - k;
    bool is_hi = ok(high[i]), is_lo = ok(low[i]);
    for (size_t j = i - k; j <= c; ++j) {
      if (j == i) continue;
      if (!ok(high[j]) || (j < i ? high[j] > high[i] : high[j] >= high[i])) is_hi = false;
      if (!ok(low[j]) || (j < i ? low[j] < low[i] : low[j] <= low[i])) is_lo = false;
    }
    if (is_hi) out.push_back({i, high[i], true, c});
    if (is_lo) out.push_back({i, low[i], false, c});
  }
  return out;
}

std::vector<size_t> known_counts(const std::vector<Pivot>& pivots, size_t n) {
  std::vector<size_t> out(n, 0);
  size_t k = 0;
  for (size_t t = 0; t < n; ++t) {
    while (k < pivots.size() && pivots[k].confirmed <= t) ++k;
    out[t] = k;
  }
  return out;
}

}  // namespace nocode::engine::ops
