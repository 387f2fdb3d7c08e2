// Internal to src/workflow: "did you mean" text for unknown names. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/strings.h"

namespace nocode::workflow {

// "did you mean 'rsi'?" for the nearest candidates, or "" if none is close.
inline std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  std::vector<std::string> near = nearest_names(name, candidates, 2);
  if (near.empty()) return "";
  return "did you mean " + quoted_list(near) + "?";
}

}  // namespace nocode::workflow
