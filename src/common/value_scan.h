// One vectorized pass over a column of doubles: its smallest and largest
// values, their sum and whether a NaN occurs. For checks and error bounds on
// long columns, where a branchy or bool-accumulating loop stays scalar
// (about 8x slower). Pure function, thread-safe.
#pragma once

#include <cmath>
#include <span>

namespace nocode {

struct ValueScan {
  double min = HUGE_VAL;   // over the non-NaN values (HUGE_VAL when none)
  double max = -HUGE_VAL;  // over the non-NaN values (-HUGE_VAL when none)
  double sum = 0;          // in 8 interleaved partial sums; NaN when a value is
  bool has_nan = false;
};

ValueScan scan_values(std::span<const double> values);

}  // namespace nocode
