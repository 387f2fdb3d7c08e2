// Data-driven compiler tests: every folder under tests/workflow/golden/ holds
// workflow.json (and optionally overrides.txt, one NAME=VALUE a line, the
// `--set` options) and expected.txt: the `nocode compile --explain` text when
// the workflow compiles, else its diagnostics one per line.
//
// NOCODE_UPDATE_GOLDEN=1 rewrites expected.txt from the current output; read
// the diff by hand before trusting it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_data.h"
#include "workflow/compiler.h"

namespace nocode::workflow {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> read_lines(const fs::path& p) {
  std::vector<std::string> out;
  std::ifstream in(p);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// What the golden file records for one case.
std::string actual_output(const fs::path& dir) {
  CompileOptions options;
  if (fs::exists(dir / "overrides.txt")) options.overrides = read_lines(dir / "overrides.txt");
  const Plan plan = compile_file((dir / "workflow.json").string(), options);
  if (plan.ok()) return plan_to_text(plan, /*explain=*/true);
  std::string out;
  for (const Diagnostic& d : plan.diagnostics.all()) out += to_string(d) + "\n";
  return out;
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  const fs::path root = fs::path(testing::source_dir()) / "tests/workflow/golden";
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory() && fs::exists(entry.path() / "workflow.json"))
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(WorkflowGolden, EveryCaseMatchesItsExpectation) {
  const bool update = std::getenv("NOCODE_UPDATE_GOLDEN") != nullptr;
  const std::vector<fs::path> all = cases();
  ASSERT_GE(all.size(), 12u);
  for (const fs::path& dir : all) {
    SCOPED_TRACE(dir.filename().string());
    const std::string actual = actual_output(dir);
    const fs::path expected_path = dir / "expected.txt";
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path))
        << expected_path << " is missing; run with NOCODE_UPDATE_GOLDEN=1 and review it";
    EXPECT_EQ(read_text(expected_path), actual)
        << "golden " << dir.filename() << " differs; if the change is intended, rerun with "
        << "NOCODE_UPDATE_GOLDEN=1 and review the diff";
  }
}

}  // namespace
}  // namespace nocode::workflow
