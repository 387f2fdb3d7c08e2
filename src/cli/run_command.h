// `nocode run WF [--data FILE | --data-dir DIR] [--set NAME=VALUE]... [--out DIR]`:
// compiles a workflow document and runs it with the engine (docs/engine.md).
// With --out, writes DIR/features.csv, DIR/signals.csv and DIR/summary.json
// atomically (a temporary sibling directory renamed into place, so a failed
// run leaves no partial output); without it, prints summary.json to stdout.
// summary.json lists the trained models ("models"); a workflow with a
// `backtest` node and something to trade (its signal inputs, or action
// nodes) is also backtested in the same engine run: its statistics go under "backtest", and --out adds DIR/trades.csv and
// DIR/equity.csv. Progress (steps and training rounds) goes to stderr when
// stderr is a terminal. The command runs on the
// process-wide node cache; it is meant to run once per process (not
// re-entrant with another command writing the same --out directory).
#pragma once

#include <CLI/CLI.hpp>

#include "engine/engine.h"

namespace nocode::cli {

// When stderr is a terminal: sets options.progress and options.training to
// print one updating line on stderr ("[3/9] rsi-14 (technicalIndicator)",
// "model-1: round 40/200 train 0.512 valid 0.601"), and returns true (the
// caller clears the line with "\r\033[K" when the run ends). Else false,
// options unchanged.
bool show_progress_on_tty(engine::RunOptions& options);

// Adds the subcommand to `app`. When it runs, it stores its exit code in
// *exit_code (0 ok, 1 bad input: the workflow, its data or a failing node).
void add_run_command(CLI::App& app, int* exit_code);

}  // namespace nocode::cli
