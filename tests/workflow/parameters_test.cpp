// Workflow parameters: "$name" references, --set overrides, tune ranges and
// the search space. Expected values are worked out by hand in the comments.
#include "workflow/parameters.h"

#include <gtest/gtest.h>

#include <cmath>

#include "workflow/compiler.h"

namespace nocode::workflow {
namespace {

using nlohmann::json;

const Diagnostic* find_code(const Diagnostics& d, const std::string& code) {
  for (const Diagnostic& x : d.all()) {
    if (x.code == code) return &x;
  }
  return nullptr;
}

TEST(Parameters, PlainAndTunedEntries) {
  Diagnostics diags;
  const json map = {
      {"n", 14},
      {"name", "ema"},
      {"fast", {{"value", 10}, {"tune", {{"min", 2}, {"max", 50}, {"scale", "log"}}}}},
      {"lin", {{"tune", {{"min", 20}, {"max", 201}}}}},
      {"geo", {{"tune", {{"min", 1}, {"max", 100}, {"scale", "log"}}}}},
      {"real", {{"tune", {{"min", 0.5}, {"max", 1.0}}}}}};
  const ParameterSet set = read_parameters(map, "/parameters", {}, diags);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(set.values["n"], 14);
  EXPECT_EQ(set.values["name"], "ema");
  EXPECT_EQ(set.values["fast"], 10);
  // Midpoints: (20 + 201) / 2 = 110.5 -> 111 (integer range, rounded half away);
  // sqrt(1 * 100) = 10; (0.5 + 1) / 2 = 0.75 (float range: bounds not whole).
  EXPECT_EQ(set.values["lin"], 111);
  EXPECT_EQ(set.values["geo"], 10);
  EXPECT_DOUBLE_EQ(set.values["real"].get<double>(), 0.75);
  ASSERT_EQ(set.dimensions.size(), 4u);
  const SearchDimension& fast = set.dimensions[set.dimension_of.at("fast")];
  EXPECT_EQ(fast.scale, "log");
  EXPECT_TRUE(fast.integer);
  EXPECT_EQ(fast.value, 10);
  EXPECT_EQ(fast.pointer, "/parameters/fast/tune");
  EXPECT_FALSE(set.dimensions[set.dimension_of.at("real")].integer);
}

TEST(Parameters, InvalidTuneRanges) {
  struct Case {
    json tune;
    std::string pointer;
  };
  const std::vector<Case> cases = {
      {{{"min", 5}, {"max", 5}}, "/parameters/p/tune"},                        // min == max
      {{{"min", 9}, {"max", 2}}, "/parameters/p/tune"},                        // min > max
      {{{"min", 0}, {"max", 2}, {"scale", "log"}}, "/parameters/p/tune/min"},  // log needs min > 0
      {{{"min", 1}, {"max", 2}, {"scale", "exp"}}, "/parameters/p/tune/scale"},
      {{{"max", 2}}, "/parameters/p/tune/min"},
      {json("wide"), "/parameters/p/tune"},
  };
  for (const Case& c : cases) {
    Diagnostics diags;
    read_parameters({{"p", {{"tune", c.tune}}}}, "/parameters", {}, diags);
    const Diagnostic* d = find_code(diags, "invalid_tune");
    ASSERT_NE(d, nullptr) << c.tune.dump();
    EXPECT_EQ(d->pointer, c.pointer) << c.tune.dump();
  }
}

TEST(Parameters, ValueOutsideItsTuneRange) {
  Diagnostics diags;
  read_parameters({{"p", {{"value", 99}, {"tune", {{"min", 1}, {"max", 10}}}}}}, "/parameters", {},
                  diags);
  EXPECT_NE(find_code(diags, "value_outside_tune_range"), nullptr);
}

TEST(Parameters, OverridesReplaceValues) {
  Diagnostics diags;
  const ParameterSet set = read_parameters(
      {{"a", 1}, {"b", "x"}, {"t", {{"value", 3}, {"tune", {{"min", 1}, {"max", 5}}}}}},
      "/parameters", {"a=7.5", "b=hello world", "t=4"}, diags);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(set.values["a"], 7.5);
  EXPECT_EQ(set.values["b"], "hello world");
  EXPECT_EQ(set.dimensions[0].value, 4);
}

// Found by the fuzzer: a value that is not UTF-8 made the plan's JSON
// unprintable (`nocode compile --json` threw). It is an error naming the flag.
TEST(Parameters, OverrideValueMustBeUtf8) {
  for (const char* item : {"lvl=\"\xfbx/", "t=\xc3"}) {
    Diagnostics diags;
    const ParameterSet set =
        read_parameters({{"lvl", 30}, {"t", {{"value", 3}, {"tune", {{"min", 1}, {"max", 5}}}}}},
                        "/parameters", {item}, diags);
    const Diagnostic* d = find_code(diags, "invalid_override");
    ASSERT_NE(d, nullptr) << item;
    EXPECT_NE(d->message.find("not valid UTF-8"), std::string::npos) << d->message;
    EXPECT_EQ(set.values.at("lvl"), 30);  // unchanged
  }
}

TEST(Parameters, UnknownOverrideListsKnownNames) {
  Diagnostics diags;
  read_parameters({{"fast", 1}, {"slow", 2}}, "/parameters", {"flast=3", "noequals"}, diags);
  const Diagnostic* d = find_code(diags, "unknown_parameter");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("'fast' and 'slow'"), std::string::npos) << d->message;
  EXPECT_NE(d->suggestion.find("'fast'"), std::string::npos);
  EXPECT_NE(find_code(diags, "invalid_override"), nullptr);
}

TEST(Parameters, References) {
  EXPECT_TRUE(is_reference(json("$fast")));
  EXPECT_TRUE(is_reference(json("$slow_2")));
  EXPECT_FALSE(is_reference(json("$")));
  EXPECT_FALSE(is_reference(json("price $5 off")));
  EXPECT_FALSE(is_reference(json(5)));
}

TEST(Parameters, SubstitutionRecordsUses) {
  Diagnostics diags;
  ParameterSet set = read_parameters({{"p", {{"value", 12}, {"tune", {{"min", 2}, {"max", 30}}}}}},
                                     "/parameters", {}, diags);
  Node node;
  node.id = "sma";
  node.params_pointer = "/nodes/1/data/parameters";
  node.params = {{"period", "$p"},
                 {"lag", {{"value", 2}, {"tune", {{"min", 1}, {"max", 4}}}}},
                 {"other", "$missing"},
                 {"plain", 3}};
  const Substituted sub = substitute_parameters(node, set, diags);
  EXPECT_EQ(sub.params["period"], 12);
  EXPECT_EQ(sub.params["lag"], 2);
  EXPECT_EQ(sub.params["plain"], 3);
  EXPECT_FALSE(sub.params.contains("other"));
  ASSERT_EQ(set.dimensions.size(), 2u);
  EXPECT_EQ(set.dimensions[0].used_by, std::vector<std::string>({"sma.period"}));
  EXPECT_EQ(set.dimensions[1].name, "sma.lag");
  EXPECT_EQ(set.dimensions[1].pointer, "/nodes/1/data/parameters/lag/tune");
  const Diagnostic* d = find_code(diags, "unknown_parameter_reference");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->node_id, "sma");
  EXPECT_EQ(d->pointer, "/nodes/1/data/parameters/other");
  EXPECT_NE(d->message.find("'p'"), std::string::npos) << d->message;
}

