// Axis scales and tick labels for the SVG charts: "nice" value ticks
// (1, 2, 5 x 10^k) and calendar-aligned time ticks (whole minutes, hours,
// days, Mondays, months, years). Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nocode::report {

struct Tick {
  double value = 0;  // data value (or UTC ns as double for time axes)
  std::string label;
};

enum class ValueFormat {
  kNumber,   // 12,500.5 / 1.25M
  kPercent,  // fractions shown as percent: -0.125 -> "-12.5%"
};

// A value axis covering [lo, hi] extended to whole steps.
struct ValueScale {
  double lo = 0;
  double hi = 1;
  double step = 0.2;
  std::vector<Tick> ticks;
};

// About `target` ticks over [lo, hi]; a degenerate or non-finite range is
// widened so the axis is still drawable.
ValueScale nice_value_scale(double lo, double hi, int target, ValueFormat format);

// Ticks inside [t0, t1] (UTC ns), at most about `target`, with labels whose
// detail follows the step: "2021", "Mar 2021", "2021-03-15", "14:30".
std::vector<Tick> time_ticks(int64_t t0, int64_t t1, int target);

}  // namespace nocode::report
