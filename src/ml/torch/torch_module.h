// LibTorch lives in a loadable module (libnocode_torch.so) so that the
// `nocode` command and every test start without loading LibTorch's ~280
// shared libraries (about 1 s); the module is opened the first time a neural
// model (mlp, lstm, transformer) is created.
//
// The module is looked for at $NOCODE_TORCH_MODULE, next to the running
// executable, one directory above it (tests/), then where the build put it.
//
// Thread-safety: the first call opens the module under a lock; later calls
// only read.
#pragma once

#include <memory>

#include "common/status.h"
#include "ml/model.h"
#include "ml/torch/neural_options.h"

namespace nocode::ml::torchnn {

// The module's entry point (extern "C", see module_entry.cpp).
using MakeModelFunction = Model* (*)(Architecture arch, const Result<NeuralOptions>* options,
                                     Task task, size_t classes);
inline constexpr const char* kMakeModelSymbol = "nocode_torch_make_model";

// The entry point, or an error saying which paths were tried and why they failed.
Result<MakeModelFunction> torch_module();

// The model from the module; when the module cannot be opened, a model whose
// fit(), predict() and load() return that error (a factory cannot fail).
std::unique_ptr<Model> make_neural_model(Architecture arch, Result<NeuralOptions> options,
                                         Task task, size_t classes);

}  // namespace nocode::ml::torchnn
