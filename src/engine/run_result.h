// What one engine run produces: the per-bar columns on the base timeline
// (numeric features and 0/1 signals), what every action node decided on which
// bars, and counters saying which steps were computed and which came from the
// node cache. A RunResult is a plain value; it is not shared between threads
// by the engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "data/frame.h"

namespace nocode::engine {

// Bars on which one action node fires (level-triggered: every bar whose
// signal-input is true).
struct ActionFires {
  std::string node_id;
  std::string action;    // the node's `action` parameter, e.g. "buy"
  std::string decision;  // "BUY", "SELL" or the upper-cased action name (EDITOR_FORMAT.md 4.4)
  std::vector<int64_t> timestamps;  // UTC ns of every firing bar, increasing
  std::vector<size_t> bars;         // row of every firing bar in the action's timeline
};

// How one plan step was obtained.
struct StepRecord {
  std::string node_id;
  std::string type;         // canonical node type, e.g. "technicalIndicator"
  bool cached = false;      // taken from the node cache (no kernel ran)
  size_t kernels = 0;       // kernel executions of this step in this run
  std::string cache_key;    // 16 hex digits: the engine's cache key of the step
};

// A model trained by a run's model node (docs/ml-pipeline.md "Model report").
struct ModelReport {
  std::string node_id;
  std::string algorithm;  // e.g. "xgboost"
  std::string task;       // "regression", "binary" or "multiclass"
  std::vector<std::string> features;  // feature column names, in model order
  std::string label;                  // the label column
  nlohmann::json validation;  // metrics on the validation rows (ml/metrics.h), null if none
  nlohmann::json test;        // metrics on the test rows, null if none
  nlohmann::json ic;          // IC / Rank IC / ICIR of the out-of-sample scores, null if unknown
  std::vector<std::pair<std::string, double>> importance;  // top 10, largest first
  int64_t best_iteration = 0;  // round / epoch with the lowest validation loss; 0 = unknown
};

struct RunCounters {
  size_t steps = 0;              // steps in the plan
  size_t computed = 0;           // steps whose kernels ran
  size_t cache_hits = 0;         // steps served from the node cache (memory or disk)
  size_t disk_hits = 0;          // of those, read from the on-disk cache (--cache-dir)
  size_t kernel_executions = 0;  // indicator / condition / transform / load ... calls
};

struct RunResult {
  std::string workflow;  // the plan's name
  // Base timeline: the bars of the first data step (after bars/startDate/
  // endDate). Every column below has one value per base bar; columns of other
  // timelines are aligned as-of (the last value at or before each base bar).
  Frame features;  // every numeric column: OHLCV as "<node>.<field>", outputs by column name
  Frame signals;   // every signal column as 0/1 (risk gates included)
  std::vector<ActionFires> actions;
  std::vector<StepRecord> steps;  // plan order
  RunCounters counters;
  std::vector<std::string> notes;  // run-time remarks (e.g. a timeframe not checked)
  std::vector<ModelReport> models;  // one per model node, plan order
};

// summary.json: {workflow, rows, first_date, last_date, nodes_run, cache_hits,
// disk_cache_hits, kernel_executions, nodes:[{node, type, cached, kernels}], signals:{column:
// true-count}, actions:[{node, action, decision, fires, first_fire,
// last_fire}], models:[{node, algorithm, task, features, label, validation,
// test, ic, importance:[{feature, value}], best_iteration}], diagnostics:[...]}
// - `diagnostics` is filled by the caller.
nlohmann::json summary_json(const RunResult& result);

}  // namespace nocode::engine
