// The LibTorch-backed ml::Model shared by mlp, lstm and transformer
// (implemented in torch_model.cpp, the only file here that includes
// LibTorch).
//
// Thread-safety: as ml::Model — one thread at a time per instance. LibTorch's
// random generator and thread-count setting are process-wide, so two neural
// models training at the same time in one process are not reproducible.
#pragma once

#include <memory>

#include "ml/model.h"
#include "ml/torch/neural_options.h"

namespace nocode::ml::torchnn {

// `options` may hold an error (bad hyperparameters): fit() and load() then
// return it, since a factory cannot fail.
std::unique_ptr<Model> make_torch_model(Architecture arch, Result<NeuralOptions> options, Task task,
                                        size_t classes);

}  // namespace nocode::ml::torchnn
