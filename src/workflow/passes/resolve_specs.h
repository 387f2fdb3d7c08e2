// Internal to the resolve pass: node kinds whose parameters name a spec in
// another registry (condition kinds, feature transforms, labels) or need
// cross-parameter checks (split). Each reports errors and returns false.
#pragma once

#include "transforms/transform.h"
#include "workflow/passes/pass.h"

namespace nocode::workflow::passes {

bool resolve_condition(State& s, NodeState& ns);
// `name_param`: the node parameter naming the transform ("transform", "labelType").
bool resolve_transform(State& s, NodeState& ns, const char* name_param,
                       transforms::Purpose purpose);
bool check_split(State& s, NodeState& ns);

// The names of every condition kind and synonym, for suggestions.
std::vector<std::string> condition_names();

}  // namespace nocode::workflow::passes
