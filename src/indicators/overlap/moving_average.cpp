// The moving-average dispatcher (TA_MA semantics): period 1 copies the input
// for every type (lookback 0); otherwise the per-type kernel of ma_kernels.h
// in its TA-Lib-exact mode, or MAMA (cycle/mama.h) with limits 0.5/0.05 for
// type 7.
#include "indicators/overlap/moving_average.h"

#include <limits>
#include <variant>
#include <vector>

#include "indicators/cycle/mama.h"
#include "indicators/overlap/ma_kernels.h"

namespace nocode::indicators {

namespace {

constexpr double kMamaFast = 0.5, kMamaSlow = 0.05;
constexpr double kT3VFactor = 0.7;
// TA-Lib's exact operation order: callers subtract MAs (APO, PPO, MACDEXT) or
// compare them, where last-bit drift would show (see ma_kernels.h).
constexpr ma::Mode kMode = ma::Mode::kExact;

struct CopyCore {
  bool step(double x, double* out) {
    *out = x;
    return true;
  }
};

struct MamaCore {
  MamaCore() : s(kMamaFast, kMamaSlow) {}
  bool step(double x, double* out) {
    double fama;
    return s.step(x, out, &fama);
  }
  MamaStream s;
};

}  // namespace

int ma_lookback(MaType type, int period) {
  if (period <= 1) return 0;
  switch (type) {
    case MaType::kSma:
    case MaType::kEma:
    case MaType::kWma:
    case MaType::kTrima: return period - 1;
    case MaType::kDema: return 2 * (period - 1);
    case MaType::kTema: return 3 * (period - 1);
    case MaType::kKama: return period;
    case MaType::kMama: return mama_lookback();
    case MaType::kT3: return 6 * (period - 1);
  }
  return 0;
}

void ma_batch(MaType type, int period, const double* in, size_t n, double* out) {
  if (period <= 1) {
    for (size_t i = 0; i < n; ++i) out[i] = in[i];
    return;
  }
  switch (type) {
    case MaType::kSma: return ma::sma_batch_t<kMode>(in, n, period, out);
    case MaType::kEma: return ma::ema_batch_t<kMode>(in, n, period, out);
    case MaType::kWma: return ma::wma_batch_t<kMode>(in, n, period, out);
    case MaType::kDema: return ma::dema_batch_t<kMode>(in, n, period, out);
    case MaType::kTema: return ma::tema_batch_t<kMode>(in, n, period, out);
    case MaType::kTrima: return ma::trima_batch_t<kMode>(in, n, period, out);
    case MaType::kKama: return ma::kama_batch_t<kMode>(in, n, period, out);
    case MaType::kMama: {
      std::vector<double> fama(n);
      return mama_batch(in, n, kMamaFast, kMamaSlow, out, fama.data());
    }
    case MaType::kT3: return ma::t3_batch_t<kMode>(in, n, period, kT3VFactor, out);
  }
  for (size_t i = 0; i < n; ++i) out[i] = std::numeric_limits<double>::quiet_NaN();
}

struct MaStream::Impl {
  using Core = std::variant<CopyCore, ma::SmaCoreT<kMode>, ma::EmaCoreT<kMode>,
                            ma::WmaCoreT<kMode>, ma::DemaCoreT<kMode>, ma::TemaCoreT<kMode>,
                            ma::TrimaCoreT<kMode>, ma::KamaCoreT<kMode>, MamaCore,
                            ma::T3CoreT<kMode>>;
  Impl(MaType t, int p) : type(t), period(p), core(make(t, p)) {}
  static Core make(MaType t, int p) {
    if (p <= 1) return CopyCore{};
    switch (t) {
      case MaType::kSma: return ma::SmaCoreT<kMode>(p);
      case MaType::kEma: return ma::EmaCoreT<kMode>(p);
      case MaType::kWma: return ma::WmaCoreT<kMode>(p);
      case MaType::kDema: return ma::DemaCoreT<kMode>(p);
      case MaType::kTema: return ma::TemaCoreT<kMode>(p);
      case MaType::kTrima: return ma::TrimaCoreT<kMode>(p);
      case MaType::kKama: return ma::KamaCoreT<kMode>(p);
      case MaType::kMama: return Core(std::in_place_type<MamaCore>);
      case MaType::kT3: return ma::T3CoreT<kMode>(p, kT3VFactor);
    }
    return CopyCore{};
  }
  MaType type;
  int period;
  Core core;
};

MaStream::MaStream(MaType type, int period) : impl_(std::make_unique<Impl>(type, period)) {}
MaStream::~MaStream() = default;
MaStream::MaStream(MaStream&&) noexcept = default;
MaStream& MaStream::operator=(MaStream&&) noexcept = default;
MaStream::MaStream(const MaStream& other)
    : impl_(other.impl_ ? std::make_unique<Impl>(*other.impl_) : nullptr) {}
MaStream& MaStream::operator=(const MaStream& other) {
  if (this != &other) impl_ = other.impl_ ? std::make_unique<Impl>(*other.impl_) : nullptr;
  return *this;
}

bool MaStream::step(double x, double* out) {
  return std::visit([&](auto& c) { return c.step(x, out); }, impl_->core);
}

void MaStream::reset() { impl_->core = Impl::make(impl_->type, impl_->period); }

}  // namespace nocode::indicators
