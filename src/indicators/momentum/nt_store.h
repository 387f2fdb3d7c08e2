// Non-temporal ("streaming") output for memory-bound kernels on long series.
//
// A kernel that reads a few arrays and writes one is bound by memory traffic
// once the arrays outgrow the caches; a normal store first reads the output
// line in (read-for-ownership), a streaming store does not, which saves a
// third of MOM's traffic. The output then is not left in cache, so we only
// stream when the output (>= 32 MB) would not have stayed there anyway.
// Usage: compute a chunk into a small L1 buffer, then copy_to_output();
// chunk_end() keeps every chunk but the first starting on a cache line (a
// line written partly by normal and partly by streaming stores is slow).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__AVX512F__) || defined(__AVX__)
#include <immintrin.h>
#endif

namespace nocode::indicators {

inline bool stream_output(size_t n) { return n >= (size_t(1) << 22); }

inline constexpr size_t kStreamChunk = 1024;

// End of the chunk starting at row `base` of output `y` (at most `end`).
inline size_t chunk_end(const double* y, size_t base, size_t end) {
  const size_t misalign = (reinterpret_cast<uintptr_t>(y + base) / sizeof(double)) % 8;
  const size_t stop = base + kStreamChunk - misalign;
  return stop < end ? stop : end;
}

// dst[0, count) = src[0, count), streaming when `stream`.
inline void copy_to_output(double* dst, const double* src, size_t count, bool stream) {
#if defined(__AVX512F__) || defined(__AVX__)
  if (stream) {
#if defined(__AVX512F__)
    constexpr size_t kLanes = 8;
#else
    constexpr size_t kLanes = 4;
#endif
    size_t i = 0;
    for (; i < count && (reinterpret_cast<uintptr_t>(dst + i) % (kLanes * 8)) != 0; ++i)
      dst[i] = src[i];
    for (; i + kLanes <= count; i += kLanes) {
#if defined(__AVX512F__)
      _mm512_stream_pd(dst + i, _mm512_loadu_pd(src + i));
#else
      _mm256_stream_pd(dst + i, _mm256_loadu_pd(src + i));
#endif
    }
    for (; i < count; ++i) dst[i] = src[i];
    return;
  }
#endif
  (void)stream;
  std::memcpy(dst, src, count * sizeof(double));
}

// Orders streaming stores before whatever reads the output next.
inline void finish_output(bool stream) {
#if defined(__AVX512F__) || defined(__AVX__)
  if (stream) _mm_sfence();
#else
  (void)stream;
#endif
}

}  // namespace nocode::indicators
