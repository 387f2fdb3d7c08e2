// Node-type catalogue: structural invariants of every entry, aliases, handle
// lookup, and a few values checked by hand against EDITOR_FORMAT.md 2.2-2.9
// and the issue's ML node list.
#include "workflow/node_types.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

namespace nocode::workflow {
namespace {

TEST(NodeTypes, EveryExpectedTypeIsDeclared) {
  for (const char* t :
       {"dataSource", "customDataset", "technicalIndicator", "condition", "logic", "action", "risk",
        "output", "marketRegimeDetection", "multiTimeframeAnalysis", "correlationAnalysis",
        "sentimentAnalysis", "feature", "label", "split", "model", "signal", "backtest"}) {
    const NodeTypeSpec* s = find_node_type(t);
    ASSERT_NE(s, nullptr) << t;
    EXPECT_EQ(s->type, t);
    EXPECT_FALSE(s->category.empty()) << t;
    EXPECT_FALSE(s->title.empty()) << t;
  }
  EXPECT_EQ(node_types().size(), 18u);
}

TEST(NodeTypes, HandleIdsAreUniquePerType) {
  for (const NodeTypeSpec& s : node_types()) {
    std::set<std::string> ids;
    for (const HandleSpec& h : s.inputs)
      EXPECT_TRUE(ids.insert(h.id).second) << s.type << " " << h.id;
    for (const HandleSpec& h : s.outputs)
      EXPECT_TRUE(ids.insert(h.id).second) << s.type << " " << h.id;
  }
}

TEST(NodeTypes, ParamNamesAndAliasesAreUniquePerType) {
  for (const NodeTypeSpec& s : node_types()) {
    std::set<std::string> names;
    for (const NodeParamSpec& p : s.params)
      EXPECT_TRUE(names.insert(p.name).second) << s.type << "." << p.name;
    for (const NodeParamSpec& p : s.params) {
      for (const std::string& a : p.aliases) {
        EXPECT_TRUE(names.insert(a).second) << s.type << ": alias '" << a << "' collides";
      }
    }
  }
}

bool is_whole(double v) { return std::floor(v) == v; }

TEST(NodeTypes, DefaultsAreInsideRangesAndChoices) {
  for (const NodeTypeSpec& s : node_types()) {
    for (const NodeParamSpec& p : s.params) {
      const std::string where = s.type + "." + p.name;
      EXPECT_FALSE(p.description.empty()) << where;
      const nlohmann::json& d = p.default_value;
      if (d.is_null()) continue;
      switch (p.kind) {
        case ParamKind::kNumber:
        case ParamKind::kInteger:
          ASSERT_TRUE(d.is_number()) << where;
          if (p.min < p.max) {
            EXPECT_GE(d.get<double>(), p.min) << where;
            EXPECT_LE(d.get<double>(), p.max) << where;
          }
          if (p.kind == ParamKind::kInteger) {
            EXPECT_TRUE(is_whole(d.get<double>())) << where;
          }
          break;
        case ParamKind::kEnum: {
          ASSERT_TRUE(d.is_string()) << where;
          std::set<std::string> choices(p.choices.begin(), p.choices.end());
          EXPECT_EQ(choices.size(), p.choices.size()) << where << ": duplicate choice";
          EXPECT_TRUE(choices.count(d.get<std::string>())) << where;
          break;
        }
        case ParamKind::kString:
          EXPECT_TRUE(d.is_string()) << where;
          break;
        case ParamKind::kBool:
          EXPECT_TRUE(d.is_boolean()) << where;
          break;
        case ParamKind::kList:
          EXPECT_TRUE(d.is_array()) << where;
          break;
        case ParamKind::kObject:
          EXPECT_TRUE(d.is_object()) << where;
          break;
      }
    }
  }
}

TEST(NodeTypes, AliasesResolveToTheirType) {
  EXPECT_EQ(find_node_type("riskManagement"), find_node_type("risk"));
  for (const NodeTypeSpec& s : node_types()) {
    for (const std::string& a : s.aliases) EXPECT_EQ(find_node_type(a), &s) << a;
  }
  EXPECT_EQ(find_node_type("RiskManagement"), nullptr);  // case-sensitive
  EXPECT_EQ(find_node_type("nope"), nullptr);
  EXPECT_EQ(find_node_type(""), nullptr);
}

TEST(NodeTypes, LogicInputsMatchTheTemplate) {
  const NodeTypeSpec& logic = *find_node_type("logic");
  EXPECT_NE(find_input_handle(logic, "input-0"), nullptr);
  EXPECT_NE(find_input_handle(logic, "input-7"), nullptr);
  EXPECT_EQ(find_input_handle(logic, "input-8"), nullptr);  // inputs is 1..8
  EXPECT_EQ(find_input_handle(logic, "input-01"), nullptr);
  EXPECT_EQ(find_input_handle(logic, "input-"), nullptr);
  EXPECT_EQ(find_input_handle(logic, "input"), nullptr);
  EXPECT_EQ(input_handle_ids(logic).size(), 8u);
  EXPECT_NE(find_output_handle(logic, "output"), nullptr);
}

TEST(NodeTypes, EditorValuesFromTheSpecification) {
  // EDITOR_FORMAT.md 2.2: five static numeric outputs on an indicator.
  const NodeTypeSpec& ind = *find_node_type("technicalIndicator");
  ASSERT_EQ(ind.outputs.size(), 5u);
  EXPECT_EQ(ind.outputs[4].id, "output-5");
  EXPECT_EQ(ind.outputs[0].type, DataType::kNumeric);
  EXPECT_EQ(find_param(ind, "period")->default_value, 20);
  EXPECT_EQ(find_param(ind, "fastPeriod")->aliases, std::vector<std::string>{"fast_period"});
  // 2.4 condition.
  const NodeTypeSpec& cond = *find_node_type("condition");
  const NodeParamSpec& bars = *find_param(cond, "confirmationBars");
  EXPECT_EQ(bars.min, 0);
  EXPECT_EQ(bars.max, 20);
  EXPECT_EQ(find_param(cond, "condition")->choices.size(), 98u);
  EXPECT_EQ(find_param(cond, "value2")->default_value, 100);
  // 2.6 action, 2.9 risk, 2.5 logic.
  const NodeTypeSpec& act = *find_node_type("action");
  EXPECT_EQ(find_param(act, "take_profit")->default_value, 4.0);
  EXPECT_EQ(find_param(act, "quantity")->aliases, std::vector<std::string>{"positionSize"});
  EXPECT_EQ(find_param(*find_node_type("risk"), "varConfidence")->default_value, 95);
  EXPECT_EQ(find_param(*find_node_type("logic"), "inputs")->max, 8);
}

TEST(NodeTypes, MlValuesFromTheIssue) {
  const NodeTypeSpec& label = *find_node_type("label");
  ASSERT_EQ(label.outputs.size(), 1u);
  EXPECT_EQ(label.outputs[0].id, "label-output");
  EXPECT_EQ(label.outputs[0].type, DataType::kLabel);
  EXPECT_EQ(find_param(label, "horizon")->default_value, 5);
  const NodeTypeSpec& model = *find_node_type("model");
  ASSERT_NE(find_input_handle(model, "features-input"), nullptr);
  EXPECT_TRUE(find_input_handle(model, "features-input")->multiple);
  EXPECT_FALSE(find_input_handle(model, "split-input")->required);
  EXPECT_EQ(find_output_handle(model, "model-output")->type, DataType::kModel);
  const NodeTypeSpec& sig = *find_node_type("signal");
  EXPECT_EQ(find_param(sig, "longThreshold")->default_value, 0.55);
  EXPECT_EQ(find_param(sig, "shortThreshold")->default_value, 0.45);
  const NodeTypeSpec& split = *find_node_type("split");
  EXPECT_EQ(find_param(split, "trainRatio")->default_value, 0.7);
  EXPECT_EQ(find_param(split, "folds")->default_value, 5);
  const NodeTypeSpec& bt = *find_node_type("backtest");
  EXPECT_EQ(find_param(bt, "cash")->default_value, 10000);
  EXPECT_EQ(find_param(bt, "exclusiveOrders")->default_value, false);
}

TEST(NodeTypes, CatalogueJsonMirrorsTheTable) {
  nlohmann::json j = node_catalogue_json();
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), node_types().size());
  for (size_t i = 0; i < j.size(); ++i) {
    const NodeTypeSpec& s = node_types()[i];
    EXPECT_EQ(j[i]["type"], s.type);
    ASSERT_EQ(j[i]["params"].size(), s.params.size());
    for (size_t k = 0; k < s.params.size(); ++k) {
      EXPECT_EQ(j[i]["params"][k]["default"], s.params[k].default_value);
      EXPECT_EQ(j[i]["params"][k]["kind"], param_kind_name(s.params[k].kind));
    }
    EXPECT_EQ(j[i]["inputs"].size(), s.inputs.size());
  }
  // Unbounded sides are omitted rather than written as null.
  nlohmann::json qty;
  for (const nlohmann::json& t : j) {
    if (t["type"] != "action") continue;
    for (const nlohmann::json& p : t["params"]) {
      if (p["name"] == "quantity") qty = p;
    }
  }
  ASSERT_TRUE(qty.is_object());
  EXPECT_EQ(qty["min"], 0);
  EXPECT_FALSE(qty.contains("max"));
  EXPECT_EQ(nlohmann::json::parse(j.dump()), j);
}

}  // namespace
}  // namespace nocode::workflow
