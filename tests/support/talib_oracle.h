// Runs TA-Lib (npm `talib`, tests/oracle/talib_oracle.js) on a series, so
// tests compare against the independent reference in the same run.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "support/test_data.h"

namespace nocode::testing {

struct OracleCase {
  std::string function;                // TA-Lib name, e.g. "RSI"
  std::map<std::string, double> opt_in;  // e.g. {"optInTimePeriod": 14}
};

struct OracleResult {
  std::string error;  // empty on success
  int beg_index = 0;
  // One array per output, padded to the series length; NaN where TA-Lib has no value.
  std::vector<std::vector<double>> outputs;
};

// All cases against one series in a single node process. inReal = close,
// inReal0 = close, inReal1 = open. Throws std::runtime_error if node or the
// talib package cannot be run (a test then fails: the oracle is required).
std::vector<OracleResult> run_talib(const Ohlcv& series, const std::vector<OracleCase>& cases);

}  // namespace nocode::testing
