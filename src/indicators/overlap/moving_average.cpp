// The moving-average dispatcher (TA_MA semantics): period 1 copies the input
// for every type (lookback 0); otherwise the per-type kernel of
// ma_kernels.h, or MAMA (cycle/mama.h) with limits 0.5/0.05 for type 7.
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
    case MaType::kSma: return ma::sma_batch(in, n, period, out);
    case MaType::kEma: return ma::ema_batch(in, n, period, out);
    case MaType::kWma: return ma::wma_batch(in, n, period, out);
    case MaType::kDema: return ma::dema_batch(in, n, period, out);
    case MaType::kTema: return ma::tema_batch(in, n, period, out);
    case MaType::kTrima: return ma::trima_batch(in, n, period, out);
    case MaType::kKama: return ma::kama_batch(in, n, period, out);
    case MaType::kMama: {
      std::vector<double> fama(n);
      return mama_batch(in, n, kMamaFast, kMamaSlow, out, fama.data());
    }
    case MaType::kT3: return ma::t3_batch(in, n, period, kT3VFactor, out);
  }
  for (size_t i = 0; i < n; ++i) out[i] = std::numeric_limits<double>::quiet_NaN();
}

struct MaStream::Impl {
  using Core = std::variant<CopyCore, ma::SmaCore, ma::EmaCore, ma::WmaCore, ma::DemaCore,
                            ma::TemaCore, ma::TrimaCore, ma::KamaCore, MamaCore, ma::T3Core>;
  Impl(MaType t, int p) : type(t), period(p), core(make(t, p)) {}
  static Core make(MaType t, int p) {
    if (p <= 1) return CopyCore{};
    switch (t) {
      case MaType::kSma: return ma::SmaCore(p);
      case MaType::kEma: return ma::EmaCore(p);
      case MaType::kWma: return ma::WmaCore(p);
      case MaType::kDema: return ma::DemaCore(p);
      case MaType::kTema: return ma::TemaCore(p);
      case MaType::kTrima: return ma::TrimaCore(p);
      case MaType::kKama: return ma::KamaCore(p);
      case MaType::kMama: return Core(std::in_place_type<MamaCore>);
      case MaType::kT3: return ma::T3Core(p, kT3VFactor);
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
