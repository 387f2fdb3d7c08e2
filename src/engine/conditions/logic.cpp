// Logic gates over condition signals (EDITOR_FORMAT.md 4.3).
#include <algorithm>
#include <string>

#include "common/strings.h"
#include "engine/conditions/condition.h"

namespace nocode::engine {

Result<Signal> evaluate_logic(std::string_view operation, const std::vector<const Signal*>& inputs,
                              size_t n) {
  static const std::vector<std::string> kOps = {"AND", "OR", "NOT", "XOR", "MAJORITY"};
  const std::string op = to_upper(trim(operation));
  if (std::find(kOps.begin(), kOps.end(), op) == kOps.end()) {
    std::string msg =
        "unknown logic operation '" + std::string(operation) + "'; expected " + quoted_list(kOps);
    auto near = nearest_names(op, kOps, 1);
    if (!near.empty()) msg += "; did you mean " + quoted_list(near) + "?";
    return Status::invalid_argument(msg);
  }
  for (size_t k = 0; k < inputs.size(); ++k) {
    if (!inputs[k] || inputs[k]->size() != n)
      return Status::invalid_argument("logic input-" + std::to_string(k) +
                                      ": expected a signal of " + std::to_string(n) + " bars");
  }
  Signal out(n, 0);
  if (inputs.empty()) return out;
  for (size_t t = 0; t < n; ++t) {
    size_t on = 0;
    for (const Signal* s : inputs) on += (*s)[t] != 0;
    if (op == "AND")
      out[t] = on == inputs.size();
    else if (op == "OR")
      out[t] = on > 0;
    else if (op == "NOT")
      out[t] = (*inputs[0])[t] == 0;
    else if (op == "XOR")
      out[t] = on % 2 == 1;
    else
      out[t] = 2 * on > inputs.size();
  }
  return out;
}

}  // namespace nocode::engine
