// MAMA / FAMA: Ehlers' MESA Adaptive Moving Average as TA-Lib's TA_MAMA
// computes it. The Hilbert core (hilbert.h) yields the in-phase and
// quadrature components; the phase change between bars sets the EMA factor
// alpha = fast_limit / Δphase, clamped to [slow_limit, fast_limit]; FAMA
// follows MAMA with alpha/2.
#include "indicators/cycle/mama.h"

#include <cmath>
#include <type_traits>

#include "indicators/cycle/hilbert.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

constexpr int kLookback = 32;
constexpr int kFirstHilbertBar = 12;  // 3 seeding bars + 9 WMA bars

// The MAMA/FAMA part of one bar, after the Hilbert core has run.
struct MamaTail {
  double prev_phase = 0, mama = 0, fama = 0;

  inline void step(double x, double q1, double i1, double fast, double slow, double rad2deg) {
    double phase;
    if (i1 != 0.0)
      phase = std::atan(q1 / i1) * rad2deg;
    else
      phase = 0.0;
    double delta = prev_phase - phase;
    prev_phase = phase;
    if (delta < 1.0) delta = 1.0;
    double alpha;
    if (delta > 1.0) {
      alpha = fast / delta;
      if (alpha < slow) alpha = slow;
    } else {
      alpha = fast;
    }
    mama = (alpha * x) + ((1 - alpha) * mama);
    alpha *= 0.5;
    fama = (alpha * mama) + ((1 - alpha) * fama);
  }
};

}  // namespace

struct MamaStream::Impl {
  double fast, slow, rad2deg;
  hilbert::PriceWma wma;
  hilbert::Core core;
  MamaTail tail;
  double x1 = 0, x2 = 0, x3 = 0;  // inputs 1, 2 and 3 bars back
  long long t = 0;

  Impl(double f, double s) : fast(f), slow(s), rad2deg(hilbert::rad2deg_mama()) {}

  bool step(double x, double* mama, double* fama) {
    bool ready = false;
    if (t < 3) {
      wma.seed(static_cast<int>(t), x);
    } else {
      const double smoothed = wma.step(x, x3);
      if (t >= kFirstHilbertBar) {
        core.step((t % 2) == 0, smoothed, rad2deg);
        tail.step(x, core.q1, core.i1, fast, slow, rad2deg);
        if (t >= kLookback) {
          *mama = tail.mama;
          *fama = tail.fama;
          ready = true;
        }
      }
    }
    x3 = x2;
    x2 = x1;
    x1 = x;
    ++t;
    return ready;
  }
};

int mama_lookback() { return kLookback; }

void mama_batch(const double* in, size_t n, double fast_limit, double slow_limit, double* mama,
                double* fama) {
  const size_t warm = n < size_t(kLookback) ? n : size_t(kLookback);
  for (size_t i = 0; i < warm; ++i) mama[i] = fama[i] = kNaN;
  if (n <= size_t(kLookback)) return;
  const double rad2deg = hilbert::rad2deg_mama();
  hilbert::PriceWma wma;
  hilbert::Core core;
  MamaTail tail;
  for (int t = 0; t < 3; ++t) wma.seed(t, in[t]);
  for (size_t t = 3; t < size_t(kFirstHilbertBar); ++t) wma.step(in[t], in[t - 3]);
  auto bar = [&](size_t t, auto even) {
    const double x = in[t];
    const double smoothed = wma.step(x, in[t - 3]);
    core.step<decltype(even)::value>(smoothed, rad2deg);
    tail.step(x, core.q1, core.i1, fast_limit, slow_limit, rad2deg);
  };
  size_t t = kFirstHilbertBar;  // even
  for (; t < size_t(kLookback); t += 2) {
    bar(t, std::integral_constant<int, 1>{});
    bar(t + 1, std::integral_constant<int, 0>{});
  }
  // t == 32 (even)
  for (; t + 1 < n; t += 2) {
    bar(t, std::integral_constant<int, 1>{});
    mama[t] = tail.mama;
    fama[t] = tail.fama;
    bar(t + 1, std::integral_constant<int, 0>{});
    mama[t + 1] = tail.mama;
    fama[t + 1] = tail.fama;
  }
  if (t < n) {
    bar(t, std::integral_constant<int, 1>{});
    mama[t] = tail.mama;
    fama[t] = tail.fama;
  }
}

MamaStream::MamaStream(double fast_limit, double slow_limit)
    : impl_(std::make_unique<Impl>(fast_limit, slow_limit)) {}
MamaStream::~MamaStream() = default;
MamaStream::MamaStream(const MamaStream& o) : impl_(std::make_unique<Impl>(*o.impl_)) {}
MamaStream& MamaStream::operator=(const MamaStream& o) {
  if (this != &o) impl_ = std::make_unique<Impl>(*o.impl_);
  return *this;
}
MamaStream::MamaStream(MamaStream&&) noexcept = default;
MamaStream& MamaStream::operator=(MamaStream&&) noexcept = default;

bool MamaStream::step(double x, double* mama, double* fama) { return impl_->step(x, mama, fama); }

void MamaStream::reset() { *impl_ = Impl(impl_->fast, impl_->slow); }

namespace {

struct MamaState {
  static constexpr size_t kInputs = 1, kOutputs = 2;
  explicit MamaState(const Params& p) : s(p.real(0), p.real(1)) {}
  bool step(const double* bar, double* out) { return s.step(bar[0], &out[0], &out[1]); }
  MamaStream s;
};

int mama_spec_lookback(const Params&) { return kLookback; }

void mama_spec_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  mama_batch(in[0], n, p.real(0), p.real(1), out[0], out[1]);
}

}  // namespace

Status register_mama(Registry& r) {
  IndicatorSpec s;
  s.name = "mama";
  s.talib_name = "MAMA";
  s.group = "overlap";
  s.title = "MESA Adaptive Moving Average";
  s.inputs = {InputKind::kReal};
  s.params = {
      ParamSpec{"fast_limit",
                {"fastlimit"},
                "optInFastLimit",
                ParamType::kReal,
                0.5,
                0.01,
                0.99,
                "upper limit of the adaptive factor alpha"},
      ParamSpec{"slow_limit",
                {"slowlimit"},
                "optInSlowLimit",
                ParamType::kReal,
                0.05,
                0.01,
                0.99,
                "lower limit of the adaptive factor alpha"},
  };
  s.outputs = {"mama", "fama"};
  s.lookback = mama_spec_lookback;
  s.batch = mama_spec_batch;
  s.stream = make_state_stream<MamaState>;
  s.definition =
      "Prices are smoothed by a 4-bar WMA and passed through Ehlers' Hilbert transform; the "
      "phase φ = atan(Q1/I1) gives alpha = fast_limit/max(1, φ₋₁−φ), clamped to "
      "[slow_limit, fast_limit]. MAMA = alpha·price + (1−alpha)·MAMA₋₁ and FAMA = "
      "(alpha/2)·MAMA + (1−alpha/2)·FAMA₋₁, both started at 0 at bar 12 (TA-Lib's seeding); "
      "output from bar 32.";
  s.source =
      "John Ehlers, \"MESA Adaptive Moving Averages\", Stocks & Commodities (2001); "
      "TA-Lib TA_MAMA conventions.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
