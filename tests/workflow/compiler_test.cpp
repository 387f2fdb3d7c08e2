// The workflow compiler's passes, each checked on small hand-written graphs
// whose expected plans are worked out by hand in the comments.
#include "workflow/compiler.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "indicators/registry.h"

namespace nocode::workflow {
namespace {

using nlohmann::json;

json node(const std::string& id, const std::string& type, json params) {
  return {{"id", id}, {"type", type}, {"data", {{"parameters", std::move(params)}}}};
}

json edge(const std::string& from, const std::string& to, const std::string& out = "",
          const std::string& in = "") {
  json e = {{"source", from}, {"target", to}};
  if (!out.empty()) e["sourceHandle"] = out;
  if (!in.empty()) e["targetHandle"] = in;
  return e;
}

Plan compile_doc(const json& doc, CompileOptions options = {}) {
  return compile_json(doc.dump(), options);
}

std::string all_text(const Plan& p) {
  std::string out;
  for (const Diagnostic& d : p.diagnostics.all()) out += to_string(d) + "\n";
  return out;
}

const Diagnostic* find_code(const Plan& p, const std::string& code) {
  for (const Diagnostic& d : p.diagnostics.all()) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

size_t count_code(const Plan& p, const std::string& code) {
  size_t n = 0;
  for (const Diagnostic& d : p.diagnostics.all()) n += d.code == code;
  return n;
}

const Step& step(const Plan& p, const std::string& id) { return p.steps.at(p.step_of_node.at(id)); }

// data -> indicator(params) -> condition(less_than 30) -> buy
json single_indicator(json params, const std::string& handle = "output-1") {
  return {
      {"nodes",
       {node("data", "dataSource", {{"symbol", "AAPL"}}), node("ind", "technicalIndicator", params),
        node("c", "condition", {{"condition", "less_than"}, {"value", 30}}),
        node("buy", "action", {{"action", "buy"}})}},
      {"edges", {edge("data", "ind"), edge("ind", "c", handle), edge("c", "buy")}}};
}

TEST(Compiler, MinimalEditorDocumentPlansInTopologicalOrder) {
  const Plan p = compile_doc(single_indicator({{"indicator", "RSI"}, {"period", 14}}));
  ASSERT_TRUE(p.ok()) << all_text(p);
  ASSERT_EQ(p.steps.size(), 4u);
  EXPECT_EQ(p.steps[0].node_id, "data");
  EXPECT_EQ(p.steps[1].node_id, "ind");
  EXPECT_EQ(p.steps[2].node_id, "c");
  EXPECT_EQ(p.steps[3].node_id, "buy");
  const Step& ind = p.steps[1];
  ASSERT_TRUE(ind.indicator.has_value());
  EXPECT_EQ(ind.indicator->spec->name, "rsi");
  EXPECT_EQ(ind.indicator->params.values, std::vector<double>({14}));
  EXPECT_EQ(ind.indicator->input_columns, std::vector<std::string>({"close"}));
  ASSERT_EQ(ind.inputs.size(), 1u);
  EXPECT_EQ(ind.inputs[0].step, 0u);
  EXPECT_EQ(ind.inputs[0].output, "data-output");
  EXPECT_EQ(ind.inputs[0].column, "data");
  const Step& c = p.steps[2];
  ASSERT_EQ(c.inputs.size(), 1u);
  EXPECT_EQ(c.inputs[0].step, 1u);
  EXPECT_EQ(c.inputs[0].column, "ind.rsi");
  ASSERT_NE(c.condition, nullptr);
  EXPECT_EQ(c.condition->name, "less_than");
  EXPECT_EQ(c.condition_params.value, 30);
  for (size_t i = 0; i < p.steps.size(); ++i) {
    for (const InputBinding& b : p.steps[i].inputs) EXPECT_LT(b.step, i);
  }
}

TEST(Compiler, CatalogueDefaultsFillMissingParameters) {
  const Plan p = compile_doc(single_indicator({{"indicator", "SMA"}}));
  ASSERT_TRUE(p.ok()) << all_text(p);
  // Editor form defaults (EDITOR_FORMAT.md 2.3, 2.6, 2.7): period 20, quantity 10, 1h bars.
  EXPECT_EQ(step(p, "ind").indicator->params.values, std::vector<double>({20}));
  EXPECT_EQ(step(p, "buy").params["quantity"], 10);
  EXPECT_EQ(step(p, "buy").params["order_type"], "market");
  EXPECT_EQ(step(p, "data").params["timeframe"], "1h");
  EXPECT_EQ(step(p, "c").condition_params.confirmation_bars, 0);
}

TEST(IndicatorBinding, BollingerMultiplierFillsBothDeviations) {
  const Plan p = compile_doc(
      single_indicator({{"indicator", "BB"}, {"period", 10}, {"multiplier", 2.5}}, "output-4"));
  ASSERT_TRUE(p.ok()) << all_text(p);
  const IndicatorBinding& b = *step(p, "ind").indicator;
  EXPECT_EQ(b.spec->name, "bbands");
  // bbands params: period, nbdev_up, nbdev_down, ma_type (0 = SMA).
  EXPECT_EQ(b.params.values, std::vector<double>({10, 2.5, 2.5, 0}));
  ASSERT_EQ(b.outputs.size(), 4u);
  EXPECT_EQ(b.outputs[0].column, "ind.upper");
  EXPECT_EQ(b.outputs[1].column, "ind.middle");
  EXPECT_EQ(b.outputs[2].column, "ind.lower");
  EXPECT_EQ(b.outputs[3].spec->name, "bbwidth");
  EXPECT_EQ(b.outputs[3].params.values, std::vector<double>({10, 2.5}));
  EXPECT_EQ(step(p, "c").inputs[0].column, "ind.width");
}

TEST(IndicatorBinding, AroonUpComesFirstInTheEditor) {
  const Plan p =
      compile_doc(single_indicator({{"indicator", "aroon"}, {"period", 25}}, "output-1"));
  ASSERT_TRUE(p.ok()) << all_text(p);
  const IndicatorBinding& b = *step(p, "ind").indicator;
  ASSERT_EQ(b.outputs.size(), 2u);
  EXPECT_EQ(b.spec->outputs[b.outputs[0].output_index], "aroon_up");
  EXPECT_EQ(b.spec->outputs[b.outputs[1].output_index], "aroon_down");
  EXPECT_EQ(step(p, "c").inputs[0].column, "ind.aroon_up");
}

TEST(IndicatorBinding, AdxDirectionalLinesComeFromHelpers) {
  const Plan p = compile_doc(single_indicator({{"indicator", "ADX"}, {"period", 10}}, "output-3"));
  ASSERT_TRUE(p.ok()) << all_text(p);
  const IndicatorBinding& b = *step(p, "ind").indicator;
  ASSERT_EQ(b.outputs.size(), 3u);
  EXPECT_EQ(b.outputs[1].spec->name, "plus_di");
  EXPECT_EQ(b.outputs[2].spec->name, "minus_di");
  EXPECT_EQ(b.outputs[2].params.values, std::vector<double>({10}));
  EXPECT_EQ(step(p, "c").inputs[0].column, "ind.minus_di");
}

TEST(IndicatorBinding, StochasticFormNames) {
  const Plan p = compile_doc(single_indicator(
      {{"indicator", "Stochastic"}, {"kPeriod", 9}, {"dPeriod", 4}, {"slowing", 2}}, "output-2"));
  ASSERT_TRUE(p.ok()) << all_text(p);
  const IndicatorBinding& b = *step(p, "ind").indicator;
  EXPECT_EQ(b.spec->name, "stoch");
  // stoch params: fastk_period, slowk_period, slowk_ma_type, slowd_period, slowd_ma_type.
  EXPECT_EQ(b.params.values, std::vector<double>({9, 2, 0, 4, 0}));
  EXPECT_EQ(step(p, "c").inputs[0].column, "ind.slowd");
}

TEST(IndicatorBinding, PsarAndAliasesResolveCaseInsensitively) {
  Plan p = compile_doc(
      single_indicator({{"indicator", "psar"}, {"acceleration", 0.05}, {"maximum", 0.5}}));
  ASSERT_TRUE(p.ok()) << all_text(p);
  EXPECT_EQ(step(p, "ind").indicator->spec->name, "sar");
  EXPECT_EQ(step(p, "ind").indicator->params.values, std::vector<double>({0.05, 0.5}));
  for (const auto& [editor, registry] :
       std::vector<std::pair<std::string, std::string>>{{"WILLIAMS", "willr"},
                                                        {"UO", "ultosc"},
                                                        {"LSMA", "linearreg"},
                                                        {"KC", "kc"},
                                                        {"DC", "dc"},
                                                        {"bollinger_bands", "bbands"}}) {
    p = compile_doc(single_indicator({{"indicator", editor}}));
    ASSERT_TRUE(p.ok()) << editor << "\n" << all_text(p);
    EXPECT_EQ(step(p, "ind").indicator->spec->name, registry) << editor;
  }
}

TEST(IndicatorBinding, ParametersTheIndicatorDoesNotTakeAreDroppedWithInfo) {
  // The editor's drop-defaults always carry smoothing and multiplier.
  const Plan p = compile_doc(single_indicator(
      {{"indicator", "RSI"}, {"period", 14}, {"smoothing", 0.2}, {"multiplier", 2.0}}));
  ASSERT_TRUE(p.ok()) << all_text(p);
  const Diagnostic* d = find_code(p, "unused_indicator_parameter");
  ASSERT_NE(d, nullptr) << all_text(p);
  EXPECT_EQ(d->severity, Severity::kInfo);
  EXPECT_NE(d->message.find("smoothing"), std::string::npos);
  EXPECT_NE(d->message.find("multiplier"), std::string::npos);
}

TEST(IndicatorBinding, SingleLineOutputTwoIsTheValueAgain) {
  const Plan p = compile_doc(single_indicator({{"indicator", "EMA"}, {"period", 5}}, "output-2"));
  ASSERT_TRUE(p.ok()) << all_text(p);
  EXPECT_EQ(step(p, "c").inputs[0].column, "ind.ema");
}

TEST(IndicatorBinding, SourceChoosesTheColumn) {
  const Plan p = compile_doc(single_indicator({{"indicator", "SMA"}, {"source", "hlc3"}}));
  ASSERT_TRUE(p.ok()) << all_text(p);
  EXPECT_EQ(step(p, "ind").indicator->input_columns, std::vector<std::string>({"hlc3"}));
}

TEST(IndicatorBinding, UnknownIndicatorSuggestsNearestNames) {
  const Plan p = compile_doc(single_indicator({{"indicator", "rsy"}}));
  ASSERT_FALSE(p.ok());
  const Diagnostic* d = find_code(p, "unknown_indicator");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->node_id, "ind");
  EXPECT_EQ(d->pointer, "/nodes/1/data/parameters/indicator");
  EXPECT_NE(d->suggestion.find("'rsi'"), std::string::npos) << d->suggestion;
}

TEST(Compiler, UnknownConditionSuggestsNearestNames) {
  json doc = single_indicator({{"indicator", "RSI"}});
  doc["nodes"][2]["data"]["parameters"]["condition"] = "less_thn";
  const Plan p = compile_doc(doc);
  const Diagnostic* d = find_code(p, "unknown_condition");
  ASSERT_NE(d, nullptr) << all_text(p);
  EXPECT_NE(d->suggestion.find("'less_than'"), std::string::npos) << d->suggestion;
}

TEST(Compiler, CycleReportsItsPath) {
  json doc = {{"nodes",
               {node("data", "dataSource", {}), node("x", "technicalIndicator", {}),
                node("y", "technicalIndicator", {}), node("z", "technicalIndicator", {}),
                node("o", "output", {})}},
              {"edges",
               {edge("x", "y", "output-1"), edge("y", "z", "output-1"), edge("z", "x", "output-1"),
                edge("z", "o", "output-1", "data-input")}}};
  const Plan p = compile_doc(doc);
  const Diagnostic* d = find_code(p, "cycle");
  ASSERT_NE(d, nullptr) << all_text(p);
  EXPECT_NE(d->message.find("x → y → z → x"), std::string::npos) << d->message;
  EXPECT_EQ(count_code(p, "cycle"), 1u);
  EXPECT_TRUE(p.steps.empty());
}

TEST(Compiler, ReportsEveryErrorAtOnce) {
  json doc = {{"nodes",
               {node("a", "technicalIndicator", {{"indicator", "nope"}}),
                node("b", "condition", {{"condition", "bogus"}, {"lookback", 0}}),
                node("c", "logic", {{"inputs", 2}})}},
              {"edges", {edge("a", "b", "output-1"), edge("b", "c", "signal-output", "input-0")}}};
  const Plan p = compile_doc(doc);
  EXPECT_NE(find_code(p, "no_data_source"), nullptr);
  EXPECT_NE(find_code(p, "unknown_indicator"), nullptr);
  EXPECT_NE(find_code(p, "parameter_out_of_range"), nullptr);
  EXPECT_NE(find_code(p, "logic_missing_inputs"), nullptr);
  EXPECT_NE(find_code(p, "missing_input"), nullptr);  // the indicator has no data
}

TEST(Compiler, SharesIdenticalIndicators) {
  json doc = {
      {"nodes",
       {node("data", "dataSource", {}),
        node("s1", "technicalIndicator", {{"indicator", "SMA"}, {"period", 10}}),
        node("s2", "technicalIndicator",
             {{"indicator", "sma"}, {"period", 10}, {"outputType", "main"}}),
        node("s3", "technicalIndicator", {{"indicator", "SMA"}, {"period", 11}}),
        node("c", "condition", {{"condition", "crossover"}}),
        node("c2", "condition", {{"condition", "greater_than"}}),
        node("g", "logic", {{"operation", "OR"}}), node("buy", "action", {})}},
      {"edges",
       {edge("data", "s1"), edge("data", "s2"), edge("data", "s3"),
        edge("s2", "c", "output-1", "data-input"), edge("s3", "c", "output-1", "value-input"),
        edge("s1", "c2", "output-1"), edge("c", "g", "signal-output", "input-0"),
        edge("c2", "g", "signal-output", "input-1"), edge("g", "buy")}}};
  const Plan p = compile_doc(doc);
  ASSERT_TRUE(p.ok()) << all_text(p);
  // s1 and s2 are the same SMA(10) on the same bars: one step, s2 merged into s1.
  EXPECT_EQ(p.step_of_node.at("s1"), p.step_of_node.at("s2"));
  EXPECT_EQ(step(p, "s1").merged_nodes, std::vector<std::string>({"s2"}));
  EXPECT_NE(p.step_of_node.at("s1"), p.step_of_node.at("s3"));
  EXPECT_EQ(p.steps.size(), 7u);  // 8 nodes, one shared
  // c read s2: now it reads s1's column.
  EXPECT_EQ(step(p, "c").inputs[0].column, "s1.sma");
  EXPECT_EQ(step(p, "c").inputs[0].step, p.step_of_node.at("s1"));
  EXPECT_NE(find_code(p, "shared_computation"), nullptr);
}

TEST(Compiler, HashesDependOnContentNotNodeIds) {
  auto plan_with = [](const std::string& id, int period) {
    return compile_doc(single_indicator({{"indicator", "RSI"}, {"period", period}}));
    (void)id;
  };
  const Plan a = plan_with("a", 14), b = plan_with("b", 14), c = plan_with("c", 15);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a.steps[1].hash, b.steps[1].hash);
  EXPECT_NE(a.steps[1].hash, c.steps[1].hash);
  // The condition's hash changes with its input's.
  EXPECT_NE(a.steps[2].hash, c.steps[2].hash);
  json renamed = single_indicator({{"indicator", "RSI"}, {"period", 14}});
  renamed["nodes"][1]["id"] = "other";
  renamed["edges"][0]["target"] = "other";
  renamed["edges"][1]["source"] = "other";
  const Plan r = compile_doc(renamed);
  ASSERT_TRUE(r.ok()) << all_text(r);
  EXPECT_EQ(r.steps[1].hash, a.steps[1].hash);
}

TEST(Compiler, Fnv1aKnownValues) {
  // FNV-1a 64 reference values (offset basis; "a" from the FNV test suite).
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
}

TEST(Compiler, DropsDeadNodesWithInfo) {
  json doc = single_indicator({{"indicator", "RSI"}});
  doc["nodes"].push_back(node("atr", "technicalIndicator", {{"indicator", "ATR"}}));
  doc["edges"].push_back(edge("data", "atr"));
  const Plan p = compile_doc(doc);
  ASSERT_TRUE(p.ok()) << all_text(p);
  EXPECT_EQ(p.steps.size(), 4u);
  EXPECT_EQ(p.step_of_node.count("atr"), 0u);
  const Diagnostic* d = find_code(p, "dead_node");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->node_id, "atr");
  EXPECT_EQ(d->severity, Severity::kInfo);
  // Without optimisation the node stays.
  CompileOptions keep;
  keep.optimize = false;
  EXPECT_EQ(compile_doc(doc, keep).steps.size(), 5u);
}

