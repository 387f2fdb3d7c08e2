// `nocode indicators ...`: list, show, compute, compute-many, docs.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace nocode::cli {

// Adds the subcommand to `app`. When it runs, it stores its exit code in
// *exit_code (0 ok, 1 bad input).
void add_indicators_command(CLI::App& app, int* exit_code);

}  // namespace nocode::cli
