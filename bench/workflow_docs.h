// Generated inputs for the workflow benchmark: editor-dialect workflow
// documents (a large mixed graph for the compiler, a 30-indicator feature
// workflow for the engine) and synthetic OHLCV bars written as CSV files.
// Pure functions (the CSV writer touches only its own path); deterministic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace nocode::bench {

// Synthetic OHLCV: log close is an Ornstein-Uhlenbeck walk (sigma 1 %/bar,
// reverting to 100), as in the indicator benchmark; `seed` varies the path.
struct OhlcvArrays {
  std::vector<double> open, high, low, close, volume;
};
OhlcvArrays make_ou_bars(size_t n, uint64_t seed);

// date,open,high,low,close,volume with timestamps start_ns + i * step_ns
// ("YYYY-MM-DD" at midnight, else "YYYY-MM-DD HH:MM:SS"). False on I/O error.
bool write_bars_csv(const std::string& path, const OhlcvArrays& bars, int64_t start_ns, int64_t step_ns);

// dataSource -> `indicators` technicalIndicator nodes (varied kinds and
// parameters, cycling through a fixed table) -> one output node, so no node
// is dead. Node ids "ind-<k>".
nlohmann::json feature_workflow(size_t indicators);

// A 200-node editor graph: 1 dataSource, 99 indicators, 60 conditions (each
// on an indicator), 30 logic gates (pairs of conditions), 9 actions (on
// gates), 1 output node taking the indicators no condition reads.
nlohmann::json large_workflow();

}  // namespace nocode::bench