TEST(Compiler, LabelIntoFeatureIsLeakage) {
  json doc = {
      {"nodes",
       {node("data", "dataSource", {}), node("y", "label", {{"labelType", "forward_return"}}),
        node("f", "feature", {{"transform", "lag"}}), node("m", "model", {})}},
      {"edges",
       {edge("data", "y"), edge("y", "f", "label-output"),
        edge("f", "m", "output", "features-input"),
        edge("y", "m", "label-output", "label-input")}}};
  const Plan p = compile_doc(doc);
  const Diagnostic* d = find_code(p, "lookahead_leakage");
  ASSERT_NE(d, nullptr) << all_text(p);
  EXPECT_EQ(d->node_id, "f");
  EXPECT_NE(d->message.find("y → f"), std::string::npos) << d->message;
  EXPECT_EQ(count_code(p, "lookahead_leakage"), 1u);
}

TEST(Compiler, LabelOnlyIntoModelIsFine) {
  json doc = {{"nodes",
               {node("data", "dataSource", {}), node("y", "label", {{"labelType", "direction"}}),
                node("f", "feature", {{"transform", "returns"}}), node("m", "model", {})}},
              {"edges",
               {edge("data", "y"), edge("data", "f"), edge("f", "m", "output", "features-input"),
                edge("y", "m", "label-output", "label-input")}}};
  const Plan p = compile_doc(doc);
  EXPECT_TRUE(p.ok()) << all_text(p);
  EXPECT_EQ(step(p, "y").transform->name, "direction");
  EXPECT_TRUE(step(p, "y").transform->reads_future);
}

