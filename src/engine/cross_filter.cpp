// The certain-sign filter for crossings of pandas rolling means (see
// cross_filter.h). The error bounds, with u = 2^-53, M the largest value, P
// the sum of all values (both over the whole series, so they bound every
// bar), W the window, N = 2n operations:
//  - pandas keeps s, c_add, c_remove; each operation y = fl(±x - c),
//    t = fl(s + y), c' = fl(fl(t - s) - y). Q = s - c_add - c_remove moves by
//    exactly ±x except for the rounding of y (<= u|y|) and, when |s| < |y|,
//    the inexactness of c' (<= 2u|y|), so |Q - T| <= 3.3u (2P + N·C) with C
//    >= |c| = 1.01u (W M + 2.2 M), and |s - T| <= that + 2C;
//  - its mean fl(s / W) adds u|s| / W (the all-equal and sign-clamp rules
//    return values at least as close to T / W);
//  - the filter's window sum: a direct sum of W values, then per 8 bars the
//    differences x[j] - x[j-W], their in-register prefix sums (3 adds of
//    partial sums <= 8M) and the carry (<= (W + 8) M): within
//    1.01u (W² M + 128 (2W + 32) M) of T; its mean R·(1/W) within 3u of R / W.
// Signs are trusted only beyond twice the sum of the bounds.
#include "engine/cross_filter.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <optional>

#include "common/side_thread.h"
#include "common/value_scan.h"

#if defined(__AVX2__) || defined(__AVX512BW__)
#include <immintrin.h>
#endif

namespace nocode::engine {
namespace {

constexpr size_t kLane = 128, kLanes = 8, kBlock = kLane * kLanes;
constexpr double kU = 0x1p-53;

struct SourceState {
  double max = 0;     // largest value so far
  double prefix = 0;  // sum of the values so far
};

typedef double V8 __attribute__((vector_size(64)));

// Inclusive prefix sums of the 8 elements (3 shifted adds).
// (By reference: a 64-byte vector by value changes the ABI without AVX-512.)
void prefix_sum(V8& v) {
  const V8 z{};
  v += __builtin_shufflevector(z, v, 7, 8, 9, 10, 11, 12, 13, 14);
  v += __builtin_shufflevector(z, v, 6, 7, 8, 9, 10, 11, 12, 13);
  v += __builtin_shufflevector(z, v, 4, 5, 6, 7, 8, 9, 10, 11);
}

// The bounds use relative rounding errors: values must stay clear of the
// subnormal range and of overflow (sums of up to 2^40 values of W^2 M).
constexpr double kTiny = 0x1p-900, kHuge = 0x1p900;

// Folds values [from, to) into `st`; false when one is NaN or outside
// [kTiny, kHuge]. (The prefix is only used in a bound, with slack for the
// rounding of its partial sums.)
bool absorb(const double* x, size_t from, size_t to, SourceState& st) {
  const ValueScan r = scan_values({x + from, to - from});
  st.max = std::max(st.max, r.max);
  st.prefix += r.sum;
  return from == to || (!r.has_nan && r.min >= kTiny && r.max <= kHuge);
}

// Means of the windows ending at bars [b0, b0 + len) into `mean`.
void block_means(const double* x, size_t w, size_t b0, size_t len, double* scratch, double* mean) {
  const double inv = 1.0 / static_cast<double>(w);
  auto direct = [&](size_t j) {  // sum of x[j - w + 1 .. j]
    double s = 0;
    for (size_t i = j + 1 - w; i <= j; ++i) s += x[i];
    return s;
  };
  if (len == kBlock) {  // per lane: a direct sum, then running sums 8 bars at a time
    for (size_t t = 0; t < kBlock; ++t) scratch[t] = x[b0 + t] - x[b0 + t - w];
    std::array<V8, kLanes> carry;  // the lanes' running sums, side by side
    for (size_t c = 0; c < kLanes; ++c) {
      scratch[c * kLane] = 0;
      carry[c] = V8{} + direct(b0 + c * kLane);
    }
    for (size_t t = 0; t < kLane; t += 8) {
      for (size_t c = 0; c < kLanes; ++c) {
        V8 v;
        std::memcpy(&v, scratch + c * kLane + t, sizeof v);
        prefix_sum(v);
        v += carry[c];
        std::memcpy(mean + c * kLane + t, &v, sizeof v);
        carry[c] = __builtin_shufflevector(v, v, 7, 7, 7, 7, 7, 7, 7, 7);
      }
    }
  } else {  // the last, partial block: one running sum per lane-length piece
    for (size_t t0 = 0; t0 < len; t0 += kLane) {
      double acc = mean[t0] = direct(b0 + t0);
      for (size_t t = t0 + 1; t < std::min(len, t0 + kLane); ++t)
        mean[t] = acc += x[b0 + t] - x[b0 + t - w];
    }
  }
  for (size_t t = 0; t < len; ++t) mean[t] *= inv;
}

// Bit k set when p[k] != 0, k < 64.
uint64_t nonzero_mask64(const uint8_t* p) {
#if defined(__AVX512BW__)
  const __m512i v = _mm512_loadu_si512(p);
  return _mm512_test_epi8_mask(v, v);
#elif defined(__AVX2__)
  const __m256i zero = _mm256_setzero_si256();
  const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
  const uint32_t zlo = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, zero)));
  const uint32_t zhi = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, zero)));
  return ~((uint64_t{zhi} << 32) | zlo);
