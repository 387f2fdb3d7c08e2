// Hyperparameters of the LibTorch neural models (mlp, lstm, transformer),
// declared once: the ModelParam list (validation, catalogue, docs) and the
// typed options the trainer reads are both derived from one table.
//
// No LibTorch here: this header is cheap to include.
// Thread-safety: plain values; the functions are pure.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/status.h"
#include "ml/model.h"

namespace nocode::ml::torchnn {

enum class Architecture { kMlp, kLstm, kTransformer };
const char* architecture_name(Architecture arch);  // "mlp", "lstm", "transformer"

struct NeuralOptions {
  Architecture arch = Architecture::kMlp;
  int64_t window = 1;           // rows a sample sees: the current one and window-1 before it
  int64_t hidden_size = 64;     // mlp/lstm: units a layer; transformer: feed-forward width
  int64_t layers = 2;           // hidden layers (mlp), stacked LSTM layers, encoder layers
  int64_t d_model = 32;         // transformer: embedding width
  int64_t heads = 4;            // transformer: attention heads (d_model % heads == 0)
  int64_t epochs = 50;          // passes over the training windows
  int64_t batch_size = 64;      // windows per optimizer step
  double learning_rate = 1e-3;  // AdamW step size
  double weight_decay = 0.0;    // AdamW decoupled weight decay
  double dropout = 0.1;         // dropout probability while training
  int64_t early_stopping_patience = 10;  // epochs without validation improvement; 0 = off
  int64_t threads = 1;                   // LibTorch intra-op threads (1 = reproducible)

  // Cross-parameter checks the per-parameter ranges cannot express.
  Status validate() const;
};

// The declared hyperparameters of one architecture (defaults, ranges, docs).
std::vector<ModelParam> neural_params(Architecture arch);

// Reads `hyperparameters` (an object; missing keys take the declared
// default, unknown keys and out-of-range values are errors naming the
// parameter) and validates the result.
Result<NeuralOptions> parse_neural_options(Architecture arch,
                                           const nlohmann::json& hyperparameters);

}  // namespace nocode::ml::torchnn