TEST(Compiler, TypeMismatchNamesBothEnds) {
  json doc = single_indicator({{"indicator", "RSI"}});
  doc["edges"][2] = edge("ind", "buy", "output-1", "signal-input");
  const Plan p = compile_doc(doc);
  const Diagnostic* d = find_code(p, "type_mismatch");
  ASSERT_NE(d, nullptr) << all_text(p);
  EXPECT_NE(d->message.find("numeric"), std::string::npos);
  EXPECT_NE(d->message.find("signal"), std::string::npos);
  EXPECT_FALSE(d->suggestion.empty());
}

TEST(Compiler, LogicNeedsAllItsInputs) {
  json doc = single_indicator({{"indicator", "RSI"}});
  doc["nodes"].push_back(node("g", "logic", {{"operation", "AND"}, {"inputs", 3}}));
  doc["edges"][2] = edge("c", "g", "signal-output", "input-0");
  doc["edges"].push_back(edge("g", "buy"));
  const Plan p = compile_doc(doc);
  EXPECT_NE(find_code(p, "logic_missing_inputs"), nullptr) << all_text(p);
}

TEST(Compiler, CodeInjectionInStringsIsAnError) {
  json doc = single_indicator({{"indicator", "RSI"}});
  doc["nodes"][0]["data"]["parameters"]["symbol"] = "AAPL; eval(open('x').read())";
  const Plan p = compile_doc(doc);
  const Diagnostic* d = find_code(p, "code_injection");
  ASSERT_NE(d, nullptr) << all_text(p);
  EXPECT_EQ(d->pointer, "/nodes/0/data/parameters/symbol");
}

