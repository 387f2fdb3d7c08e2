// One table of neural-model hyperparameters; ModelParam declarations and
// NeuralOptions parsing both read it.
#include "ml/torch/neural_options.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "common/strings.h"

namespace nocode::ml::torchnn {
namespace {

// Default per architecture; nullopt = the parameter does not apply.
struct PerArch {
  std::optional<double> mlp, lstm, transformer;
  std::optional<double> of(Architecture arch) const {
    switch (arch) {
      case Architecture::kMlp:
        return mlp;
      case Architecture::kLstm:
        return lstm;
      case Architecture::kTransformer:
        return transformer;
    }
    return std::nullopt;
  }
};

struct ParamRow {
  const char* name;
  int64_t NeuralOptions::*integer;  // exactly one of integer / number is set
  double NeuralOptions::*number;
  PerArch defaults;
  double min, max;
  const char* description;
  bool min_exclusive = false;  // the range is (min, max]
};

constexpr auto kNone = std::nullopt;

// clang-format off
const std::vector<ParamRow>& table() {
  static const std::vector<ParamRow> rows = {
      {"window", &NeuralOptions::window, nullptr, {1, 20, 20}, 1, 1000,
       "Rows one sample sees: the current row and the window-1 rows before it (in time order). "
       "The first window-1 rows of every matrix get a NaN score and are not trained on."},
      {"hidden_size", &NeuralOptions::hidden_size, nullptr, {64, 32, 64}, 1, 4096,
       "Units per hidden layer (mlp, lstm); width of the feed-forward block (transformer)."},
      {"layers", &NeuralOptions::layers, nullptr, {2, 1, 2}, 1, 16,
       "Hidden layers (mlp), stacked LSTM layers (lstm) or encoder layers (transformer)."},
      {"d_model", &NeuralOptions::d_model, nullptr, {kNone, kNone, 32}, 1, 1024,
       "Embedding width of the transformer; a multiple of heads."},
      {"heads", &NeuralOptions::heads, nullptr, {kNone, kNone, 4}, 1, 64,
       "Attention heads of each transformer encoder layer."},
      {"epochs", &NeuralOptions::epochs, nullptr, {50, 30, 30}, 1, 100000,
       "Maximum passes over the training windows."},
      {"batch_size", &NeuralOptions::batch_size, nullptr, {64, 64, 64}, 1, 1000000,
       "Windows per optimizer step (the last batch of an epoch may be smaller)."},
      {"learning_rate", nullptr, &NeuralOptions::learning_rate, {1e-3, 1e-3, 1e-3}, 0, 10,
       "AdamW step size.", true},
      {"weight_decay", nullptr, &NeuralOptions::weight_decay, {0, 0, 0}, 0, 10,
       "AdamW decoupled weight decay (0 = none)."},
      {"dropout", nullptr, &NeuralOptions::dropout, {0.1, 0.1, 0.1}, 0, 0.9,
       "Dropout probability while training (between layers; in attention for the transformer)."},
      {"early_stopping_patience", &NeuralOptions::early_stopping_patience, nullptr, {10, 10, 10},
       0, 100000,
       "Stop after this many epochs without a lower validation loss and keep the best epoch's "
       "weights (needs a validation set; 0 = train all epochs, still keeping the best)."},
      {"threads", &NeuralOptions::threads, nullptr, {1, 1, 1}, 1, 256,
       "LibTorch intra-op threads. Results are bitwise reproducible only for the same thread "
       "count on the same machine and build."},
  };
  return rows;
}
// clang-format on

Status read_row(const ParamRow& row, const nlohmann::json& value, NeuralOptions& out) {
  const std::string where = std::string("hyperparameter '") + row.name + "'";
  if (!value.is_number() || (row.integer && !value.is_number_integer() &&
                             value.get<double>() != std::floor(value.get<double>())))
    return Status::invalid_argument(where + ": expected " +
                                    (row.integer ? "an integer" : "a number") + ", got " +
                                    value.dump());
  const double v = value.get<double>();
  if (!((row.min_exclusive ? v > row.min : v >= row.min) && v <= row.max))
    return Status::invalid_argument(where + ": expected a value in " +
                                    (row.min_exclusive ? "(" : "[") + format_double(row.min) +
                                    ", " + format_double(row.max) + "], got " + value.dump());
  if (row.integer)
    out.*row.integer = static_cast<int64_t>(v);
  else
    out.*row.number = v;
  return Status::ok();
}

}  // namespace

const char* architecture_name(Architecture arch) {
  switch (arch) {
    case Architecture::kMlp:
      return "mlp";
    case Architecture::kLstm:
      return "lstm";
    case Architecture::kTransformer:
      return "transformer";
  }
  return "?";
}

Status NeuralOptions::validate() const {
  if (arch == Architecture::kTransformer && d_model % heads != 0)
    return Status::invalid_argument("hyperparameter 'd_model' (" + std::to_string(d_model) +
                                    ") must be a multiple of 'heads' (" + std::to_string(heads) +
                                    ")");
  return Status::ok();
}

std::vector<ModelParam> neural_params(Architecture arch) {
  std::vector<ModelParam> params;
  for (const ParamRow& row : table()) {
    std::optional<double> def = row.defaults.of(arch);
    if (!def) continue;
    ModelParam p;
    p.name = row.name;
    p.kind = row.integer ? ModelParam::Kind::kInteger : ModelParam::Kind::kNumber;
    p.default_value =
        row.integer ? nlohmann::json(static_cast<int64_t>(*def)) : nlohmann::json(*def);
    p.min = row.min;
    p.max = row.max;
    p.min_exclusive = row.min_exclusive;
    p.description = row.description;
    params.push_back(std::move(p));
  }
  return params;
}

Result<NeuralOptions> parse_neural_options(Architecture arch,
                                           const nlohmann::json& hyperparameters) {
  const std::string algo = architecture_name(arch);
  if (!hyperparameters.is_null() && !hyperparameters.is_object())
    return Status::invalid_argument(algo + ": hyperparameters must be an object, got " +
                                    hyperparameters.dump());
  NeuralOptions out;
  out.arch = arch;
  std::vector<std::string> known;
  for (const ParamRow& row : table()) {
    std::optional<double> def = row.defaults.of(arch);
    if (!def) continue;
    known.push_back(row.name);
    nlohmann::json value =
        row.integer ? nlohmann::json(static_cast<int64_t>(*def)) : nlohmann::json(*def);
    if (hyperparameters.is_object() && hyperparameters.contains(row.name))
      value = hyperparameters.at(row.name);
    Status s = read_row(row, value, out);
    if (!s) return s.with_context(algo);
  }
  if (hyperparameters.is_object()) {
    for (const auto& [key, value] : hyperparameters.items()) {
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::string msg = algo + ": unknown hyperparameter '" + key + "'";
      auto near = nearest_names(key, known);
      msg += near.empty() ? "; known: " + quoted_list(known, " and ")
                          : "; did you mean " + quoted_list(near) + "?";
      return Status::invalid_argument(msg);
    }
  }
  Status s = out.validate();
  if (!s) return s.with_context(algo);
  return out;
}

}  // namespace nocode::ml::torchnn
