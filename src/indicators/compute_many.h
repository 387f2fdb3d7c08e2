// Many indicators over many series at once, in parallel on all cores.
//
// Work items are (series, indicator) pairs handed out to a pool of threads;
// each kernel is pure, so results are identical to computing them one by one
// in any order. The call blocks until everything is done.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "data/frame.h"
#include "indicators/registry.h"

namespace nocode::indicators {

struct IndicatorRequest {
  const IndicatorSpec* spec = nullptr;
  Params params;
  InputBinding binding;
  std::string label;  // column prefix for the results, e.g. "rsi_14"
};

// Parses "rsi", "rsi:period=14", "bbands:period=20,nbdevup=2.5,matype=ema".
Result<IndicatorRequest> parse_request(const std::string& text,
                                       const Registry& registry = builtin_registry());

struct ComputeOptions {
  int threads = 0;  // 0 = all hardware threads
};

// results[s][r] = outputs of request r on frames[s]. An error (a missing input
// column) names the series index and the request's label; on error no partial
// result is returned.
Result<std::vector<std::vector<std::vector<std::vector<double>>>>> compute_many(
    const std::vector<const Frame*>& frames, const std::vector<IndicatorRequest>& requests,
    const ComputeOptions& options = {});

}  // namespace nocode::indicators
