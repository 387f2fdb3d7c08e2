// The compiler's content hashes over a whole optimization grid (the cache
// keys every set's backtest is looked up by): each hash is FNV-1a 64 of its
// canonical text (naive loop here), a non-indicator step's text holds its
// parameters minus "label" exactly as json::dump() prints them, and the
// texts the optimize pass computes equal those computed from scratch when
// nothing is shared (optimize off). Covers fast == slow (shared SMA) and
// parameter keys/values that need JSON escaping.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/test_data.h"
#include "workflow/compiler.h"
#include "workflow/document.h"

namespace nocode::workflow {
namespace {

uint64_t naive_fnv(const std::string& s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

nlohmann::json example_json(bool odd_keys) {
  std::ifstream in(testing::source_dir() + "/examples/workflows/sma_cross.json");
  nlohmann::json j = nlohmann::json::parse(in);
  if (odd_keys) {
    for (auto& node : j["workflow_data"]["nodes"]) {
      if (node["type"] != "action") continue;
      auto& p = node["data"]["parameters"];
      p["note \"q\"\\ \xc3\xa9"] = "tab\there \xe2\x82\xac \x01";
      p["z_ratio"] = 0.1;
      p["a_list"] = nlohmann::json::array({1, 2.5, "x", nullptr});
    }
  }
  return j;
}

Document parse(const nlohmann::json& j) {
  Diagnostics diags;
  Result<Document> doc = parse_document(j, diags);
  EXPECT_TRUE(doc) << doc.status().message();
  return *doc;
}

void check_plan(const Document& doc, const std::vector<std::string>& overrides,
                const std::string& what) {
  CompileOptions on;
  on.overrides = overrides;
  CompileOptions off = on;
  off.optimize = false;
  const Plan a = compile(doc, on);
  const Plan b = compile(doc, off);
  ASSERT_TRUE(a.ok()) << what;
  ASSERT_TRUE(b.ok()) << what;
  bool shared = false;
  for (const Step& st : a.steps) {
    EXPECT_EQ(st.hash, naive_fnv(st.canonical_text)) << what << " " << st.node_id;
    shared = shared || !st.merged_nodes.empty();
    if (st.indicator) continue;
    nlohmann::json p = st.params;
    p.erase("label");
    const std::string head = std::string(step_kind_name(st.kind)) + "|" + st.type + "|" + p.dump();
    EXPECT_EQ(st.canonical_text.substr(0, head.size()), head) << what << " " << st.node_id;
  }
  if (shared) return;  // sharing rebinds inputs: the plans legitimately differ
  ASSERT_EQ(a.steps.size(), b.steps.size()) << what;
  for (size_t i = 0; i < a.steps.size(); ++i) {
    EXPECT_EQ(a.steps[i].canonical_text, b.steps[i].canonical_text) << what << " step " << i;
    EXPECT_EQ(a.steps[i].hash, b.steps[i].hash) << what << " step " << i;
  }
}

TEST(CompileHashes, WholeGridIncludingFastEqualsSlow) {
  for (bool odd : {false, true}) {
    const Document doc = parse(example_json(odd));
    int shared_sets = 0;
    for (int fast = 5; fast <= 25; fast += 5) {
      for (int slow = 10; slow <= 65; slow += 5) {
        const std::vector<std::string> o{"fast=" + std::to_string(fast),
                                         "slow=" + std::to_string(slow)};
        check_plan(doc, o, o[0] + " " + o[1] + (odd ? " odd keys" : ""));
        shared_sets += fast == slow;
      }
    }
    EXPECT_GT(shared_sets, 0);
  }
}

TEST(CompileHashes, EveryExampleWorkflow) {
  const auto dir = std::filesystem::path(testing::source_dir()) / "examples/workflows";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    check_plan(parse(nlohmann::json::parse(in)), {}, entry.path().filename().string());
  }
}

}  // namespace
}  // namespace nocode::workflow
