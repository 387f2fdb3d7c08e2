// Training data assembly: from aligned per-bar feature columns, a label
// column and a per-bar split assignment to the train / validation / test
// design matrices a Model fits and is evaluated on; the task (regression,
// binary, multiclass) inferred from the label; and the result of fitting one
// model on such a set (FittedModel, what the engine's model step hands on).
//
// Rules (docs/ml-pipeline.md): rows keep their time order; warm-up rows
// (before the first bar whose features are all present) and rows without a
// label (the label horizon at the end) are always dropped; other rows with a
// missing feature are dropped (NanPolicy::kDrop) or filled with the TRAIN
// part's median of that feature (NanPolicy::kImpute; the medians are kept so
// scoring new bars fills them the same way).
//
// Pure functions; a FittedModel is immutable once built and may be read from
// many threads (its Model's predict is const).
#pragma once

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ml/model.h"
#include "ml/split.h"

namespace nocode::ml {

enum class NanPolicy { kDrop, kImpute };
Result<NanPolicy> parse_nan_policy(std::string_view text);  // "drop" | "impute"

// What the label node computed, from its column name's suffix
// ("<node>.forward_return", ".direction", ".triple_barrier").
enum class LabelKind { kForwardReturn, kDirection, kTripleBarrier, kOther };
LabelKind label_kind_of_column(std::string_view column);

Result<Task> parse_task(std::string_view text);  // "regression" | "binary" | "multiclass"

// How label values map to what the model learns.
struct LabelEncoding {
  Task task = Task::kBinary;
  size_t classes = 2;               // classification: number of classes
  std::vector<double> class_values;  // multiclass: original label value of class k (sorted)
  // The model's target for a label value (binary: 1 when value > 0).
  double encode(double value) const;
  // A model score back in label units: multiclass class index -> label value;
  // binary P(1) and regression as is.
  double decode_score(double score) const;
};

// forward_return -> regression; otherwise the distinct label values decide:
// {0,1} (or any two values) -> binary; 3..20 integer values -> multiclass;
// else regression. `task` overrides (binary on other values: value > 0).
Result<LabelEncoding> infer_label_encoding(LabelKind kind, const std::vector<double>& label,
                                           std::optional<Task> task);

struct TrainingSetOptions {
  NanPolicy nan_policy = NanPolicy::kDrop;
  std::optional<Task> task;  // overrides the inferred task
};

// One part's rows.
struct RowSet {
  FeatureMatrix features;
  std::vector<double> label;  // encoded (see LabelEncoding::encode)
  std::vector<size_t> rows;   // bar index of every row
  size_t size() const { return rows.size(); }
};

struct TrainingSet {
  LabelEncoding encoding;
  RowSet train, validation, test;
  std::vector<double> fill;  // kImpute: per-feature train median; empty for kDrop
  size_t warmup_rows = 0;    // leading rows without every feature
  size_t unlabeled_rows = 0; // rows without a label (horizon at the end, mostly)
  size_t dropped_nan_rows = 0;  // other rows dropped for a missing feature (kDrop)
};

// `features[c]` and `label` and `parts` have one value per bar. Errors: no
// features, length mismatch, an empty train part after dropping.
Result<TrainingSet> assemble_training_set(const std::vector<std::string>& names,
                                          const std::vector<std::vector<double>>& features,
                                          const std::vector<double>& label,
                                          const std::vector<Part>& parts, LabelKind kind,
                                          const TrainingSetOptions& options);

// Rows to score: every bar whose features are complete after filling NaN
// with `fill` (when not empty), from the first complete bar on.
RowSet scoring_rows(const std::vector<std::string>& names,
                    const std::vector<std::vector<double>>& features,
                    const std::vector<double>& fill);

// Scores of `model` on `rows` (decoded: LabelEncoding::decode_score), placed
// at their bars in a vector of `bars` values (NaN elsewhere).
Result<std::vector<double>> score_bars(const Model& model, const RowSet& rows,
                                       const LabelEncoding& encoding, size_t bars);

// Metrics of scores on one part: classification or regression per the task.
Result<nlohmann::json> evaluate(const Model& model, const RowSet& rows, const LabelEncoding& encoding);

// The signal node's rule, score -> target position: long_only +1 when
// score > long_threshold, else 0; long_short also -1 when score <
// short_threshold; a NaN score is 0 (flat).
struct SignalRule {
  bool long_short = false;
  double long_threshold = 0.55, short_threshold = 0.45;
  double position(double score) const {
    if (!(score == score)) return 0.0;
    if (score > long_threshold) return 1.0;
    return long_short && score < short_threshold ? -1.0 : 0.0;
  }
};

// A model fitted by the engine's model step, with what `nocode train`
// writes next to it and `nocode predict` needs to score new bars.
struct FittedModel {
  std::shared_ptr<const Model> model;
  std::string node_id;
  std::string algorithm;
  nlohmann::json hyperparameters;  // resolved
  LabelEncoding encoding;
  std::vector<std::string> feature_names;  // column names, in model order
  std::vector<std::string> feature_nodes;  // node id producing each feature
  NanPolicy nan_policy = NanPolicy::kDrop;
  std::vector<double> fill;  // kImpute medians
  uint64_t seed = 42;
  std::string label_column;
  size_t train_rows = 0;
  std::string training_data_hash;  // ml/artifact.h training_data_hash() of the train part
  nlohmann::json metrics;  // {"train": ..., "validation": ..., "test": ..., "ic": ..., "folds": ...}
  // In-sample and out-of-sample scores on every bar of the run (decoded).
  std::vector<double> all_scores;
};

}  // namespace nocode::ml
