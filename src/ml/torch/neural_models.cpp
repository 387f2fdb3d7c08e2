// Registry entries of mlp, lstm and transformer: names, docs, declared
// parameters, tasks and the factory into the LibTorch model.
#include "ml/torch/neural_models.h"

#include "ml/torch/neural_options.h"
#include "ml/torch/torch_module.h"

namespace nocode::ml {
namespace {

using torchnn::Architecture;

template <Architecture kArch>
std::unique_ptr<Model> create(const ModelAlgorithm& /*algorithm*/,
                              const nlohmann::json& hyperparameters, Task task, size_t classes) {
  return torchnn::make_neural_model(kArch, torchnn::parse_neural_options(kArch, hyperparameters),
                                    task, classes);
}

template <Architecture kArch>
ModelAlgorithm algorithm(std::string title, std::string description, bool sequence) {
  ModelAlgorithm a;
  a.name = torchnn::architecture_name(kArch);
  a.title = std::move(title);
  a.description = std::move(description);
  a.params = torchnn::neural_params(kArch);
  a.tasks = {Task::kRegression, Task::kBinary, Task::kMulticlass};
  a.sequence = sequence;
  a.create = &create<kArch>;
  return a;
}

}  // namespace

ModelAlgorithm mlp_algorithm() {
  return algorithm<Architecture::kMlp>(
      "Multilayer perceptron (LibTorch)",
      "Feed-forward network (ReLU, dropout) on the standardised features of the current row "
      "(or of the last `window` rows, flattened). Trained with AdamW; saved as TorchScript.",
      false);
}

ModelAlgorithm lstm_algorithm() {
  return algorithm<Architecture::kLstm>(
      "LSTM (LibTorch)",
      "Stacked LSTM over the last `window` rows (consecutive bars); the last hidden state feeds "
      "a linear head. Trained with AdamW; saved as TorchScript.",
      true);
}

ModelAlgorithm transformer_algorithm() {
  return algorithm<Architecture::kTransformer>(
      "Transformer encoder (LibTorch)",
      "Transformer encoder (multi-head self-attention, learned positions) over the last "
      "`window` rows; the last position feeds a linear head. Trained with AdamW; saved as "
      "TorchScript.",
      true);
}

}  // namespace nocode::ml
