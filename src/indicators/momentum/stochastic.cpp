#include "indicators/momentum/stochastic.h"

#include "indicators/indicator.h"
#include "indicators/momentum/momentum_core.h"

namespace nocode::indicators::momentum {

void stoch_fast_batch(const double* high, const double* low, const double* close, size_t n,
                      int fastk_period, int fastd_period, MaType fastd_type, double* k,
                      double* d) {
  const size_t lbk = static_cast<size_t>(fastk_period - 1);
  const size_t lookback = lbk + static_cast<size_t>(ma_lookback(fastd_type, fastd_period));
  if (n > lbk) {
    stoch_k_batch(high, low, close, n, fastk_period, k + lbk);
    ma_batch(fastd_type, fastd_period, k + lbk, n - lbk, d + lbk);
  }
  for (size_t i = 0; i < n && i < lbk; ++i) d[i] = kNaN;
  for (size_t i = 0; i < n && i < lookback; ++i) k[i] = kNaN;
}

struct StochFastStream::Impl {
  Impl(int fk, int fd, MaType t) : k(fk), d(t, fd) {}
  StochKStream k;
  MaStream d;
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
