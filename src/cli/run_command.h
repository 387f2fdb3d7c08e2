// `nocode run WF [--data FILE | --data-dir DIR] [--set NAME=VALUE]... [--out DIR]`:
// compiles a workflow document and runs it with the engine (docs/engine.md).
// With --out, writes DIR/features.csv, DIR/signals.csv and DIR/summary.json
// atomically (a temporary sibling directory renamed into place, so a failed
// run leaves no partial output); without it, prints summary.json to stdout.
// Progress goes to stderr when stderr is a terminal. The command runs on the
// process-wide node cache; it is meant to run once per process (not
// re-entrant with another command writing the same --out directory).
#pragma once

#include <CLI/CLI.hpp>

namespace nocode::cli {

// Adds the subcommand to `app`. When it runs, it stores its exit code in
// *exit_code (0 ok, 1 bad input: the workflow, its data or a failing node).
void add_run_command(CLI::App& app, int* exit_code);

}  // namespace nocode::cli
