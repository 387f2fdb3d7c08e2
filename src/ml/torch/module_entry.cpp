// The one exported symbol of libnocode_torch.so (everything else in the module
// is hidden): builds a LibTorch model for the core's registry (torch_module.h).
#include "ml/torch/torch_model.h"

extern "C" __attribute__((visibility("default"))) nocode::ml::Model* nocode_torch_make_model(
    nocode::ml::torchnn::Architecture arch,
    const nocode::Result<nocode::ml::torchnn::NeuralOptions>* options, nocode::ml::Task task,
    size_t classes) {
  return nocode::ml::torchnn::make_torch_model(arch, *options, task, classes).release();
}
