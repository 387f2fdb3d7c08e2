// `nocode backtest WF [--data FILE | --data-dir DIR] [--set NAME=VALUE]...
//  [--cash X] [--commission X] [--exclusive-orders] [--finalize-trades]
//  [--format table|json] [--trades FILE] [--equity FILE] [--report FILE.html]
//  [--chart FILE.svg]`: compiles a workflow, runs it and backtests its
// decisions with backtesting.py's rules (engine/workflow_backtest.h,
// docs/backtest.md "Backtesting a workflow"). Prints the statistics (table:
// backtesting.py's names and order; json: one object keyed by those names).
// Every output file is written atomically. Runs on the process-wide node
// cache; meant to run once per process.
#pragma once

#include <CLI/CLI.hpp>

namespace nocode::cli {

// Adds the subcommand; stores its exit code in *exit_code when it runs
// (0 ok, 1 bad input: workflow, data, broker settings, output files).
void add_backtest_command(CLI::App& app, int* exit_code);

}  // namespace nocode::cli
