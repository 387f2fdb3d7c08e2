// `nocode predict DIR --data FILE [--out FILE.csv]`: scores new bars with an
// artifact written by `nocode train`. Re-runs only the saved workflow's steps
// the model's features depend on (never labels or splits: they read the
// future) on FILE, checks the feature names and order against metadata.json
// (an error lists what differs), fills missing values as in training
// (nanPolicy impute) and writes `date,score[,signal]` CSV: `signal` when the
// workflow has a signal node on the model's score, by that node's rule. A bar
// whose features are incomplete gets a NaN score (signal 0). Without --out the CSV
// goes to stdout; with it the file is written atomically. Exit codes: 0 ok,
// 1 bad input (missing artifact files, feature mismatch, data errors).
//
// Thread-safety: meant to run once per process.
#pragma once

#include <CLI/CLI.hpp>

namespace nocode::cli {

void add_predict_command(CLI::App& app, int* exit_code);

}  // namespace nocode::cli
