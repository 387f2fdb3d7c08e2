// docs/workflow.schema.json: a JSON Schema (draft 2020-12) for workflow
// documents. Every shared editor example and every golden workflow must
// validate against it, and documents that are not workflows must not. The
// checker below implements the subset the schema uses: type, enum, required,
// properties, additionalProperties, items, minItems, anyOf, $ref to #/$defs.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "support/test_data.h"

namespace {

using nlohmann::json;

class SchemaChecker {
 public:
  explicit SchemaChecker(json root) : root_(std::move(root)) {}
  bool valid(const json& v) const { return check(root_, v); }

 private:
  static bool has_type(const json& v, const std::string& t) {
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "string") return v.is_string();
    if (t == "integer") return v.is_number_integer() || v.is_number_unsigned();
    if (t == "number") return v.is_number();
    if (t == "boolean") return v.is_boolean();
    if (t == "null") return v.is_null();
    ADD_FAILURE() << "schema uses unsupported type " << t;
    return false;
  }

  bool check_type(const json& s, const json& v) const {
    if (!s.contains("type")) return true;
    if (s["type"].is_string()) return has_type(v, s["type"]);
    for (const json& t : s["type"]) {
      if (has_type(v, t)) return true;
    }
    return false;
  }

  bool check_object(const json& s, const json& v) const {
    if (!v.is_object()) return true;
    for (const json& r : s.value("required", json::array())) {
      if (!v.contains(r.get<std::string>())) return false;
    }
    const json props = s.value("properties", json::object());
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (props.contains(it.key())) {
        if (!check(props[it.key()], it.value())) return false;
      } else if (s.contains("additionalProperties") && s["additionalProperties"].is_object()) {
        if (!check(s["additionalProperties"], it.value())) return false;
      }
    }
    return true;
  }

  bool check_array(const json& s, const json& v) const {
    if (!v.is_array()) return true;
    if (v.size() < s.value("minItems", 0u)) return false;
    if (!s.contains("items")) return true;
    for (const json& item : v) {
      if (!check(s["items"], item)) return false;
    }
    return true;
  }

  bool check(const json& s, const json& v) const {
    for (auto it = s.begin(); it != s.end(); ++it) {
      static const std::set<std::string> kKnown = {"$schema",
                                                   "$id",
                                                   "title",
                                                   "description",
                                                   "$defs",
                                                   "$ref",
                                                   "type",
                                                   "enum",
                                                   "required",
                                                   "properties",
                                                   "additionalProperties",
                                                   "items",
                                                   "minItems",
                                                   "anyOf"};
      if (!kKnown.count(it.key())) ADD_FAILURE() << "schema keyword not checked: " << it.key();
    }
    if (s.contains("$ref")) {
      const std::string ref = s["$ref"];
      const std::string prefix = "#/$defs/";
      EXPECT_EQ(ref.rfind(prefix, 0), 0u) << ref;
      if (!check(root_["$defs"][ref.substr(prefix.size())], v)) return false;
    }
    if (!check_type(s, v)) return false;
    if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), v) == s["enum"].end()) {
      return false;
    }
    if (!check_object(s, v) || !check_array(s, v)) return false;
    if (s.contains("anyOf")) {
      for (const json& alt : s["anyOf"]) {
        if (check(alt, v)) return true;
      }
      return false;
    }
    return true;
  }

  json root_;
};

json load(const std::string& path) {
  std::ifstream in(path);
  return json::parse(in);
}

SchemaChecker schema() {
  return SchemaChecker(load(nocode::testing::source_dir() + "/docs/workflow.schema.json"));
}

TEST(WorkflowSchema, DeclaresDraft2020AndItsDefinitions) {
  const json s = load(nocode::testing::source_dir() + "/docs/workflow.schema.json");
  EXPECT_EQ(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
  for (const char* def : {"graph", "node", "edge", "parameters", "tune"}) {
    EXPECT_TRUE(s["$defs"].contains(def)) << def;
  }
  EXPECT_EQ(s["$defs"]["node"]["required"], json::array({"type"}));
  EXPECT_EQ(s["$defs"]["edge"]["required"], json::array({"source", "target"}));
}

TEST(WorkflowSchema, EverySharedExampleAndGoldenCaseValidates) {
  const SchemaChecker checker = schema();
  size_t n = 0;
  const std::string examples = nocode::testing::shared_data_dir() + "/../editor/examples";
  for (const auto& e : std::filesystem::directory_iterator(examples)) {
    if (e.path().extension() != ".json") continue;
    ++n;
    EXPECT_TRUE(checker.valid(load(e.path().string()))) << e.path();
  }
  EXPECT_EQ(n, 25u);
  const std::string golden = nocode::testing::source_dir() + "/tests/workflow/golden";
  for (const auto& e : std::filesystem::directory_iterator(golden)) {
    const auto wf = e.path() / "workflow.json";
    if (std::filesystem::exists(wf)) EXPECT_TRUE(checker.valid(load(wf.string()))) << wf;
  }
}

TEST(WorkflowSchema, RejectsDocumentsThatAreNotWorkflows) {
  const SchemaChecker checker = schema();
  for (
      const char* text :
      {"[]", "{}", R"({"nodes": []})", R"({"nodes": [{"id": "a"}]})",
       R"({"nodes": [{"type": "dataSource"}], "edges": [{"source": "a"}]})",
       R"({"workflow_data": {"edges": []}})",
       R"({"nodes": [{"type": "x"}], "parameters": {"p": {"tune": {"min": 1}}}})",
       R"({"nodes": [{"type": "x"}], "parameters": {"p": {"tune": {"min": 1, "max": 2, "scale": "exp"}}}})"}) {
    EXPECT_FALSE(checker.valid(json::parse(text))) << text;
  }
}

}  // namespace