TEST(Compiler, SentimentNeedsDataNobodyHas) {
  json doc = single_indicator({{"indicator", "RSI"}});
  doc["nodes"].push_back(node("s", "sentimentAnalysis", {}));
  doc["edges"].push_back(edge("data", "s"));
  EXPECT_NE(find_code(compile_doc(doc), "sentiment_unavailable"), nullptr);
}

TEST(Compiler, UnavailableConditionKindsAreErrors) {
  for (const engine::ConditionSpec& c : engine::condition_specs()) {
    if (c.unavailable_reason.empty()) continue;
    json doc = single_indicator({{"indicator", "RSI"}});
    doc["nodes"][2]["data"]["parameters"]["condition"] = c.name;
    const Plan p = compile_doc(doc);
    const Diagnostic* d = find_code(p, "condition_unavailable");
    ASSERT_NE(d, nullptr) << c.name;
    EXPECT_NE(d->message.find(c.unavailable_reason), std::string::npos);
    return;
  }
  GTEST_SKIP() << "no condition kind is marked unavailable";
}

TEST(Compiler, NoDataSourceIsAnErrorNoSinkAWarning) {
  json doc = {{"nodes", {node("i", "technicalIndicator", {})}}, {"edges", json::array()}};
  Plan p = compile_doc(doc);
  EXPECT_NE(find_code(p, "no_data_source"), nullptr);
  doc = {{"nodes", {node("d", "dataSource", {})}}, {"edges", json::array()}};
  p = compile_doc(doc);
  EXPECT_TRUE(p.ok()) << all_text(p);
  const Diagnostic* d = find_code(p, "no_action");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::kWarning);
}

TEST(Compiler, NeverCrashesOnOddInput) {
  for (const char* text : {"", "[]", "{}", "{\"nodes\": 3}", "{\"nodes\": [1, null, {}]}",
                           "{\"nodes\": [{\"id\": \"a\", \"type\": \"technicalIndicator\", "
                           "\"data\": {\"parameters\": {\"indicator\": 5, \"period\": [1]}}}]}",
                           "{\"nodes\": [{\"id\": \"a\", \"type\": \"logic\", \"data\": "
                           "{\"parameters\": {\"inputs\": \"many\"}}}], \"edges\": "
                           "[{\"source\": \"a\", \"target\": \"a\"}]}"}) {
    const Plan p = compile_json(text);
    EXPECT_FALSE(p.ok()) << text;
    EXPECT_EQ(find_code(p, "internal_error"), nullptr) << text << "\n" << all_text(p);
    EXPECT_EQ(find_code(p, "internal_invariant"), nullptr) << text << "\n" << all_text(p);
  }
}

}  // namespace
}  // namespace nocode::workflow
