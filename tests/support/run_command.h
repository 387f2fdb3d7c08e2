// Runs the nocode binary (or any shell command) for CLI tests.
#pragma once

#include <string>

namespace nocode::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `nocode ARGS` (ARGS is shell-quoted by the caller).
CommandResult run_nocode(const std::string& args);
CommandResult run_shell(const std::string& command);

// A fresh empty directory under /tmp, removed by the caller if wanted.
std::string make_temp_dir();

}  // namespace nocode::testing
