// BBANDS: Bollinger Bands. The middle band is MA(period, ma_type); the width
// is always the population standard deviation of the last `period` values
// (TA-Lib: around the SMA whatever ma_type is). With the SMA the running sums
// are TA-Lib's own (add, read, subtract), so the bands match it bit for bit;
// the batch kernel runs the two sums in one scalar pass and the divisions and
// square roots over each block in a vectorisable second loop.
#include <algorithm>
#include <cmath>
#include <vector>

#ifdef __AVX__
#include <immintrin.h>
#endif

#include "indicators/common_params.h"
#include "indicators/overlap/ma_kernels.h"
#include "indicators/overlap/moving_average.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

constexpr double kEps = ma::kTaEpsilon;

int bbands_lookback(const Params& p) {
  const int period = p.integer(0);
  return std::max(ma_lookback(MaType(p.integer(3)), period), period - 1);
}

inline double stddev_of(double mean2, double mean) {
  const double var = mean2 - mean * mean;
  return !(var < kEps) ? std::sqrt(var) : 0.0;
}

struct BbandsState {
  static constexpr size_t kInputs = 1, kOutputs = 3;
  explicit BbandsState(const Params& p)
      : period(p.integer(0)), dp(p.integer(0)), up(p.real(1)), dn(p.real(2)),
        sma(MaType(p.integer(3)) == MaType::kSma), ma(MaType(p.integer(3)), p.integer(0)),
        lookback(bbands_lookback(p)), var_start(lookback - (period - 1)), buf(size_t(period)) {}

  bool step(const double* bar, double* out) {
    const double x = bar[0];
    const long t = row++;
    // Ring of the last `period` values; after the insert, pos is the oldest.
    buf[pos] = x;
    if (++pos == buf.size()) pos = 0;
    if (sma) {
      // TA_SMA and TA-Lib's stddev around the precomputed SMA, in their order.
      if (t < period - 1) {
        s1 += x;
        s2 += x * x;
        return false;
      }
      const double trailing = buf[pos];  // x[t-p+1]
      s1 += x;
      const double mean = s1 / dp;
      s1 -= trailing;
      s2 += x * x;
      const double mean2 = s2 / dp;
      s2 -= trailing * trailing;
      const double sd = stddev_of(mean2, mean);
      out[0] = mean + sd * up;
      out[1] = mean;
      out[2] = mean - sd * dn;
      return true;
    }
    double middle = 0;
    ma.step(x, &middle);
    if (t >= var_start) {  // TA_VAR's running sums, started at lookback - (period - 1)
      s1 += x;
      s2 += x * x;
    }
    if (t < lookback) return false;
    const double m1 = s1 / dp, m2 = s2 / dp;
    const double trailing = buf[pos];  // x[t-p+1]
    s1 -= trailing;
    s2 -= trailing * trailing;
    const double sd = stddev_of(m2, m1);
    out[0] = middle + sd * up;
    out[1] = middle;
    out[2] = middle - sd * dn;
    return true;
  }

  int period;
  double dp, up, dn;
  bool sma;
  MaStream ma;
  int lookback, var_start;
  std::vector<double> buf;
  size_t pos = 0;
  long row = 0;
  double s1 = 0, s2 = 0;
};

