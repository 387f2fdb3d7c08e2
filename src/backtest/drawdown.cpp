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

// Eight doubles (GCC vector extension: AVX-512, or split by the compiler).
// The helpers taking them are internal, so the ABI note GCC gives for
// 64-byte vectors without AVX-512 does not apply.
#pragma GCC diagnostic ignored "-Wpsabi"
typedef double Vec8 __attribute__((vector_size(64)));
typedef int64_t Mask8 __attribute__((vector_size(64)));

// std::max(a, b) lane by lane: `b` only when a < b, so on ties (0.0 vs -0.0)
// the earlier operand wins, as in a running std::max chain.
Vec8 max_left(Vec8 a, Vec8 b) { return a < b ? b : a; }

// Running maximum of 8 NaN-free values (lane 0 first). A log-step scan:
// max_left keeps the first of equal values and is associative, so every lane
// gets exactly the value of the sequential std::max chain.
Vec8 prefix_max8(Vec8 v) {
  const Vec8 low = {-INFINITY, -INFINITY, -INFINITY, -INFINITY,
                    -INFINITY, -INFINITY, -INFINITY, -INFINITY};
  v = max_left(__builtin_shufflevector(low, v, 0, 8, 9, 10, 11, 12, 13, 14), v);
  v = max_left(__builtin_shufflevector(low, v, 0, 1, 8, 9, 10, 11, 12, 13), v);
  return max_left(__builtin_shufflevector(low, v, 0, 1, 2, 3, 8, 9, 10, 11), v);
}

// Drawdowns of a chunk holding NaN: the running maximum as
// np.maximum.accumulate (NaN sticks), then 1 - e/max.
double drawdown_chunk_nan(const double* e, size_t m, double running_max, double* dd) {
  for (size_t k = 0; k < m; ++k) {
    running_max = std::max(running_max, e[k]);
    if (std::isnan(e[k])) running_max = e[k];
    dd[k] = 1 - e[k] / running_max;
  }
  return running_max;
}

// What one pass over a NaN-free chunk yields besides its drawdowns.
struct ChunkFacts {
  bool nan;            // some equity is NaN: the rest is invalid
  double running_max;  // after the chunk's last bar
  double best;         // largest drawdown (8 lanes, then the tail, in order)
  bool zero;           // some drawdown is 0
};

// Drawdowns of a chunk, 8 bars at a time, assuming it is NaN-free (checked
// in the same pass): running maximum, 1 - e/max, the largest drawdown in 8
// independent lanes (lane j takes bars k = j mod 8) and whether one is 0.
ChunkFacts drawdown_chunk(const double* e, size_t m, double running_max, double* dd) {
  const Vec8 one = {1, 1, 1, 1, 1, 1, 1, 1};
  Vec8 lanes = {-INFINITY, -INFINITY, -INFINITY, -INFINITY,
                -INFINITY, -INFINITY, -INFINITY, -INFINITY};
  Mask8 zero = {}, nan = {};
  size_t k = 0;
  for (; k + 8 <= m; k += 8) {
    Vec8 v;
    __builtin_memcpy(&v, e + k, sizeof v);
    nan |= v != v;
    // Only the scalar max of the carry and the block's maximum is a chain
    // across blocks; the scan and the broadcast are not.
    const Vec8 scan = prefix_max8(v);
    const Vec8 carry = {running_max, running_max, running_max, running_max,
                        running_max, running_max, running_max, running_max};
    const Vec8 rm = max_left(carry, scan);
    running_max = running_max < scan[7] ? scan[7] : running_max;  // = rm[7]
    const Vec8 d = one - v / rm;
    __builtin_memcpy(dd + k, &d, sizeof d);
    lanes = max_left(lanes, d);
    zero |= d == 0;
  }
  ChunkFacts f{false, running_max, -INFINITY, false};
  for (int j = 0; j < 8; ++j) {
    f.best = f.best < lanes[j] ? lanes[j] : f.best;
    f.zero |= zero[j] != 0;
    f.nan |= nan[j] != 0;
  }
  for (; k < m; ++k) {
    f.nan |= std::isnan(e[k]);
    f.running_max = std::max(f.running_max, e[k]);
    dd[k] = 1 - e[k] / f.running_max;
    f.best = f.best < dd[k] ? dd[k] : f.best;
    f.zero |= dd[k] == 0;
  }
  return f;
}

// Episodes end at bars with zero drawdown and at the last bar; an episode's
// peak is the std::max chain over its bars, as in compute_drawdowns.
struct EpisodeScan {
  size_t prev = SIZE_MAX;  // the last bar that ended an episode (or began one)
  int64_t prev_ts = 0;     // its timestamp
  double run_peak = 0;
};

// `chunk_max`: the chunk's largest drawdown when it is NaN-free, else NaN;
// `zero`: whether some drawdown in it may be 0. Branch-free (zero drawdowns come in unpredictable patterns): every bar
// writes a candidate episode to a local buffer and the count advances only
// for real ones.
void scan_episodes(const double* dd, size_t begin, size_t m, size_t n, const int64_t* ts,
                   double chunk_max, bool zero, EpisodeScan& scan, DrawdownSummary& s) {
  if (!std::isnan(chunk_max) && !zero && begin + m < n) {
    // No episode ends here: the chain's result is the chunk's max.
    scan.run_peak = scan.run_peak < chunk_max ? chunk_max : scan.run_peak;
    return;
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
    const ChunkFacts f = drawdown_chunk(e, m, running_max, dd);
    if (f.nan || std::isnan(running_max)) {  // rare: equity is normally finite
      running_max = drawdown_chunk_nan(e, m, running_max, dd);
      for (size_t k = 0; k < m; ++k) {  // NaN-aware maxima
        if (s.equity_peak < e[k]) s.equity_peak = e[k];
        if (!std::isnan(dd[k]) && (std::isnan(s.max_drawdown) || dd[k] > s.max_drawdown))
          s.max_drawdown = dd[k];
      }
      scan_episodes(dd, begin, m, n, ts, std::nan(""), true, scan, s);
      continue;
    }
    running_max = f.running_max;
    if (s.equity_peak < running_max) s.equity_peak = running_max;
    if (std::isnan(s.max_drawdown) || f.best > s.max_drawdown) s.max_drawdown = f.best;
    scan_episodes(dd, begin, m, n, ts, f.best, f.zero, scan, s);
  }
  return s;
}

}  // namespace nocode::backtest
