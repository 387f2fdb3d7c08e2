// `nocode optimize WF [--data FILE | --data-dir DIR] [--set P=V]...
//   (--grid P=SPEC... | --random N [--grid P=SPEC]... [--range P=LO:HI]...)
//   [--constraint EXPR]... [--maximize STAT | --minimize STAT] [--threads N]
//   [--seed S] [--cash X] [--commission X] [--csv FILE] [--report FILE.html]
//   [--walk-forward (--train-bars N --test-bars M | --folds F) [--anchored]]
//   [--format table|json]`:
// grid / random search over workflow parameters, each set backtested through
// engine::backtest_plan on the process-wide node cache, in parallel
// (docs/optimize.md). Outputs are written atomically. Meant to run once per
// process.
#pragma once

#include <CLI/CLI.hpp>

namespace nocode::cli {

// Adds the subcommand; stores its exit code in *exit_code (0 ok, 1 bad input).
void add_optimize_command(CLI::App& app, int* exit_code);

}  // namespace nocode::cli