#else
  uint64_t m = 0;
  for (int k = 0; k < 64; ++k) m |= uint64_t{p[k] != 0} << k;
  return m;
#endif
}

double mean_error(const SourceState& st, size_t w, size_t bars_so_far) {
  const double W = static_cast<double>(w), M = st.max;
  const double P = st.prefix * (1 + 1e-9), N = 2.0 * static_cast<double>(bars_so_far);
  const double C = 1.01 * kU * (W * M + 2.2 * M);
  const double E = 3.3 * kU * (2 * P + N * C) + 2 * C;
  const double pandas = (E + kU * (1.01 * W * M + E)) / W;
  const double F = 1.01 * kU * (W * W * M + static_cast<double>(kLane) * (2 * W + 32) * M);
  const double filter = F / W + 3 * kU * 1.01 * M;
  return pandas + filter;
}

}  // namespace

void append_set_bytes(const uint8_t* bytes, size_t len, size_t base, std::vector<size_t>& out) {
  constexpr size_t kSpan = 64;
  const size_t spans = len / kSpan;
  size_t count = 0;
  for (size_t s = 0; s < spans; ++s) count += static_cast<size_t>(std::popcount(nonzero_mask64(bytes + s * kSpan)));
  size_t used = out.size();
  out.resize(used + count + 4);  // room for the unconditional writes below
  for (size_t s = 0; s < spans; ++s) {  // a bit per byte, then the set bits
    uint64_t m = nonzero_mask64(bytes + s * kSpan);
    if (m == 0) continue;
    const size_t at = base + s * kSpan, bits = static_cast<size_t>(std::popcount(m));
    size_t* o = out.data() + used;
    // The first four unconditionally (crossings are sparse: rarely more),
    // so the loop below seldom runs and its exit is seldom mispredicted.
    for (int k = 0; k < 4; ++k) {
      o[k] = at + static_cast<size_t>(std::countr_zero(m));
      m &= m - 1;
    }
    for (size_t k = 4; m != 0; ++k) {
      o[k] = at + static_cast<size_t>(std::countr_zero(m));
      m &= m - 1;
    }
    used += bits;
  }
  out.resize(used);
  for (size_t i = spans * kSpan; i < len; ++i)
    if (bytes[i]) out.push_back(base + i);
}