// Turns the raw sums (middle = Σx, upper = Σx²) of one block into the bands.
// Divisions and square roots are correctly rounded IEEE operations, so the
// AVX lanes give exactly the scalar stream's numbers.
void bands_block(double* __restrict upper, double* __restrict middle, double* __restrict lower,
                 size_t count, double dp, double up, double dn) {
  size_t i = 0;
#ifdef __AVX__
  const __m256d vdp = _mm256_set1_pd(dp), vup = _mm256_set1_pd(up), vdn = _mm256_set1_pd(dn);
  const __m256d veps = _mm256_set1_pd(kEps), zero = _mm256_setzero_pd();
  for (; i + 4 <= count; i += 4) {
    const __m256d mean = _mm256_div_pd(_mm256_loadu_pd(middle + i), vdp);
    const __m256d mean2 = _mm256_div_pd(_mm256_loadu_pd(upper + i), vdp);
    const __m256d var = _mm256_sub_pd(mean2, _mm256_mul_pd(mean, mean));
    const __m256d small = _mm256_cmp_pd(var, veps, _CMP_LT_OQ);
    const __m256d sd = _mm256_blendv_pd(_mm256_sqrt_pd(var), zero, small);
    _mm256_storeu_pd(upper + i, _mm256_add_pd(mean, _mm256_mul_pd(sd, vup)));
    _mm256_storeu_pd(middle + i, mean);
    _mm256_storeu_pd(lower + i, _mm256_sub_pd(mean, _mm256_mul_pd(sd, vdn)));
  }
#endif
  for (; i < count; ++i) {
    const double mean = middle[i] / dp, mean2 = upper[i] / dp;
    const double sd = stddev_of(mean2, mean);
    upper[i] = mean + sd * up;
    middle[i] = mean;
    lower[i] = mean - sd * dn;
  }
}

void bbands_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  const MaType type = MaType(p.integer(3));
  if (type != MaType::kSma) return batch_by_state<BbandsState>(in, n, p, out);
  const double* x = in[0];
  double *upper = out[0], *middle = out[1], *lower = out[2];
  const size_t period = size_t(p.integer(0));
  const double dp = double(period), up = p.real(1), dn = p.real(2);
  fill_warmup(out, 3, n, period - 1);
  if (n < period) return;
  double s1 = 0, s2 = 0;
  for (size_t i = 0; i + 1 < period; ++i) {
    s1 += x[i];
    s2 += x[i] * x[i];
  }
  constexpr size_t kBlock = 512;
  for (size_t b = period - 1; b < n; b += kBlock) {
    const size_t e = std::min(n, b + kBlock);
    for (size_t i = b; i < e; ++i) {  // the two dependency chains
      const double xi = x[i], xo = x[i + 1 - period];
      s1 += xi;
      middle[i] = s1;
      s1 -= xo;
      s2 += xi * xi;
      upper[i] = s2;
      s2 -= xo * xo;
    }
    bands_block(upper + b, middle + b, lower + b, e - b, dp, up, dn);
  }
}

}  // namespace

Status register_bbands(Registry& r) {
  IndicatorSpec s;
  s.name = "bbands";
  s.talib_name = "BBANDS";
  s.aliases = {"bb", "bollinger", "bollinger_bands"};
  s.group = "overlap";
  s.title = "Bollinger Bands";
  s.inputs = {InputKind::kReal};
  s.params = {
      period_param(5),
      ParamSpec{"nbdev_up", {"nbdevup"}, "optInNbDevUp", ParamType::kReal, 2, -3e37, 3e37,
                "standard deviations above the middle band"},
      ParamSpec{"nbdev_down", {"nbdevdn", "nbdev_dn"}, "optInNbDevDn", ParamType::kReal, 2, -3e37,
                3e37, "standard deviations below the middle band"},
      ma_type_param("ma_type", {"matype"}, "optInMAType", 0, "moving average of the middle band")};
  s.outputs = {"upper", "middle", "lower"};
  s.lookback = bbands_lookback;
  s.batch = bbands_batch;
  s.stream = make_state_stream<BbandsState>;
  s.definition =
      "Middle = MA(period, ma_type); upper/lower = middle ± nbdev·σ, where σ is the population "
      "standard deviation of the last `period` values computed as √(E[x²] − E[x]²) (0 when that "
      "is below 1e-14). As in TA-Lib, σ is taken around the SMA even when ma_type is not SMA.";
  s.source = "Bollinger, Bollinger on Bollinger Bands (2001); TA-Lib TA_BBANDS conventions.";
  s.core = true;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
