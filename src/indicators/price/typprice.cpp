// TYPPRICE: Typical Price (TA-Lib TA_TYPPRICE).
#include <cstdint>

#if defined(__AVX__)
#include <immintrin.h>
#endif

#include "indicators/math/elementwise.h"
#include "indicators/registry.h"

namespace nocode::indicators {
namespace {

double typprice_of(const double* v) { return (v[0] + v[1] + v[2]) / 3.0; }

// The kernel is bound by memory bandwidth. Outputs far larger than the caches
// are written with non-temporal stores, so their cache lines are never read
// from memory first (a fifth of the traffic). Vector division is correctly
// rounded: the values equal the stream's scalar ones.
constexpr size_t kStreamingRows = size_t(1) << 20;

void typprice_batch(const double* const* in, size_t n, const Params&, double* const* out) {
  const double* __restrict h = in[0];
  const double* __restrict l = in[1];
  const double* __restrict c = in[2];
  double* __restrict y = out[0];
  size_t i = 0;
#if defined(__AVX512F__)
  if (n >= kStreamingRows) {
    for (; i < n && (reinterpret_cast<uintptr_t>(y + i) & 63) != 0; ++i) y[i] = (h[i] + l[i] + c[i]) / 3.0;
    const __m512d three = _mm512_set1_pd(3.0);
    for (; i + 8 <= n; i += 8) {
      const __m512d s = _mm512_add_pd(_mm512_add_pd(_mm512_loadu_pd(h + i), _mm512_loadu_pd(l + i)),
                                      _mm512_loadu_pd(c + i));
      _mm512_stream_pd(y + i, _mm512_div_pd(s, three));
    }
    _mm_sfence();
  }
#elif defined(__AVX__)
  if (n >= kStreamingRows) {
    for (; i < n && (reinterpret_cast<uintptr_t>(y + i) & 31) != 0; ++i) y[i] = (h[i] + l[i] + c[i]) / 3.0;
    const __m256d three = _mm256_set1_pd(3.0);
    for (; i + 4 <= n; i += 4) {
      const __m256d s = _mm256_add_pd(_mm256_add_pd(_mm256_loadu_pd(h + i), _mm256_loadu_pd(l + i)),
                                      _mm256_loadu_pd(c + i));
      _mm256_stream_pd(y + i, _mm256_div_pd(s, three));
    }
    _mm_sfence();
  }
#endif
  for (; i < n; ++i) y[i] = (h[i] + l[i] + c[i]) / 3.0;
}

}  // namespace

Status register_typprice(Registry& r) {
  IndicatorSpec s;
  s.name = "typprice";
  s.talib_name = "TYPPRICE";
  s.group = "price";
  s.title = "Typical Price";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose};
  s.outputs = {"typprice"};
  s.lookback = elementwise::lookback;
  s.batch = typprice_batch;
  s.stream = make_state_stream<elementwise::State<3, typprice_of>>;
  s.definition = "`(high + low + close) / 3`.";
  s.source = "TA-Lib TA_TYPPRICE conventions.";
  s.core = false;  // in the speed table, but not one of the 52 (INVENTORY.md)
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
