#include "indicators/momentum/stochastic.h"

#include "indicators/indicator.h"
#include "indicators/momentum/momentum_core.h"

namespace nocode::indicators::momentum {

void talib_ma_batch(MaType type, int period, const double* in, size_t n, double* out) {
  if (type != MaType::kSma || period <= 1) return ma_batch(type, period, in, n, out);
  const size_t p = static_cast<size_t>(period);
  const double dp = static_cast<double>(period);
  for (size_t i = 0; i < n && i + 1 < p; ++i) out[i] = kNaN;
  if (n < p) return;
  double sum = 0;
  for (size_t i = 0; i + 1 < p; ++i) sum += in[i];
  for (size_t i = p - 1; i < n; ++i) {
    sum += in[i];
    const double v = sum / dp;
    sum -= in[i + 1 - p];
    out[i] = v;
  }
}

TalibMaStream::TalibMaStream(MaType type, int period)
    : sma_(type == MaType::kSma && period > 1),
      period_(period),
      ring_(sma_ ? static_cast<size_t>(period) : 0),
      other_(type, period) {}

bool TalibMaStream::step(double x, double* out) {
  if (!sma_) return other_.step(x, out);
  const long i = count_++;
  const size_t p = ring_.size();
  ring_[static_cast<size_t>(i) % p] = x;
  sum_ += x;
  if (i + 1 < period_) return false;
  *out = sum_ / static_cast<double>(period_);
  sum_ -= ring_[static_cast<size_t>(i + 1 - period_) % p];
  return true;
}

void stoch_fast_batch(const double* high, const double* low, const double* close, size_t n,
                      int fastk_period, int fastd_period, MaType fastd_type, double* k,
                      double* d) {
  const size_t lbk = static_cast<size_t>(fastk_period - 1);
  const size_t lookback = lbk + static_cast<size_t>(ma_lookback(fastd_type, fastd_period));
  if (n > lbk) {
    stoch_k_batch(high, low, close, n, fastk_period, k + lbk);
    talib_ma_batch(fastd_type, fastd_period, k + lbk, n - lbk, d + lbk);
  }
  for (size_t i = 0; i < n && i < lbk; ++i) d[i] = kNaN;
  for (size_t i = 0; i < n && i < lookback; ++i) k[i] = kNaN;
}

struct StochFastStream::Impl {
  Impl(int fk, int fd, MaType t) : k(fk), d(t, fd) {}
  StochKStream k;
  TalibMaStream d;
};

StochFastStream::StochFastStream(int fastk_period, int fastd_period, MaType fastd_type)
    : impl_(new Impl(fastk_period, fastd_period, fastd_type)) {}
StochFastStream::~StochFastStream() { delete impl_; }
StochFastStream::StochFastStream(const StochFastStream& o) : impl_(new Impl(*o.impl_)) {}
StochFastStream& StochFastStream::operator=(const StochFastStream& o) {
  if (this != &o) *impl_ = *o.impl_;
  return *this;
}

bool StochFastStream::step(double high, double low, double close, double* k, double* d) {
  double kv;
  if (!impl_->k.step(high, low, close, &kv)) return false;
  double dv;
  if (!impl_->d.step(kv, &dv)) return false;
  *k = kv;
  *d = dv;
  return true;
}

}  // namespace nocode::indicators::momentum
