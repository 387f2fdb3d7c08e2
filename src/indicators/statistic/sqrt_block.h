// Square roots of a block of values with vector instructions where the
// compiler cannot use them itself (std::sqrt must keep errno semantics, which
// blocks vectorisation without -fno-math-errno). sqrt is correctly rounded in
// every form, so the results equal the scalar std::sqrt bit for bit; negative
// inputs give NaN (callers select them away).
#pragma once

#include <cmath>
#include <cstddef>

#if defined(__AVX512F__) || defined(__AVX__)
#include <immintrin.h>
#endif

namespace nocode::indicators {

inline void sqrt_block(const double* __restrict in, double* __restrict out, size_t n) {
  size_t i = 0;
#if defined(__AVX512F__)
  for (; i + 8 <= n; i += 8) _mm512_storeu_pd(out + i, _mm512_sqrt_pd(_mm512_loadu_pd(in + i)));
#elif defined(__AVX__)
  for (; i + 4 <= n; i += 4) _mm256_storeu_pd(out + i, _mm256_sqrt_pd(_mm256_loadu_pd(in + i)));
#endif
  for (; i < n; ++i) out[i] = std::sqrt(in[i]);
}

}  // namespace nocode::indicators
