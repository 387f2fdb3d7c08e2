// Rolling mean, standard deviation, min, max and z-score over a window of
// `period` bars ending at the current bar (pandas `rolling(period)` with the
// default min_periods = period).
//
// Moments use Welford's add/remove updates, re-synchronised with an exact
// two-pass computation at every window boundary so rounding drift stays
// bounded by one window of updates; a window whose values are all equal gives
// exactly that value and a standard deviation of exactly 0. Min and max use
// monotonic deques (O(n)). NaN values are counted, not added, and any window
// holding one gives NaN.
#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <vector>

#include "transforms/spec_helpers.h"

namespace nocode::transforms {
namespace {

struct Moments {
  double count = 0, mean = 0, m2 = 0;

  void add(double x) {
    count += 1;
    const double delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
  }
  void remove(double x) {
    if (count <= 1) {
      *this = {};
      return;
    }
    const double old = mean;
    count -= 1;
    mean = old - (x - old) / count;
    m2 -= (x - old) * (x - mean);
  }
  // Exact two-pass values of the non-NaN entries of x[begin, end).
  void resync(const double* x, size_t begin, size_t end) {
    *this = {};
    double sum = 0;
    for (size_t i = begin; i < end; ++i)
      if (!std::isnan(x[i])) sum += x[i], count += 1;
    if (count == 0) return;
    mean = sum / count;
    for (size_t i = begin; i < end; ++i)
      if (!std::isnan(x[i])) m2 += (x[i] - mean) * (x[i] - mean);
  }
};

// mean[t] and sample variance var[t] (ddof = 1) of x[t-n+1..t]; either output
// may be null. NaN before the first full window and for windows with a NaN.
void rolling_moments(const double* x, size_t len, size_t n, double* mean, double* var) {
  Moments m;
  size_t nan_count = 0, run = 0;
  for (size_t t = 0; t < len; ++t) {
    if (std::isnan(x[t])) ++nan_count; else m.add(x[t]);
    if (t >= n) {
      if (std::isnan(x[t - n])) --nan_count; else m.remove(x[t - n]);
    }
    if ((t + 1) % n == 0) m.resync(x, t + 1 - n, t + 1);
    run = (t > 0 && x[t] == x[t - 1]) ? run + 1 : 1;
    double mu = kNaN, v = kNaN;
    if (t + 1 >= n && nan_count == 0) {
      const bool flat = run >= n;
      mu = flat ? x[t] : m.mean;
      v = flat ? 0.0 : (n > 1 ? std::max(m.m2, 0.0) / static_cast<double>(n - 1) : kNaN);
    }
    if (mean) mean[t] = mu;
    if (var) var[t] = v;
  }
}

// Max (Better = greater) or min (Better = less) of each full window.
template <typename Better>
void rolling_extreme(const double* x, size_t len, size_t n, double* out) {
  std::deque<size_t> best;  // indices; values strictly worse towards the back
  size_t nan_count = 0;
  Better better;
  for (size_t t = 0; t < len; ++t) {
    if (std::isnan(x[t])) {
      ++nan_count;
    } else {
      while (!best.empty() && !better(x[best.back()], x[t])) best.pop_back();
      best.push_back(t);
    }
    if (t >= n && std::isnan(x[t - n])) --nan_count;
    while (!best.empty() && best.front() + n <= t) best.pop_front();
    out[t] = (t + 1 >= n && nan_count == 0 && !best.empty()) ? x[best.front()] : kNaN;
  }
}

size_t period_of(const Params& p) { return static_cast<size_t>(p.integer(0)); }

void mean_kernel(const KernelInput& in, const Params& p, double* const* out) {
  rolling_moments(in.series[0], in.n, period_of(p), out[0], nullptr);
}

void std_kernel(const KernelInput& in, const Params& p, double* const* out) {
  rolling_moments(in.series[0], in.n, period_of(p), nullptr, out[0]);
  for (size_t t = 0; t < in.n; ++t) out[0][t] = std::sqrt(out[0][t]);
}

void min_kernel(const KernelInput& in, const Params& p, double* const* out) {
  rolling_extreme<std::less<double>>(in.series[0], in.n, period_of(p), out[0]);
}

void max_kernel(const KernelInput& in, const Params& p, double* const* out) {
  rolling_extreme<std::greater<double>>(in.series[0], in.n, period_of(p), out[0]);
}

void zscore_kernel(const KernelInput& in, const Params& p, double* const* out) {
  std::vector<double> mean(in.n), var(in.n);
  rolling_moments(in.series[0], in.n, period_of(p), mean.data(), var.data());
  const double* x = in.series[0];
  for (size_t t = 0; t < in.n; ++t) {
    const double sd = std::sqrt(var[t]);
    out[0][t] = sd > 0 ? (x[t] - mean[t]) / sd : kNaN;
  }
}

TransformSpec base(std::string name, std::string title, double min_period, KernelFn kernel) {
  TransformSpec s;
  s.name = std::move(name);
  s.title = std::move(title);
  s.group = "rolling";
  s.inputs = {series_input("x", "the series")};
  s.params = {period_param(20, min_period)};
  s.outputs = {s.name};
  s.lookback = param0_minus1;
  s.kernel = kernel;
  s.nan_rule = "The first `period - 1` rows are NaN; NaN where the window holds a NaN.";
  return s;
}

}  // namespace

Status register_rolling_transforms(Registry& r) {
  TransformSpec mean = base("rolling_mean", "Rolling mean", 1, mean_kernel);
  mean.aliases = {"rolling_avg", "moving_average"};
  mean.definition = "`y[t] = (x[t-period+1] + ... + x[t]) / period` "
                    "(pandas `rolling(period).mean()`).";
  NOCODE_RETURN_IF_ERROR(r.add(std::move(mean)));

  TransformSpec sd = base("rolling_std", "Rolling standard deviation", 2, std_kernel);
  sd.aliases = {"rolling_stdev", "rolling_sd"};
  sd.definition = "Sample standard deviation (ddof = 1, pandas' default) of the window: "
                  "`y[t] = sqrt(sum((x[i] - m)^2) / (period - 1))` over i = t-period+1..t, "
                  "m the window mean; exactly 0 when all values in the window are equal.";
  NOCODE_RETURN_IF_ERROR(r.add(std::move(sd)));

  TransformSpec lo = base("rolling_min", "Rolling minimum", 1, min_kernel);
  lo.definition = "`y[t] = min(x[t-period+1..t])` (pandas `rolling(period).min()`).";
  NOCODE_RETURN_IF_ERROR(r.add(std::move(lo)));

  TransformSpec hi = base("rolling_max", "Rolling maximum", 1, max_kernel);
  hi.definition = "`y[t] = max(x[t-period+1..t])` (pandas `rolling(period).max()`).";
  NOCODE_RETURN_IF_ERROR(r.add(std::move(hi)));

  TransformSpec z = base("zscore", "Rolling z-score", 2, zscore_kernel);
  z.aliases = {"z_score", "rolling_zscore"};
  z.definition = "`y[t] = (x[t] - mean[t]) / std[t]` with the rolling_mean and the sample "
                 "rolling_std (ddof = 1) of the same window, the current bar included.";
  z.nan_rule = "The first `period - 1` rows are NaN; NaN where the window holds a NaN or its "
               "standard deviation is 0 (division by zero).";
  return r.add(std::move(z));
}

}  // namespace nocode::transforms
