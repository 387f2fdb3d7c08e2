// The three network architectures as data: TorchScript source for the
// module's methods plus the shape and initialisation of every parameter.
// The LibTorch side (torch_model.cpp) turns a spec into a torch::jit::Module,
// trains its parameters and saves it, so the saved TorchScript file is
// exactly the network that ran.
//
// Every network's `forward(self, x)` takes RAW features shaped
// (batch, window, features), standardises them with the module's buffers
// `feature_mean` / `feature_std`, and returns (batch, outputs): the
// regression value, the binary logit, or the multiclass logits.
// Module attributes it relies on: `training` (bool) and `dropout` (float).
//
// No LibTorch here. Thread-safety: pure functions over values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ml/torch/neural_options.h"

namespace nocode::ml::torchnn {

struct ParamSpec {
  enum class Init { kUniform, kZeros, kOnes };
  std::string name;  // attribute name in the module (self.<name>)
  std::vector<int64_t> shape;
  Init init = Init::kUniform;
  double bound = 0;  // kUniform: values drawn from U(-bound, bound)
};

struct NetworkSpec {
  std::string script;             // TorchScript method definitions (Module::define)
  std::vector<ParamSpec> params;  // in registration (and optimizer) order
};

// `features` inputs per row, `outputs` = 1 (regression, binary) or classes.
NetworkSpec network_spec(const NeuralOptions& options, int64_t features, int64_t outputs);

}  // namespace nocode::ml::torchnn
