// `nocode train WF [--data FILE | --data-dir DIR] [--set NAME=VALUE]... --out DIR
// [--model NODE_ID]`: runs the workflow (docs/ml-pipeline.md), takes the
// fitted model of its model node (--model when there are several) and writes
// the artifact directory DIR atomically: metadata.json and the native model
// files (ml/artifact.h), plus workflow.json (the document as given) and
// pipeline.json (what `nocode predict` needs to rebuild the features: feature
// columns and their nodes, NaN policy and fill values, label encoding, the
// --set overrides). Prints {artifact, model, algorithm, task, metrics} as
// JSON. Exit codes: 0 ok, 1 bad input or a failing node.
//
// Thread-safety: meant to run once per process.
#pragma once

#include <CLI/CLI.hpp>

namespace nocode::cli {

inline constexpr const char* kArtifactWorkflowFile = "workflow.json";
inline constexpr const char* kArtifactPipelineFile = "pipeline.json";

void add_train_command(CLI::App& app, int* exit_code);

}  // namespace nocode::cli
