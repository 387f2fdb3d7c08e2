// The LibTorch neural algorithms as registry entries: `mlp` (feed-forward on
// the current row, or a flattened window), `lstm` and `transformer` (over a
// window of consecutive rows). Each is one line in builtin_models()'s table.
// See docs/models.md, "Neural models (LibTorch)".
//
// Thread-safety: the returned descriptions are plain values.
#pragma once

#include "ml/model.h"

namespace nocode::ml {

ModelAlgorithm mlp_algorithm();
ModelAlgorithm lstm_algorithm();
ModelAlgorithm transformer_algorithm();

}  // namespace nocode::ml
