#include "support/run_command.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace nocode::testing {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

std::string make_temp_dir() {
  char tmpl[] = "/tmp/nocode_test_XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

CommandResult run_shell(const std::string& command) {
  const std::string dir = make_temp_dir();
  const std::string out = dir + "/out", err = dir + "/err";
  const std::string full = "(" + command + ") >'" + out + "' 2>'" + err + "' </dev/null";
  const int status = std::system(full.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  std::system(("rm -rf '" + dir + "'").c_str());
  return r;
}

CommandResult run_nocode(const std::string& args) {
  return run_shell(std::string("'") + NOCODE_BINARY + "' " + args);
}

}  // namespace nocode::testing
