// The nocode command. A thin layer over the library: parse arguments, call,
// print. Exit codes: 0 ok, 1 bad input, 2 usage error.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/backtest_command.h"
#include "cli/indicators_command.h"
#include "cli/optimize_command.h"
#include "cli/predict_command.h"
#include "cli/run_command.h"
#include "cli/train_command.h"
#include "cli/workflow_commands.h"

int main(int argc, char** argv) {
  CLI::App app{"nocode: visually drawn trading strategies to trained, backtested models"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "nocode 0.1.0");
  int exit_code = 0;
  nocode::cli::add_indicators_command(app, &exit_code);
  nocode::cli::add_workflow_commands(app, &exit_code);
  nocode::cli::add_run_command(app, &exit_code);
  nocode::cli::add_backtest_command(app, &exit_code);
  nocode::cli::add_optimize_command(app, &exit_code);
  nocode::cli::add_train_command(app, &exit_code);
  nocode::cli::add_predict_command(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return exit_code;
}