namespace {

// What one run of consecutive blocks decided, per cross.
struct ChunkResult {
  std::vector<std::vector<size_t>> bars;  // crossings after the chunk's first bar
  std::vector<int8_t> first, last;        // signs on its first and last bar (0 undecided)
  size_t undecided_to = 0;                // crossings of bars < this are undecided
};

// Decides bars [from, to) (from a multiple of kBlock) with fixed bounds.
ChunkResult decide_chunk(const std::vector<MeanSource>& sources, const std::vector<CrossSpec>& crosses,
                         const std::vector<double>& bounds, size_t from, size_t to) {
  ChunkResult out;
  out.bars.resize(crosses.size());
  out.first.assign(crosses.size(), 0);
  out.last.assign(crosses.size(), 0);
  // Crosses comparing the same two things (a crossover and its crossunder)
  // share one sign series: the sign of left - right, negated for dir < 0.
  std::vector<size_t> series_of(crosses.size());
  std::vector<size_t> series;  // a representative cross per series
  for (size_t x = 0; x < crosses.size(); ++x) {
    const CrossSpec& c = crosses[x];
    size_t k = 0;
    while (k < series.size() && !(crosses[series[k]].left == c.left && crosses[series[k]].right == c.right &&
                                  crosses[series[k]].value == c.value && bounds[series[k]] == bounds[x]))
      ++k;
    if (k == series.size()) series.push_back(x);
    series_of[x] = k;
  }
  std::vector<double> means(sources.size() * kBlock), scratch(kBlock);
  std::vector<int8_t> signs(series.size() * kBlock);
  std::vector<uint8_t> fired(kBlock);
  for (size_t b0 = from; b0 < to; b0 += kBlock) {
    const size_t len = std::min(kBlock, to - b0);
    for (size_t k = 0; k < sources.size(); ++k)
      block_means(sources[k].values, sources[k].window, b0, len, scratch.data(), &means[k * kBlock]);
    for (size_t k = 0; k < series.size(); ++k) {
      const CrossSpec& c = crosses[series[k]];
      const double* l = &means[c.left * kBlock];
      const double bound = bounds[series[k]];
      int8_t* sign = &signs[k * kBlock];
      uint8_t any = 0;
      if (c.right == CrossSpec::kConstant) {
        const double v = c.value;
        for (size_t t = 0; t < len; ++t) {
          const double d = l[t] - v;
          sign[t] = static_cast<int8_t>((d > bound) - (d < -bound));
          any |= static_cast<uint8_t>(sign[t] == 0);
        }
      } else {
        const double* r = &means[c.right * kBlock];
        for (size_t t = 0; t < len; ++t) {
          const double d = l[t] - r[t];
          sign[t] = static_cast<int8_t>((d > bound) - (d < -bound));
          any |= static_cast<uint8_t>(sign[t] == 0);
        }
      }
      for (size_t t = len; any && t-- > 0;) {  // the last undecided sign of the block
        if (sign[t] == 0) {
          out.undecided_to = std::max(out.undecided_to, b0 + t + 2);
          break;
        }
      }
    }
    for (size_t x = 0; x < crosses.size(); ++x) {  // from below to above, in the cross's direction
      const int8_t* sign = &signs[series_of[x] * kBlock];
      const int8_t up = crosses[x].dir > 0 ? 1 : -1, down = static_cast<int8_t>(-up);
      if (b0 == from) out.first[x] = static_cast<int8_t>(sign[0] * up);
      fired[0] = (out.last[x] == -1) & (sign[0] == up);
      for (size_t t = 1; t < len; ++t) fired[t] = (sign[t - 1] == down) & (sign[t] == up);
      out.last[x] = static_cast<int8_t>(sign[len - 1] * up);
      append_set_bytes(fired.data(), len, b0, out.bars[x]);
    }
  }
  return out;
}

// From this many bars on, the second half of the blocks runs on another thread.
constexpr size_t kParallelBars = 200'000;

}  // namespace

FilteredCrosses filter_crosses(const std::vector<MeanSource>& sources,
                               const std::vector<CrossSpec>& crosses, size_t n) {
  FilteredCrosses out;
  out.bars.resize(crosses.size());
  size_t max_w = 1;
  for (const MeanSource& s : sources) max_w = std::max(max_w, s.window);
  // Signs are computed from bar `start` on (every mean defined on start - 1),
  // so crossings from start + 1 on.
  const size_t start = (max_w + kBlock - 1) / kBlock * kBlock;
  out.exact_from = std::min(n, start + 1);
  if (start + 1 >= n || crosses.empty()) return out;
  // The checks, largest value and sum of every column read, once per column;
  // over all bars, so the bounds hold for every bar and blocks are independent.
  std::vector<SourceState> state(sources.size());
  for (size_t k = 0; k < sources.size(); ++k) {
    size_t first = k;
    while (sources[first].values != sources[k].values) ++first;
    if (first < k) {
      state[k] = state[first];
    } else if (!absorb(sources[k].values, 0, n, state[k])) {
      out.exact_from = n;
      return out;
    }
  }
  std::vector<double> bounds(crosses.size());
  for (size_t x = 0; x < crosses.size(); ++x) {
    const CrossSpec& c = crosses[x];
    const SourceState& l = state[c.left];
    double b = mean_error(l, sources[c.left].window, n) + 2 * kU * (l.max + std::fabs(c.value));
    if (c.right != CrossSpec::kConstant) {
      const SourceState& r = state[c.right];
      b += mean_error(r, sources[c.right].window, n) + 2 * kU * r.max;
    }
    bounds[x] = 2 * b;
  }
  size_t mid = n;
  if (n - start >= kParallelBars) mid = start + (n - start) / 2 / kBlock * kBlock;
  ChunkResult tail;
  std::optional<SideJob> second;
  if (mid < n) {
    second = SideJob::start([&] { tail = decide_chunk(sources, crosses, bounds, mid, n); });
    if (!second) mid = n;  // no thread: one chunk
  }
  ChunkResult head = decide_chunk(sources, crosses, bounds, start, mid);
  size_t undecided_to = std::max(start + 1, head.undecided_to);
  out.bars = std::move(head.bars);
  if (second) {
    second->get();
    undecided_to = std::max(undecided_to, tail.undecided_to);
    for (size_t x = 0; x < crosses.size(); ++x) {
      if (head.last[x] == -1 && tail.first[x] == 1) out.bars[x].push_back(mid);
      out.bars[x].insert(out.bars[x].end(), tail.bars[x].begin(), tail.bars[x].end());
    }
  }
  out.exact_from = std::min(n, undecided_to);
  for (auto& b : out.bars)
    b.erase(b.begin(), std::lower_bound(b.begin(), b.end(), out.exact_from));
  return out;
}

}  // namespace nocode::engine
