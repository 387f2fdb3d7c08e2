#include "cli/workflow_commands.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "workflow/catalogue_markdown.h"
#include "workflow/compiler.h"
#include "workflow/node_types.h"

namespace nocode::cli {
namespace {

using workflow::Diagnostic;
using workflow::Plan;
using workflow::Severity;

struct WorkflowArgs {
  std::string file;
  std::vector<std::string> overrides;
  bool json = false;
  bool explain = false;
};

bool unreadable(const Plan& plan) {
  for (const Diagnostic& d : plan.diagnostics.all()) {
    if (d.code == "io_error") return true;
  }
  return false;
}

std::string summary(const Plan& plan) {
  size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : plan.diagnostics.all()) {
    errors += d.severity == Severity::kError;
    warnings += d.severity == Severity::kWarning;
  }
  return std::to_string(errors) + " error(s), " + std::to_string(warnings) + " warning(s)";
}

int exit_code_of(const Plan& plan) {
  if (unreadable(plan)) return 2;
  return plan.ok() ? 0 : 1;
}

workflow::CompileOptions options_of(const WorkflowArgs& a) {
  workflow::CompileOptions o;
  o.overrides = a.overrides;
  return o;
}

int run_validate(const WorkflowArgs& a) {
  const Plan plan = workflow::compile_file(a.file, options_of(a));
  if (a.json) {
    nlohmann::json diags = nlohmann::json::array();
    for (const Diagnostic& d : plan.diagnostics.all()) diags.push_back(workflow::to_json(d));
    std::cout << nlohmann::json{{"valid", plan.ok()}, {"diagnostics", diags}}.dump(2) << "\n";
    return exit_code_of(plan);
  }
  for (const Diagnostic& d : plan.diagnostics.all()) std::cout << to_string(d) << "\n";
  std::cout << (plan.ok() ? "valid" : "invalid") << ": " << summary(plan) << "\n";
  return exit_code_of(plan);
}

int run_compile(const WorkflowArgs& a) {
  const Plan plan = workflow::compile_file(a.file, options_of(a));
  if (a.json) {
    std::cout << workflow::plan_to_json(plan).dump(2) << "\n";
    return exit_code_of(plan);
  }
  if (!plan.ok()) {
    for (const Diagnostic& d : plan.diagnostics.all()) std::cerr << to_string(d) << "\n";
    std::cerr << "nocode: " << a.file << " does not compile: " << summary(plan) << "\n";
    return exit_code_of(plan);
  }
  std::cout << workflow::plan_to_text(plan, a.explain);
  if (!a.explain) {
    for (const Diagnostic& d : plan.diagnostics.all()) {
      if (d.severity == Severity::kWarning) std::cerr << to_string(d) << "\n";
    }
  }
  return 0;
}

std::string handle_list(const std::vector<workflow::HandleSpec>& hs) {
  std::string out;
  for (size_t i = 0; i < hs.size(); ++i) out += (i ? ", " : "") + hs[i].id;
  return out.empty() ? "-" : out;
}

void print_nodes_table() {
  for (const workflow::NodeTypeSpec& t : workflow::node_types()) {
    std::string name = t.type;
    name.resize(std::max<size_t>(name.size() + 1, 24), ' ');
    std::string cat = t.category;
    cat.resize(std::max<size_t>(cat.size() + 1, 10), ' ');
    std::cout << name << cat << handle_list(t.inputs) << " -> " << handle_list(t.outputs) << "  ("
              << t.params.size() << " params)\n";
  }
}

void add_workflow_options(CLI::App* cmd, const std::shared_ptr<WorkflowArgs>& a) {
  cmd->add_option("WF", a->file, "Workflow JSON file (any editor dialect)")->required();
  cmd->add_option("--set", a->overrides, "Override a workflow parameter, NAME=VALUE (repeatable)")
      ->take_all();
  cmd->add_flag("--json", a->json, "Machine-readable output");
}

}  // namespace

void add_workflow_commands(CLI::App& app, int* exit_code) {
  auto* validate = app.add_subcommand("validate", "Check a workflow; prints every diagnostic");
  auto va = std::make_shared<WorkflowArgs>();
  add_workflow_options(validate, va);
  validate->callback([va, exit_code] { *exit_code = run_validate(*va); });

  auto* compile = app.add_subcommand(
      "compile", "Compile a workflow; prints the plan (one line a step) and the search space");
  auto ca = std::make_shared<WorkflowArgs>();
  add_workflow_options(compile, ca);
  compile->add_flag("--explain", ca->explain,
                    "Also show shared steps and every warning and info diagnostic");
  compile->callback([ca, exit_code] { *exit_code = run_compile(*ca); });

  auto* nodes = app.add_subcommand("nodes", "The node-type catalogue");
  nodes->require_subcommand(1);
  auto* list = nodes->add_subcommand("list", "List every node type (generated from the catalogue)");
  auto json = std::make_shared<bool>(false);
  list->add_flag("--json", *json, "Machine-readable catalogue");
  list->callback([json, exit_code] {
    if (*json)
      std::cout << workflow::node_catalogue_json().dump(2) << "\n";
    else
      print_nodes_table();
    *exit_code = 0;
  });
  auto* docs = nodes->add_subcommand("docs", "Print the Markdown catalogue (docs/workflow.md)");
  docs->callback([exit_code] {
    std::cout << workflow::node_catalogue_markdown();
    *exit_code = 0;
  });
}

}  // namespace nocode::cli
