// Shared parameter declarations and the registration functions of each
// transform family (one per source file, called from the table in
// registry.cpp). Internal to src/transforms/.
#pragma once

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "transforms/transform.h"

namespace nocode::transforms {

// Bars of shift for lag / diff / returns; the editor's feature node calls it "lag".
inline ParamSpec lag_param(double min) {
  return {"lag", {"k", "periods", "shift"}, ParamType::kInteger, 1, min, 100000, {},
          "shift in bars"};
}

// Window length of rolling statistics; the editor's feature node calls it "period".
inline ParamSpec period_param(double def, double min) {
  return {"period", {"window", "n", "length"}, ParamType::kInteger, def, min, 100000, {},
          "window length in bars (the current bar included)"};
}

inline ParamSpec horizon_param() {
  return {"horizon", {"h", "lookahead", "bars"}, ParamType::kInteger, 5, 1, 100000, {},
          "bars ahead"};
}

inline InputSpec series_input(std::string name, std::string description) {
  return {std::move(name), InputType::kSeries, false, std::move(description)};
}

// Lookback/lookahead equal to integer parameter 0, or to it minus one.
inline int param0(const Params& p) { return p.integer(0); }
inline int param0_minus1(const Params& p) { return p.integer(0) - 1; }
inline int zero_rows(const Params&) { return 0; }

inline void fill_nan(double* out, size_t n) {
  for (size_t i = 0; i < n; ++i) out[i] = kNaN;
}

Status register_lag_transforms(Registry& r);         // lag.cpp
Status register_return_transforms(Registry& r);      // returns.cpp
Status register_rolling_transforms(Registry& r);     // rolling.cpp
Status register_rank_transform(Registry& r);         // rank.cpp
Status register_arithmetic_transforms(Registry& r);  // arithmetic.cpp
Status register_crossover_transform(Registry& r);    // crossover.cpp
Status register_calendar_transforms(Registry& r);    // calendar.cpp
Status register_return_labels(Registry& r);          // labels.cpp
Status register_triple_barrier_label(Registry& r);   // triple_barrier.cpp

}  // namespace nocode::transforms
