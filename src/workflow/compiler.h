// The workflow compiler: a parsed Document to a validated, planned graph
// (plan.h) through named passes, each checking its invariants:
//
//   normalize  workflow parameters ("$name", --set, tune ranges) substituted
//              into node parameters (dialects were unified by parse_document)
//   resolve    node types, parameters (catalogue defaults, kinds, ranges,
//              choices), indicator / condition / transform / label specs;
//              afterwards every edge has both handles
//   typecheck  every edge's data types (ohlcv, numeric, signal, risk, label,
//              model, split) and indicator output handles
//   cycles     the graph is a DAG; each cycle reported as "a → b → c → a"
//   rules      the editor's validation rules (EDITOR_FORMAT.md 3): data
//              source, sinks, logic inputs, unavailable conditions, required
//              inputs, code injection in strings
//   leakage    no label (future data) reaches a feature, condition, signal or
//              indicator except through a model's label-input
//   plan       topological order, input bindings, output columns
//   optimize   dead nodes (reaching no action/output/model/backtest) dropped,
//              identical computations shared; content hashes
//
// Every error is collected (never stops at the first); passes after a failed
// structural pass are skipped only where their input would be meaningless.
// Pure function of its inputs; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "workflow/document.h"
#include "workflow/plan.h"

namespace nocode::workflow {

struct CompileOptions {
  std::vector<std::string> overrides;  // "NAME=VALUE" (--set) for workflow parameters
  bool optimize = true;                // drop dead nodes and share common subexpressions
};

// Compiles a parsed document. The plan's steps are empty when errors were found
// before planning; its diagnostics hold everything every pass reported.
Plan compile(const Document& doc, const CompileOptions& options = {});

// Parses then compiles; parse diagnostics come first in the plan's.
Plan compile_json(std::string_view json_text, const CompileOptions& options = {});
Plan compile_file(const std::string& path, const CompileOptions& options = {});

}  // namespace nocode::workflow