TEST(Parameters, SearchSpaceReachesThePlan) {
  const json doc = {
      {"parameters", {{"w", {{"value", 20}, {"tune", {{"min", 5}, {"max", 60}}}}}}},
      {"nodes",
       {{{"id", "d"}, {"type", "dataSource"}, {"data", {{"parameters", json::object()}}}},
        {{"id", "i"},
         {"type", "technicalIndicator"},
         {"data", {{"parameters", {{"indicator", "EMA"}, {"period", "$w"}}}}}},
        {{"id", "c"}, {"type", "condition"}, {"data", {{"parameters", {{"value", 1}}}}}},
        {{"id", "a"}, {"type", "action"}, {"data", {{"parameters", json::object()}}}}}},
      {"edges",
       {{{"source", "d"}, {"target", "i"}},
        {{"source", "i"}, {"target", "c"}},
        {{"source", "c"}, {"target", "a"}}}}};
  CompileOptions o;
  o.overrides = {"w=33"};
  const Plan p = compile_json(doc.dump(), o);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.steps[p.step_of_node.at("i")].indicator->params.values, std::vector<double>({33}));
  const json space = search_space_to_json(p.search_space);
  ASSERT_EQ(space.size(), 1u);
  EXPECT_EQ(space[0]["name"], "w");
  EXPECT_EQ(space[0]["min"], 5);
  EXPECT_EQ(space[0]["max"], 60);
  EXPECT_EQ(space[0]["value"], 33);
  EXPECT_EQ(space[0]["type"], "int");
  EXPECT_EQ(space[0]["used_by"], json::array({"i.period"}));
}

}  // namespace
}  // namespace nocode::workflow
