// Declarations of parameters many indicators share, so each is spelled once.
#pragma once

#include <string>

#include "indicators/indicator.h"

namespace nocode::indicators {

// "period" (TA-Lib optInTimePeriod, Python timeperiod); TA-Lib's range is
// [min, 100000].
inline ParamSpec period_param(int default_value, int min = 2,
                              std::string description = "bars in the window") {
  return ParamSpec{"period", {"timeperiod", "time_period", "length", "window"},
                   "optInTimePeriod", ParamType::kInteger, double(default_value), double(min),
                   100000, std::move(description)};
}

// A moving-average type parameter (0 SMA .. 8 T3).
inline ParamSpec ma_type_param(std::string name, std::vector<std::string> aliases,
                               std::string talib, int default_value, std::string description) {
  return ParamSpec{std::move(name), std::move(aliases), std::move(talib), ParamType::kMaType,
                   double(default_value), 0, 8, std::move(description)};
}

}  // namespace nocode::indicators
