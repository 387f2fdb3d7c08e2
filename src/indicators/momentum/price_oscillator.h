// APO / PPO (TA-Lib's INT_PO): fast MA − slow MA, optionally as a percentage
// of the slow MA. TA-Lib swaps the periods when slow < fast and runs both MAs
// from bar 0. The default SMA case runs both running sums fused in one pass
// (TA-Lib's SMA expressions: sum += x; v = sum/p; sum -= oldest); other types
// use overlap/moving_average.h.
#pragma once

#include <cstddef>
#include <vector>

#include "indicators/overlap/moving_average.h"

namespace nocode::indicators::momentum {

struct PoConfig {
  int fast, slow;  // fast <= slow
  MaType type;
  bool percent;  // PPO
  int lookback() const { return ma_lookback(type, slow); }
};
PoConfig po_config(int fast, int slow, int ma_type, bool percent);

void po_batch(const PoConfig& c, const double* x, size_t n, double* y);

class PoStream {
 public:
  explicit PoStream(const PoConfig& c);
  bool step(double x, double* out);

 private:
  PoConfig cfg_;
  // SMA path
  std::vector<double> ring_;  // last `slow` inputs
  long count_ = 0;
  double sum_fast_ = 0, sum_slow_ = 0;
  // other types
  MaStream fast_, slow_;
  double last_fast_ = 0;
};

}  // namespace nocode::indicators::momentum
