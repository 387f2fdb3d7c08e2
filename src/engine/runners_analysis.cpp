// Analysis nodes: market regime, rolling correlation, multi-timeframe
// resampling (completed higher bars only), sentiment (unavailable).
// The exact rules are in docs/engine.md.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <limits>

#include "common/strings.h"
#include "common/numeric.h"
#include "data/timestamp.h"
#include "engine/step_runner.h"

namespace nocode::engine {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int64_t kMinuteNs = 60'000'000'000LL;

Result<std::shared_ptr<const Frame>> input_bars(const workflow::Step& step, const StepContext& ctx,
                                                const char* handle) {
  auto v = ctx.values(step, handle);
  if (!v) return v.status();
  if (!v->empty()) return v->front()->bars;
  if (ctx.base) return ctx.base;
  return step_error(step, std::string("nothing on ") + handle);
}

// Rolling sample standard deviation and mean over `w` rows ending at t
// (NaN while the window is incomplete or holds NaN).
double window_std(const std::vector<double>& x, size_t t, size_t w) {
  if (t + 1 < w) return kNaN;
  double sum = 0, sq = 0;
  for (size_t i = t + 1 - w; i <= t; ++i) sum += x[i];
  const double mean = sum / w;
  for (size_t i = t + 1 - w; i <= t; ++i) sq += (x[i] - mean) * (x[i] - mean);
  return std::sqrt(sq / (w - 1));
}

double window_mean(const std::vector<double>& x, size_t t, size_t w) {
  if (t + 1 < w) return kNaN;
  double sum = 0;
  for (size_t i = t + 1 - w; i <= t; ++i) sum += x[i];
  return sum / w;
}

Result<StepOutput> regime(const workflow::Step& step, const StepContext& ctx) {
  auto bars = input_bars(step, ctx, "data-input");
  if (!bars) return bars.status();
  auto close_r = bar_column(**bars, "close");
  if (!close_r) return step_error(step, close_r.status().message());
  const std::vector<double>& close = *close_r;
  const size_t n = close.size();
  const auto w = saturating_size(std::max(2.0, number_param(step, "trendWindow", 50)));
  const auto vw = saturating_size(
      std::max(2.0, number_param(step, "volatilityWindow", std::max<double>(10, w / 2))));
  const double mult = number_param(step, "volatilityMultiplier", 1.5);
  const double threshold = number_param(step, "trendThreshold", 0.0);
  std::vector<double> sma(n), ret(n, kNaN), vol(n);
  for (size_t t = 0; t < n; ++t) sma[t] = window_mean(close, t, w);
  for (size_t t = 1; t < n; ++t) ret[t] = close[t] / close[t - 1] - 1.0;
  for (size_t t = 0; t < n; ++t) vol[t] = t >= vw ? window_std(ret, t, vw) : kNaN;
  Signal trend(n, 0), sideways(n, 0), volatile_(n, 0);
  for (size_t t = 1; t < n; ++t) {
    const double slope = (sma[t] / sma[t - 1] - 1.0) * 100.0;
    const double avg_vol = window_mean(vol, t, w);
    if (std::isnan(slope) || std::isnan(vol[t]) || std::isnan(avg_vol)) continue;
    volatile_[t] = vol[t] > mult * avg_vol;
    trend[t] = !volatile_[t] && std::fabs(slope) > threshold;
    sideways[t] = !volatile_[t] && !trend[t];
  }
  StepOutput out;
  out.by_handle["trend-output"] = signal_value(*bars, std::move(trend));
  out.by_handle["sideways-output"] = signal_value(*bars, std::move(sideways));
  out.by_handle["volatile-output"] = signal_value(*bars, std::move(volatile_));
  out.kernels = 1;
  return out;
}

Result<StepOutput> correlation(const workflow::Step& step, const StepContext& ctx) {
  auto a = input_bars(step, ctx, "data-input-1");
  auto b = ctx.values(step, "data-input-2");
  if (!a) return a.status();
  if (!b) return b.status();
  if (b->empty()) return step_error(step, "nothing on data-input-2 (two series are needed)");
  auto x_r = bar_column(**a, "close");
  if (!x_r) return step_error(step, x_r.status().message());
  const std::vector<double>& x = *x_r;
  const std::vector<double> y = numbers_on(*b->front(), **a);  // as-of onto a's bars
  const auto w = saturating_size(std::max(2.0, number_param(step, "window", 30)));
  std::vector<double> r(x.size(), kNaN);
  for (size_t t = w - 1; t < x.size(); ++t) {
    double mx = 0, my = 0;
    for (size_t i = t + 1 - w; i <= t; ++i) mx += x[i], my += y[i];
    mx /= w, my /= w;
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = t + 1 - w; i <= t; ++i) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx > 0 && syy > 0) r[t] = sxy / std::sqrt(sxx * syy);  // NaN inputs stay NaN
  }
  StepOutput out;
  put_all(step, series_value(*a, std::move(r)), out);
  out.kernels = 1;
  return out;
}

