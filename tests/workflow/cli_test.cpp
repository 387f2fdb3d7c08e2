// `nocode validate`, `nocode compile` and `nocode nodes` end to end (the real
// binary on the golden files). Skipped while main.cpp does not register the
// commands yet.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/run_command.h"
#include "support/test_data.h"
#include "workflow/node_types.h"

namespace nocode::testing {
namespace {

std::string golden(const std::string& name) {
  return "'" + source_dir() + "/tests/workflow/golden/" + name + "/workflow.json'";
}

bool registered() { return run_nocode("nodes list --json").exit_code == 0; }

#define REQUIRE_COMMANDS() \
  if (!registered()) GTEST_SKIP() << "nocode validate/compile/nodes not registered in main.cpp"

TEST(WorkflowCli, ValidateExitCodes) {
  REQUIRE_COMMANDS();
  CommandResult ok = run_nocode("validate " + golden("dead_node"));
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("valid"), std::string::npos);
  CommandResult bad = run_nocode("validate " + golden("cycle"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("a → b → c → a"), std::string::npos) << bad.out;
  EXPECT_EQ(run_nocode("validate /no/such/file.json").exit_code, 2);
  EXPECT_EQ(run_nocode("validate").exit_code, 2);
}

TEST(WorkflowCli, ValidateJsonListsDiagnostics) {
  REQUIRE_COMMANDS();
  CommandResult r = run_nocode("validate --json " + golden("unknown_names"));
  EXPECT_EQ(r.exit_code, 1);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_FALSE(j["valid"].get<bool>());
  ASSERT_EQ(j["diagnostics"].size(), 3u);  // indicator, condition, order type
  EXPECT_EQ(j["diagnostics"][0]["code"], "unknown_indicator");
  EXPECT_EQ(j["diagnostics"][0]["pointer"], "/nodes/1/data/parameters/indicator");
}

TEST(WorkflowCli, CompilePrintsPlanAndSearchSpace) {
  REQUIRE_COMMANDS();
  CommandResult r = run_nocode("compile " + golden("parameters_tune") + " --set slow=60");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("sma(period=60) ← data-1.close"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("search space:"), std::string::npos) << r.out;
  CommandResult j = run_nocode("compile --json " + golden("parameters_tune"));
  const nlohmann::json plan = nlohmann::json::parse(j.out);
  EXPECT_EQ(plan["search_space"].size(), 3u);
  EXPECT_EQ(plan["search_space"][0]["scale"], "log");
  EXPECT_EQ(run_nocode("compile " + golden("parameters_tune") + " --set nope=1").exit_code, 1);
}

TEST(WorkflowCli, NodesListComesFromTheCatalogue) {
  REQUIRE_COMMANDS();
  CommandResult r = run_nocode("nodes list --json");
  EXPECT_EQ(r.exit_code, 0);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.size(), workflow::node_types().size());
  CommandResult t = run_nocode("nodes list");
  for (const auto& type : workflow::node_types()) {
    EXPECT_NE(t.out.find(type.type), std::string::npos) << type.type;
  }
}

}  // namespace
}  // namespace nocode::testing
