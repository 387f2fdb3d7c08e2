// TA-Lib's moving averages by type (MAType 0..8), used by every indicator
// that takes a moving-average type (MA, BBANDS, STOCH, STOCHF, STOCHRSI, APO,
// PPO, MACDEXT, ...). Batch and streaming forms give bit-identical numbers.
//
// Semantics are TA-Lib's TA_MA: period 1 copies the input (any type); MAMA
// ignores the period and uses fast/slow limits 0.5/0.05.
#pragma once

#include <cstddef>
#include <memory>

namespace nocode::indicators {

enum class MaType { kSma = 0, kEma, kWma, kDema, kTema, kTrima, kKama, kMama, kT3 };

// Index of the first output of MA(type, period) over a series with no NaN.
int ma_lookback(MaType type, int period);

// out[0 .. lookback) = NaN, out[lookback .. n) = MA values, exactly as TA-Lib's
// TA_MA(startIdx 0) over in[0 .. n). Callers chaining MAs pass the offset
// sub-array that starts at the first valid value (e.g. in + k, n - k).
void ma_batch(MaType type, int period, const double* in, size_t n, double* out);

// One value at a time; same numbers as ma_batch.
class MaStream {
 public:
  MaStream(MaType type, int period);
  ~MaStream();
  MaStream(MaStream&&) noexcept;
  MaStream& operator=(MaStream&&) noexcept;
  MaStream(const MaStream&);
  MaStream& operator=(const MaStream&);

  // Feeds one value; returns true and sets *out once the MA has a value.
  bool step(double x, double* out);
  void reset();

  struct Impl;  // defined in moving_average.cpp

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace nocode::indicators