// Bucket number of a timestamp in a timeframe "<n><unit>": m minutes, h/H
// hours, d/D days, w/W weeks (from Monday), M/mo months.
Result<std::function<int64_t(int64_t)>> bucketer(std::string tf) {
  tf = std::string(trim(tf));
  size_t digits = 0;
  while (digits < tf.size() && std::isdigit(static_cast<unsigned char>(tf[digits]))) ++digits;
  if (digits > 6) return Status::invalid_argument("timeframe '" + tf + "': count too large");
  const int64_t count = digits ? std::stoll(tf.substr(0, digits)) : 1;
  const std::string unit = tf.substr(digits);
  if (count <= 0 || unit.empty()) return Status::invalid_argument("timeframe '" + tf + "'");
  const auto fixed = [count](int64_t unit_ns) {
    return std::function<int64_t(int64_t)>([span = count * unit_ns](int64_t ns) {
      return ns >= 0 ? ns / span : (ns - span + 1) / span;
    });
  };
  if (unit == "m" || unit == "min") return fixed(kMinuteNs);
  if (unit == "h" || unit == "H") return fixed(60 * kMinuteNs);
  if (unit == "d" || unit == "D") return fixed(1440 * kMinuteNs);
  if (unit == "w" || unit == "W") {
    return std::function<int64_t(int64_t)>([count](int64_t ns) {
      const int64_t day = ns >= 0 ? ns / (1440 * kMinuteNs) : (ns + 1) / (1440 * kMinuteNs) - 1;
      const int64_t since_monday = day + 3;  // 1969-12-29 was a Monday
      const int64_t week = since_monday >= 0 ? since_monday / 7 : (since_monday - 6) / 7;
      return week >= 0 ? week / count : (week - count + 1) / count;
    });
  }
  if (unit == "M" || unit == "mo" || unit == "MO") {
    return std::function<int64_t(int64_t)>([count](int64_t ns) {
      const int64_t day = ns >= 0 ? ns / (1440 * kMinuteNs) : (ns + 1) / (1440 * kMinuteNs) - 1;
      const CivilDate c = civil_from_days(day);
      const int64_t month = c.year * 12 + (c.month - 1);
      return month >= 0 ? month / count : (month - count + 1) / count;
    });
  }
  return Status::invalid_argument("timeframe '" + tf +
                                  "': expected <n>m, <n>h, <n>d, <n>w or <n>M (e.g. 4h, 1D)");
}

std::string mtf_timeframe(const workflow::Step& step) {
  const std::string one = text_param(step, "higherTimeframe", "");
  if (!one.empty()) return one;
  auto it = step.params.find("timeframes");
  if (it != step.params.end() && it->is_array() && !it->empty() && it->front().is_string())
    return it->front().get<std::string>();
  if (it != step.params.end() && it->is_string()) {
    const std::string s = it->get<std::string>();
    return std::string(trim(s.substr(0, s.find(','))));
  }
  return "4h";
}

// Higher-timeframe OHLCV on the base bars: row t holds the last bucket that
// was complete at t (strictly before t's bucket), forward-filled; NaN before.
Result<StepOutput> multi_timeframe(const workflow::Step& step, const StepContext& ctx) {
  auto bars = input_bars(step, ctx, "data-input");
  if (!bars) return bars.status();
  const std::string tf = mtf_timeframe(step);
  auto bucket = bucketer(tf);
  if (!bucket) return step_error(step, bucket.status().message());
  const Frame& in = **bars;
  const auto& ts = in.timestamps();
  static const char* kFields[] = {"open", "high", "low", "close", "volume"};
  std::vector<const std::vector<double>*> src;
  for (const char* f : kFields) src.push_back(in.column(f));
  const size_t n = in.rows();
  std::vector<std::vector<double>> outcols(5, std::vector<double>(n, kNaN));
  double cur[5] = {kNaN, kNaN, kNaN, kNaN, kNaN}, done[5] = {kNaN, kNaN, kNaN, kNaN, kNaN};
  int64_t cur_bucket = 0;
  for (size_t t = 0; t < n; ++t) {
    const int64_t b = (*bucket)(ts[t]);
    if (t == 0 || b != cur_bucket) {
      if (t > 0) std::copy(cur, cur + 5, done);  // the previous bucket is complete now
      cur_bucket = b;
      for (int k = 0; k < 5; ++k) cur[k] = src[k] ? (*src[k])[t] : kNaN;
    } else {
      if (src[1]) cur[1] = std::fmax(cur[1], (*src[1])[t]);
      if (src[2]) cur[2] = std::fmin(cur[2], (*src[2])[t]);
      if (src[3]) cur[3] = (*src[3])[t];
      if (src[4]) cur[4] += (*src[4])[t];
    }
    for (int k = 0; k < 5; ++k) outcols[k][t] = done[k];
  }
  auto frame = std::make_shared<Frame>(ts);
  for (int k = 0; k < 5; ++k) {
    if (src[k]) (void)frame->set_column(kFields[k], std::move(outcols[k]));
  }
  Value v;
  v.kind = ValueKind::kBars;
  v.bars = std::move(frame);
  StepOutput out;
  put_all(step, v, out);
  out.kernels = 1;
  return out;
}

}  // namespace

Result<StepOutput> run_analysis(const workflow::Step& step, const StepContext& ctx) {
  if (step.type == "marketRegimeDetection") return regime(step, ctx);
  if (step.type == "correlationAnalysis") return correlation(step, ctx);
  if (step.type == "multiTimeframeAnalysis") return multi_timeframe(step, ctx);
  if (step.type == "sentimentAnalysis") {
    return Status::unsupported("node '" + step.node_id +
                               "' (sentimentAnalysis): no sentiment data is available to nocode "
                               "(it needs news/social feeds, not bars); remove the node");
  }
  return step_error(step, "unknown analysis node type");
}

}  // namespace nocode::engine
