// `nocode validate WF`, `nocode compile WF` and `nocode nodes list|docs`: the
// workflow compiler (workflow/compiler.h) and node catalogue on the command
// line.
#pragma once

#include <CLI/CLI.hpp>

namespace nocode::cli {

// Adds the three subcommands to `app`. When one runs it stores its exit code
// in *exit_code: validate 0 valid / 1 invalid / 2 unreadable file; compile 0
// compiled / 1 errors / 2 unreadable file; nodes 0.
void add_workflow_commands(CLI::App& app, int* exit_code);

}  // namespace nocode::cli
