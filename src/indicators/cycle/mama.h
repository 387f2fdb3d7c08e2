// MAMA (MESA Adaptive Moving Average, Ehlers) and its FAMA, as TA-Lib's
// TA_MAMA computes them. Shared by the MAMA indicator and moving-average
// type 7 (moving_average.h). Batch and stream give bit-identical numbers.
#pragma once

#include <cstddef>
#include <memory>

namespace nocode::indicators {

// Lookback of MAMA (32, TA-Lib's with unstable period 0).
int mama_lookback();

// mama/fama rows before the lookback are NaN.
void mama_batch(const double* in, size_t n, double fast_limit, double slow_limit, double* mama,
                double* fama);

class MamaStream {
 public:
  MamaStream(double fast_limit, double slow_limit);
  ~MamaStream();
  MamaStream(const MamaStream&);
  MamaStream& operator=(const MamaStream&);
  MamaStream(MamaStream&&) noexcept;
  MamaStream& operator=(MamaStream&&) noexcept;

  // Feeds one value; true once mama/fama hold values.
  bool step(double x, double* mama, double* fama);
  void reset();

  struct Impl;  // defined in mama.cpp

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace nocode::indicators
