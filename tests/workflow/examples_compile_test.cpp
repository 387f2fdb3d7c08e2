// The 25 shared editor examples (../shared/editor/examples, README there):
// every one compiles without error except the documented negative cases
// (no data source; an action -> risk edge) and one flat-dialect file whose
// stop_loss / take_profit are fractions (0.02) where the editor means percent.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "support/test_data.h"
#include "workflow/compiler.h"

namespace nocode::workflow {
namespace {

std::string examples_dir() { return testing::shared_data_dir() + "/../editor/examples"; }

// File -> the error codes it must produce (exactly this set).
const std::map<std::string, std::set<std::string>>& expected_errors() {
  static const std::map<std::string, std::set<std::string>> kExpected = {
      {"test_enhanced_compiler_no_datasource.json",
       {"unknown_edge_endpoint", "no_data_source", "missing_input"}},
      {"test_code_generator_full_chain.json", {"no_output_handle", "logic_missing_inputs"}},
  };
  return kExpected;
}

TEST(WorkflowExamples, EveryExampleCompilesExceptTheDocumentedNegatives) {
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(examples_dir())) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    const Plan plan = compile_file(entry.path().string());
    std::set<std::string> codes;
    std::string text;
    for (const Diagnostic& d : plan.diagnostics.all()) {
      if (d.severity == Severity::kError) codes.insert(d.code);
      text += to_string(d) + "\n";
    }
    auto it = expected_errors().find(name);
    if (it == expected_errors().end()) {
      EXPECT_TRUE(plan.ok()) << name << "\n" << text;
      EXPECT_FALSE(plan.steps.empty()) << name;
    } else {
      EXPECT_EQ(codes, it->second) << name << "\n" << text;
    }
  }
  EXPECT_EQ(files, 25u);
}

}  // namespace
}  // namespace nocode::workflow
