// Model artifacts: a directory holding `metadata.json` and the model's native
// files (e.g. XGBoost's `model.json`), written atomically, loaded back into a
// model through the registry, with a check that new data has the features
// the model was trained on, in the same order. Layout: docs/models.md.
//
// Thread-safety: the functions are reentrant; writing the same directory
// from two threads at once is the caller's race (the last rename wins, but
// each writer's directory is complete).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ml/model.h"

namespace nocode::ml {

inline constexpr int kArtifactFormatVersion = 1;

struct ArtifactMetadata {
  int format_version = kArtifactFormatVersion;
  std::string algorithm;  // registry name, e.g. "xgboost"
  Task task = Task::kBinary;
  size_t classes = 2;                                         // 1 for regression
  nlohmann::json hyperparameters = nlohmann::json::object();  // resolved (defaults filled)
  std::vector<std::string> feature_names;                     // in the order the model expects
  nlohmann::json label = nlohmann::json::object();            // label definition, from the caller
  std::string training_data_hash;  // training_data_hash() of the fit data
  std::string workflow_hash;       // from the caller (e.g. content_hash of the JSON)
  nlohmann::json metrics = nlohmann::json::object();           // from the caller
  nlohmann::json library_versions = nlohmann::json::object();  // model's + caller's
  std::string created_at;                 // "2026-11-26T11:30:00Z"; filled when empty
  std::vector<std::string> native_files;  // filled by write_artifact from Model::save
};

nlohmann::json metadata_to_json(const ArtifactMetadata& metadata);
// `where` names the source in errors (e.g. the file path).
Result<ArtifactMetadata> metadata_from_json(const nlohmann::json& j, const std::string& where);

// Writes `dir` (created, or replaced when it is an earlier artifact) as a
// whole: model.save() and metadata.json go into a temporary sibling
// directory that is then renamed to `dir`. An existing `dir` that is not an
// artifact (non-empty, no metadata.json) is refused. Fills created_at (when
// empty), native_files and the model's library versions.
Status write_artifact(const std::string& dir, const Model& model, ArtifactMetadata metadata);

Result<ArtifactMetadata> read_metadata(const std::string& dir);

struct LoadedArtifact {
  ArtifactMetadata metadata;
  std::unique_ptr<Model> model;
};
// Reads metadata.json, creates the algorithm from `registry` with the stored
// hyperparameters, task and classes, and loads the native files.
Result<LoadedArtifact> load_artifact(const std::string& dir, const ModelRegistry& registry);

// Ok when `names` equals the metadata's feature names in order; otherwise an
// invalid_argument listing the missing, the extra and the reordered names.
Status check_features(const ArtifactMetadata& metadata, const std::vector<std::string>& names);

// Content hashes, "fnv1a64:<16 hex digits>": 64-bit FNV-1a over bytes.
std::string content_hash(std::string_view bytes);
// FNV-1a 64 over, in order: rows and columns (uint64 little-endian), each
// feature name's bytes followed by a 0 byte, every value's IEEE-754 binary64
// bits (uint64 little-endian, row-major; every NaN as 0x7ff8000000000000),
// then the label count and label values the same way. Equal matrices and
// labels give equal hashes on every platform.
std::string training_data_hash(const FeatureMatrix& features, const std::vector<double>& label);

}  // namespace nocode::ml
