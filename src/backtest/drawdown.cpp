// Drawdown curve and episodes (backtesting.py compute_drawdown_duration_peaks):
// episodes run between consecutive bars where the drawdown is 0 (plus the
// last bar) and count when they span more than one bar.
#include <algorithm>
#include <cmath>

#include "backtest/statistics.h"
#include "backtest/statistics_parts.h"

namespace nocode::backtest {

DrawdownCurve compute_drawdowns(std::span<const double> equity, const int64_t* ts) {
  const size_t n = equity.size();
  DrawdownCurve c;
  c.drawdown.resize(n);
  c.duration_ns.assign(n, kNaT);
  c.peak.assign(n, std::nan(""));
  double running_max = -INFINITY;
  for (size_t i = 0; i < n; ++i) {
    running_max = std::max(running_max, equity[i]);  // np.maximum.accumulate
    if (std::isnan(equity[i])) running_max = equity[i];
    c.drawdown[i] = 1 - equity[i] / running_max;
  }
  size_t prev = SIZE_MAX;
  for (size_t i = 0; i < n; ++i) {
    if (!(c.drawdown[i] == 0) && i != n - 1) continue;
    if (prev != SIZE_MAX && i > prev + 1) {
      c.has_episodes = true;
      c.duration_ns[i] = ts[i] - ts[prev];
      double peak = c.drawdown[prev];
      for (size_t k = prev + 1; k <= i; ++k) peak = std::max(peak, c.drawdown[k]);
      c.peak[i] = peak;
    }
    prev = i;
  }
  return c;
}

}  // namespace nocode::backtest

namespace nocode::backtest {
namespace {

constexpr size_t kChunk = 512;

bool has_nan(const double* e, size_t m) {
  bool nan = false;
  for (size_t k = 0; k < m; ++k) nan |= std::isnan(e[k]);
  return nan;
}

// Drawdowns of one chunk: the running maximum as np.maximum.accumulate (NaN
// sticks), then 1 - e/max (a loop the compiler vectorizes).
double drawdown_chunk(const double* e, size_t m, double running_max, bool nan, double* dd) {
  double rm[kChunk];
  if (nan) {
    for (size_t k = 0; k < m; ++k) {
      running_max = std::max(running_max, e[k]);
      if (std::isnan(e[k])) running_max = e[k];
      rm[k] = running_max;
    }
  } else {
    for (size_t k = 0; k < m; ++k) rm[k] = running_max = std::max(running_max, e[k]);
  }
  for (size_t k = 0; k < m; ++k) dd[k] = 1 - e[k] / rm[k];
  return running_max;
}

// Largest drawdown of a NaN-free chunk (8 independent lanes).
double chunk_max(const double* dd, size_t m) {
  double lane[8];
  for (double& v : lane) v = -INFINITY;
  size_t k = 0;
  for (; k + 8 <= m; k += 8)
    for (size_t j = 0; j < 8; ++j) lane[j] = lane[j] < dd[k + j] ? dd[k + j] : lane[j];
  double best = -INFINITY;
  for (double v : lane) best = best < v ? v : best;
  for (; k < m; ++k) best = best < dd[k] ? dd[k] : best;
  return best;
}

// Episodes end at bars with zero drawdown and at the last bar; an episode's
// peak is the std::max chain over its bars, as in compute_drawdowns.
struct EpisodeScan {
  size_t prev = SIZE_MAX;  // the last bar that ended an episode (or began one)
  int64_t prev_ts = 0;     // its timestamp
  double run_peak = 0;
};

// `chunk_max`: the chunk's largest drawdown when it is NaN-free, else NaN.
// Branch-free (zero drawdowns come in unpredictable patterns): every bar
// writes a candidate episode to a local buffer and the count advances only
// for real ones.
void scan_episodes(const double* dd, size_t begin, size_t m, size_t n, const int64_t* ts,
                   double chunk_max, EpisodeScan& scan, DrawdownSummary& s) {
  if (!std::isnan(chunk_max) && begin + m < n) {
    bool zero = false;
    for (size_t k = 0; k < m; ++k) zero |= dd[k] == 0;
    if (!zero) {  // no episode ends here: the chain's result is the chunk's max
      scan.run_peak = scan.run_peak < chunk_max ? chunk_max : scan.run_peak;
      return;
    }
  }
  size_t ends[kChunk];
  double peaks[kChunk], durations[kChunk];
  size_t count = 0, prev = scan.prev;
  int64_t prev_ts = scan.prev_ts, max_duration = s.max_duration;
  double run_peak = scan.run_peak;
  for (size_t k = 0; k < m; ++k) {
    const size_t i = begin + k;
    const double d = dd[k];
    run_peak = run_peak < d ? d : run_peak;  // std::max(run_peak, d)
    const bool ends_here = (d == 0) | (i == n - 1);
    const bool counts = ends_here & (prev != SIZE_MAX) & (i > prev + 1);
    const int64_t duration = ts[i] - prev_ts;
    ends[count] = i;
    peaks[count] = run_peak;
    durations[count] = static_cast<double>(duration);
    max_duration = (counts & (duration > max_duration)) ? duration : max_duration;
    count += counts;
    prev = ends_here ? i : prev;
    prev_ts = ends_here ? ts[i] : prev_ts;
    run_peak = ends_here ? d : run_peak;
  }
  s.episode_end.insert(s.episode_end.end(), ends, ends + count);
  s.episode_peak.insert(s.episode_peak.end(), peaks, peaks + count);
  s.episode_duration.insert(s.episode_duration.end(), durations, durations + count);
  s.max_duration = max_duration;
  scan.prev = prev;
  scan.prev_ts = prev_ts;
  scan.run_peak = run_peak;
}

}  // namespace

DrawdownSummary summarize_drawdowns(std::span<const double> equity, const int64_t* ts) {
  const size_t n = equity.size();
  DrawdownSummary s;
  s.max_drawdown = std::nan("");
  s.equity_peak = n ? equity[0] : std::nan("");
  double running_max = -INFINITY, dd[kChunk];
  EpisodeScan scan;
  for (size_t begin = 0; begin < n; begin += kChunk) {
    const size_t m = std::min(kChunk, n - begin);
    const double* e = equity.data() + begin;
    const bool nan = std::isnan(running_max) || has_nan(e, m);
    running_max = drawdown_chunk(e, m, running_max, nan, dd);
    double best = std::nan("");
    if (nan) {  // NaN-aware maxima (rare: equity is normally finite)
      for (size_t k = 0; k < m; ++k) {
        if (s.equity_peak < e[k]) s.equity_peak = e[k];
        if (!std::isnan(dd[k]) && (std::isnan(s.max_drawdown) || dd[k] > s.max_drawdown))
          s.max_drawdown = dd[k];
      }
    } else {
      if (s.equity_peak < running_max) s.equity_peak = running_max;
      best = chunk_max(dd, m);
      if (std::isnan(s.max_drawdown) || best > s.max_drawdown) s.max_drawdown = best;
    }
    scan_episodes(dd, begin, m, n, ts, best, scan, s);
  }
  return s;
}

}  // namespace nocode::backtest
