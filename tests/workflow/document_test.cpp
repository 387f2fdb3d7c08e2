// Workflow documents: the 25 shared examples (expected counts and handles
// read from the files by hand), envelopes, handle precedence, legacy and flat
// dialects, and structural errors with their JSON pointers.
#include "workflow/document.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_data.h"

namespace nocode::workflow {
namespace {

using json = nlohmann::json;

std::string examples_dir() { return testing::shared_data_dir() + "/../editor/examples"; }

Document load_ok(const std::string& file, Diagnostics* out = nullptr) {
  Diagnostics diags;
  Result<Document> r = load_document(examples_dir() + "/" + file, diags);
  EXPECT_TRUE(r.is_ok()) << file << ": " << r.status().to_string();
  if (out != nullptr) *out = diags;
  return r.is_ok() ? std::move(r).value() : Document{};
}

Document parse_ok(const json& j, Diagnostics& diags) {
  Result<Document> r = parse_document(j, diags);
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? std::move(r).value() : Document{};
}

// The first diagnostic with `code`, or nullptr.
const Diagnostic* find_diag(const Diagnostics& diags, const std::string& code) {
  for (const Diagnostic& d : diags.all()) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

std::string all_text(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.all()) out += to_string(d) + "\n";
  return out;
}

void expect_handles(const Edge& e, const std::string& source, const std::string& src_handle,
                    const std::string& target, const std::string& dst_handle) {
  EXPECT_EQ(e.source, source) << e.pointer;
  EXPECT_EQ(e.source_handle, src_handle) << e.pointer;
  EXPECT_EQ(e.target, target) << e.pointer;
  EXPECT_EQ(e.target_handle, dst_handle) << e.pointer;
}

// Node count read straight from the file (independent of the parser).
size_t raw_node_count(const std::string& path) {
  std::ifstream in(path);
  json j = json::parse(in);
  if (j.contains("workflow_data")) j = j["workflow_data"];
  return j["nodes"].size();
}

TEST(Document, EveryExampleParses) {
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(examples_dir())) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    Diagnostics diags;
    Result<Document> r = load_document(entry.path().string(), diags);
    ASSERT_TRUE(r.is_ok()) << name << ": " << r.status().to_string();
    EXPECT_EQ(r->nodes.size(), raw_node_count(entry.path().string())) << name;
    // Only the two negative / odd examples carry errors (see below).
    bool expect_errors = name == "test_enhanced_compiler_no_datasource.json" ||
                         name == "test_code_generator_full_chain.json";
    EXPECT_EQ(diags.has_errors(), expect_errors) << name << "\n" << all_text(diags);
  }
  EXPECT_EQ(files, 25u);
}

TEST(Document, RealEditorExport) {
  Diagnostics diags;
  Document doc = load_ok("editor_export_fixture_simple_workflow.json", &diags);
  EXPECT_EQ(doc.dialect, "editor");
  ASSERT_EQ(doc.nodes.size(), 16u);
  ASSERT_EQ(doc.edges.size(), 19u);
  EXPECT_TRUE(diags.all().empty()) << all_text(diags);
  // Hand-read from the file: the BB node's lower band feeds the crossunder.
  expect_handles(doc.edges[1], "technicalIndicator-1754028721500", "output-3",
                 "condition-1754028183612", "data-input");
  expect_handles(doc.edges[16], "logic-1754032806219", "output", "logic-1754032819184", "input-1");
  expect_handles(doc.edges[18], "logic-1754032819184", "output", "action-1754032872176",
                 "signal-input");
  EXPECT_EQ(doc.edges[1].source_handle_pointer, "/edges/1/sourceHandle");
  // Every edge's handles are the top-level ones of the file.
  std::ifstream in(examples_dir() + "/editor_export_fixture_simple_workflow.json");
  json raw = json::parse(in);
  for (size_t i = 0; i < doc.edges.size(); ++i) {
    EXPECT_EQ(doc.edges[i].source_handle, raw["edges"][i]["sourceHandle"]);
    EXPECT_EQ(doc.edges[i].target_handle, raw["edges"][i]["targetHandle"]);
  }
  const Node* adx = doc.find_node("technicalIndicator-1754015735164");
  ASSERT_NE(adx, nullptr);
  EXPECT_EQ(adx->params["indicator"], "ADX");
  EXPECT_EQ(adx->label, "ADX");
  EXPECT_EQ(adx->params_pointer, "/nodes/1/data/parameters");
}

TEST(Document, HandlesOnlyInEdgeData) {
  Document doc = load_ok("my_test_workflow.json");
  ASSERT_EQ(doc.nodes.size(), 8u);
  ASSERT_EQ(doc.edges.size(), 8u);
  EXPECT_EQ(doc.find_node("risk-mgmt")->type, "risk");
  EXPECT_EQ(doc.find_node("risk-mgmt")->raw_type, "riskManagement");
  expect_handles(doc.edges[3], "bb-20", "output-3", "bb-touch", "data-input");
  expect_handles(doc.edges[5], "bb-touch", "signal-output", "buy-signal", "input-1");
  EXPECT_EQ(doc.edges[3].source_handle_pointer, "/edges/3/data/sourceHandle");
  EXPECT_EQ(doc.edges[0].id, "edge-0");  // the file has no edge ids
  EXPECT_EQ(doc.config["model"]["type"], "gradient_boosting");

  Document a = load_ok("simple_test_workflow_a.json");
  ASSERT_EQ(a.edges.size(), 3u);
  expect_handles(a.edges[1], "rsi-1", "output-1", "condition-1", "data-input");
  Document b = load_ok("simple_test_workflow_b.json");
  ASSERT_EQ(b.nodes.size(), 4u);
  EXPECT_EQ(b.nodes[0].label, "");
  expect_handles(b.edges[2], "condition-1", "signal-output", "action-1", "signal-input");
}

TEST(Document, HandlesBothTopLevelAndData) {
  Document doc = load_ok("test_enhanced_compiler_basic.json");
  ASSERT_EQ(doc.nodes.size(), 8u);
  ASSERT_EQ(doc.edges.size(), 8u);
  EXPECT_EQ(doc.edges[4].source_handle_pointer, "/edges/4/sourceHandle");  // top level wins
  expect_handles(doc.edges[5], "condition-2", "signal-output", "logic-1", "input-1");
  expect_handles(doc.edges[7], "dataSource-1", "data-output", "riskManagement-1", "data-input");
  EXPECT_FALSE(doc.config.empty());
}

TEST(Document, InfersAbsentHandles) {
  Document doc = load_ok("test_enhanced_compiler_complex.json");
  ASSERT_EQ(doc.nodes.size(), 13u);
  ASSERT_EQ(doc.edges.size(), 14u);
  // By hand: condition-2 gets the dataset first (data-input), then BB (value-input).
  expect_handles(doc.edges[3], "customDataset-1", "data-output", "condition-2", "data-input");
  expect_handles(doc.edges[5], "technicalIndicator-2", "output-1", "condition-2", "value-input");
  expect_handles(doc.edges[9], "condition-3", "signal-output", "logic-2", "input-0");
  expect_handles(doc.edges[10], "logic-1", "output", "logic-2", "input-1");
  expect_handles(doc.edges[13], "dataSource-1", "data-output", "riskManagement-1", "data-input");
  EXPECT_EQ(doc.edges[3].source_handle_pointer, "/edges/3");

  Document fixture = load_ok("fixture_simple_workflow_v1.json");
  ASSERT_EQ(fixture.edges.size(), 3u);
  expect_handles(fixture.edges[1], "1", "data-output", "3", "data-input");
  expect_handles(fixture.edges[2], "2", "output-1", "3", "value-input");
  EXPECT_EQ(fixture.find_node("3")->params, json({{"condition", ">"}, {"value", 100}}));
}

TEST(Document, TemplateNamedHandles) {
  Document ma = load_ok("frontend_template_moving-average-crossover.json");
  EXPECT_EQ(ma.dialect, "template");
  EXPECT_EQ(ma.name, "Moving Average Crossover");
  ASSERT_EQ(ma.edges.size(), 5u);
  expect_handles(ma.edges[3], "slow-ma", "output-1", "crossover-condition", "value-input");
  EXPECT_EQ(ma.edges[3].raw_source_handle, "value-output");

  Document bb = load_ok("frontend_template_bollinger-bands-mean-reversion.json");
  expect_handles(bb.edges[2], "bb-indicator", "output-3", "lower-touch", "value-input");
  expect_handles(bb.edges[4], "bb-indicator", "output-1", "upper-touch", "value-input");

  Document macd = load_ok("frontend_template_macd-momentum.json");
  expect_handles(macd.edges[1], "macd-indicator", "output-1", "signal-crossover", "data-input");
  expect_handles(macd.edges[2], "macd-indicator", "output-2", "signal-crossover", "value-input");
  expect_handles(macd.edges[3], "macd-indicator", "output-3", "histogram-positive", "data-input");
  expect_handles(macd.edges[4], "signal-crossover", "signal-output", "and-gate", "input-0");
  expect_handles(macd.edges[5], "histogram-positive", "signal-output", "and-gate", "input-1");
  EXPECT_EQ(macd.edges[4].target_handle_pointer, "/edges/4/targetHandle");

  Document brk = load_ok("frontend_template_breakout-trend-following.json");
  expect_handles(brk.edges[5], "donchian-indicator", "output-3", "lower-breakout", "value-input");
  expect_handles(brk.edges[6], "adx-indicator", "output-1", "adx-filter", "data-input");
  expect_handles(brk.edges[10], "adx-filter", "signal-output", "sell-and-gate", "input-1");

  Document stoch = load_ok("frontend_template_stochastic-mean-reversion.json");
  expect_handles(stoch.edges[1], "stoch-indicator", "output-1", "oversold-condition", "data-input");

  Document risk = load_ok("frontend_template_portfolio-risk-management.json");
  expect_handles(risk.edges[6], "position-sizing", "risk-output", "safe-entry", "risk-input");
}

TEST(Document, LegacySeedDialect) {
  Document sma = load_ok("seed_template_basic_sma_strategy.json");
  EXPECT_EQ(sma.dialect, "legacy");
  ASSERT_EQ(sma.nodes.size(), 4u);
  EXPECT_EQ(sma.nodes[0].type, "dataSource");
  EXPECT_EQ(sma.nodes[1].type, "technicalIndicator");
  EXPECT_EQ(sma.nodes[1].params["indicator"], "SMA");          // from data.component sma_indicator
  EXPECT_EQ(sma.nodes[3].params["condition"], "cross_above");  // operator -> condition
  expect_handles(sma.edges[2], "sma_20", "output-1", "buy_signal", "data-input");
  expect_handles(sma.edges[3], "sma_50", "output-1", "buy_signal", "value-input");

  Document rsi = load_ok("seed_template_rsi_mean_reversion.json");
  EXPECT_EQ(rsi.find_node("rsi-1")->type, "technicalIndicator");
  EXPECT_EQ(rsi.find_node("rsi-1")->params["indicator"], "RSI");
  EXPECT_EQ(rsi.find_node("buy-condition-1")->params, json({{"condition", "<"}, {"value", 30}}));
  EXPECT_EQ(rsi.find_node("sell-action-1")->type, "action");
  EXPECT_EQ(rsi.find_node("sell-action-1")->params["action"], "sell");

  Document ma = load_ok("seed_template_ma_crossover.json");
  EXPECT_EQ(ma.find_node("buy-action-1")->params["action"], "buy");
  expect_handles(ma.edges[3], "sma-slow-1", "output-1", "crossover-condition-1", "value-input");

  Document sample = load_ok("legacy_create_sample_workflow.json");
  EXPECT_EQ(sample.find_node("signal_1")->type, "action");
  EXPECT_EQ(sample.find_node("signal_1")->params["action"], "buy");
  EXPECT_EQ(sample.find_node("indicator_1")->params["indicator"], "sma");  // value kept
  EXPECT_EQ(sample.find_node("condition_1")->params["condition"], "greater_than");

  Document first = load_ok("seed_workflow_my_first_strategy.json");
  EXPECT_EQ(first.nodes[1].raw_type, "sma_indicator");
}

TEST(Document, FlatAimlDialect) {
  Document doc = load_ok("aiml_dialect_execution_modes.json");
  EXPECT_EQ(doc.dialect, "flat");
  const Node& ds = *doc.find_node("data-source-1");
  EXPECT_EQ(ds.params["bars"], 1000);  // lookback_periods
  EXPECT_FALSE(ds.params.contains("lookback_periods"));
  EXPECT_EQ(ds.params_pointer, "/nodes/0/data");
  const Node& macd = *doc.find_node("macd-indicator-1");
  EXPECT_EQ(macd.params["fastPeriod"], 12);
  EXPECT_EQ(macd.params["slowPeriod"], 26);
  EXPECT_EQ(macd.params["signalPeriod"], 9);
  EXPECT_EQ(doc.find_node("rsi-indicator-1")->params["indicator"], "rsi");
  EXPECT_EQ(doc.find_node("rsi-buy-condition")->params["condition"], "<");
  EXPECT_EQ(doc.find_node("rsi-buy-condition")->params["value"], 30);
  EXPECT_EQ(doc.find_node("logic-and-buy")->params["operation"], "AND");
  EXPECT_EQ(doc.find_node("buy-action-1")->params["action"], "buy");  // action_type
  expect_handles(doc.edges[6], "macd-bullish-condition", "signal-output", "logic-and-buy",
                 "input-1");
  expect_handles(doc.edges[9], "risk-management-1", "risk-output", "buy-action-1", "risk-input");

  Document tp = load_ok("aiml_dialect_training_pipeline.json");
  EXPECT_EQ(tp.find_node("bb-indicator")->params["multiplier"], 2);  // std_dev
  expect_handles(tp.edges[5], "trend-strong", "signal-output", "enter-long", "signal-input");
}

json minimal_graph() {
  return json::parse(R"({"nodes":[
    {"id":"ds","type":"dataSource","data":{"parameters":{"symbol":"AAPL"}}},
    {"id":"rsi","type":"technicalIndicator","data":{"parameters":{"indicator":"RSI"}}},
    {"id":"c","type":"condition","data":{"parameters":{"condition":"less_than","value":30}}}],
   "edges":[
    {"id":"e1","source":"ds","target":"rsi","sourceHandle":"data-output","targetHandle":"data-input"},
    {"id":"e2","source":"rsi","target":"c"}]})");
}

TEST(Document, Envelopes) {
  Diagnostics diags;
  json save = {{"name", "My strategy"},
               {"description", "d"},
               {"workflow_data", minimal_graph()},
               {"category", "custom"},
               {"execution_mode", "backtest"}};
  Document s = parse_ok(save, diags);
  EXPECT_EQ(s.name, "My strategy");
  EXPECT_EQ(s.description, "d");
  EXPECT_EQ(s.graph_pointer, "/workflow_data");
  EXPECT_EQ(s.nodes[1].pointer, "/workflow_data/nodes/1");
  EXPECT_EQ(s.edges[1].pointer, "/workflow_data/edges/1");
  expect_handles(s.edges[1], "rsi", "output-1", "c", "data-input");

  json exported = save;
  exported["parameters"] = {{"fast", 10}};
  exported["created_at"] = "2025-08-01T00:00:00Z";
  EXPECT_EQ(parse_ok(exported, diags).parameters["fast"], 10);

  json aiml = {{"workflow_definition", minimal_graph()},
               {"workflow_name", "wf"},
               {"generated_by", "no_code_workflow"}};
  Document a = parse_ok(aiml, diags);
  EXPECT_EQ(a.name, "wf");
  EXPECT_EQ(a.graph_pointer, "/workflow_definition");
  EXPECT_EQ(a.edges.size(), 2u);
  EXPECT_FALSE(diags.has_errors()) << all_text(diags);

  // The real export fixture wrapped in a save envelope reads the same.
  std::ifstream in(examples_dir() + "/editor_export_fixture_simple_workflow.json");
  json wrapped = {{"name", "x"}, {"workflow_data", json::parse(in)}};
  Document w = parse_ok(wrapped, diags);
  Document bare = load_ok("editor_export_fixture_simple_workflow.json");
  ASSERT_EQ(w.edges.size(), bare.edges.size());
  for (size_t i = 0; i < w.edges.size(); ++i) {
    EXPECT_EQ(w.edges[i].source_handle, bare.edges[i].source_handle);
    EXPECT_EQ(w.edges[i].target_handle, bare.edges[i].target_handle);
  }
}

json one_edge(const json& edge) {
  json g = minimal_graph();
  g["edges"] = json::array({edge});
  return g;
}

TEST(Document, HandlePrecedenceTopLevelThenDataThenRule) {
  Diagnostics diags;
  json e = {{"source", "rsi"},
            {"target", "c"},
            {"sourceHandle", "output-2"},
            {"data", {{"sourceHandle", "output-3"}, {"rule", {{"sourceHandle", "output-4"}}}}}};
  Document d1 = parse_ok(one_edge(e), diags);
  EXPECT_EQ(d1.edges[0].source_handle, "output-2");
  EXPECT_EQ(d1.edges[0].source_handle_pointer, "/edges/0/sourceHandle");
  e["sourceHandle"] = nullptr;  // the editor writes null for "none"
  Document d2 = parse_ok(one_edge(e), diags);
  EXPECT_EQ(d2.edges[0].source_handle, "output-3");
  EXPECT_EQ(d2.edges[0].source_handle_pointer, "/edges/0/data/sourceHandle");
  e["data"].erase("sourceHandle");
  Document d3 = parse_ok(one_edge(e), diags);
  EXPECT_EQ(d3.edges[0].source_handle, "output-4");
  EXPECT_EQ(d3.edges[0].source_handle_pointer, "/edges/0/data/rule/sourceHandle");
  EXPECT_FALSE(diags.has_errors()) << all_text(diags);
}

TEST(Document, StaleSourceNodeSnapshotIsIgnored) {
  Diagnostics diags;
  json e = {{"source", "rsi"},
            {"target", "c"},
            {"sourceHandle", "output-1"},
            {"data",
             {{"sourceNode",
               {{"id", "elsewhere"},
                {"type", "action"},
                {"data", {{"parameters", {{"indicator", "MACD"}}}}}}},
              {"targetNode", "garbage"}}}};
  Document d = parse_ok(one_edge(e), diags);
  expect_handles(d.edges[0], "rsi", "output-1", "c", "data-input");
  EXPECT_EQ(d.find_node("rsi")->params["indicator"], "RSI");
  EXPECT_TRUE(diags.all().empty()) << all_text(diags);
}

TEST(Document, DuplicateNodeIdIsAnError) {
  Diagnostics diags;
  json g = minimal_graph();
  g["nodes"].push_back({{"id", "rsi"}, {"type", "condition"}});
  Document d = parse_ok(g, diags);
  const Diagnostic* dup = find_diag(diags, "duplicate_node_id");
  ASSERT_NE(dup, nullptr);
  EXPECT_EQ(dup->pointer, "/nodes/3/id");
  EXPECT_EQ(dup->node_id, "rsi");
  EXPECT_NE(dup->message.find("/nodes/1"), std::string::npos);
  EXPECT_EQ(d.nodes.size(), 3u);
}

TEST(Document, UnknownEdgeEndpointIsAnError) {
  Diagnostics diags;
  Document d = parse_ok(one_edge({{"source", "rsi"}, {"target", "cc"}}), diags);
  const Diagnostic* bad = find_diag(diags, "unknown_edge_endpoint");
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->pointer, "/edges/0/target");
  EXPECT_EQ(bad->suggestion.rfind("did you mean 'c'", 0), 0u) << bad->suggestion;
  EXPECT_TRUE(d.edges.empty());

  Diagnostics missing;
  (void)parse_ok(one_edge({{"target", "c"}}), missing);
  ASSERT_NE(find_diag(missing, "missing_edge_endpoint"), nullptr);
  EXPECT_EQ(find_diag(missing, "missing_edge_endpoint")->pointer, "/edges/0/source");
}

TEST(Document, AmbiguousInferenceNamesTheEdge) {
  Diagnostics diags;
  json g = json::parse(R"({"nodes":[
    {"id":"ds","type":"dataSource"},
    {"id":"regime","type":"marketRegimeDetection"},
    {"id":"buy","type":"action"}],
   "edges":[{"source":"ds","target":"regime"},{"source":"regime","target":"buy"}]})");
  Document d = parse_ok(g, diags);
  const Diagnostic* amb = find_diag(diags, "ambiguous_handle");
  ASSERT_NE(amb, nullptr) << all_text(diags);
  EXPECT_EQ(amb->pointer, "/edges/1");
  EXPECT_EQ(amb->node_id, "regime");
  EXPECT_NE(amb->message.find("'trend-output'"), std::string::npos);
  EXPECT_NE(amb->message.find("'volatile-output'"), std::string::npos);
  EXPECT_EQ(d.edges[1].source_handle, "");
  EXPECT_EQ(d.edges[0].target_handle, "data-input");

  // A condition takes two handle-less edges; the third is ambiguous.
  Diagnostics three;
  json c = minimal_graph();
  c["edges"] = json::array({{{"source", "ds"}, {"target", "c"}},
                            {{"source", "rsi"}, {"target", "c"}},
                            {{"source", "rsi"}, {"target", "c"}}});
  Document cd = parse_ok(c, three);
  EXPECT_EQ(cd.edges[0].target_handle, "data-input");
  EXPECT_EQ(cd.edges[1].target_handle, "value-input");
  ASSERT_NE(find_diag(three, "ambiguous_handle"), nullptr);
  EXPECT_EQ(find_diag(three, "ambiguous_handle")->pointer, "/edges/2");
}

TEST(Document, NotJsonReportsLineAndColumn) {
  Diagnostics diags;
  Result<Document> r = parse_document("{\"nodes\": [\n  {\"id\": 1,}\n]}", diags);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().kind(), ErrorKind::kParse);
  const Diagnostic* d = find_diag(diags, "invalid_json");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->pointer, "");
  EXPECT_NE(d->message.find("line 2, column 12"), std::string::npos) << d->message;

  Diagnostics empty;
  EXPECT_FALSE(parse_document(std::string(), empty).is_ok());
  ASSERT_NE(find_diag(empty, "invalid_json"), nullptr);
}

TEST(Document, NotAnObjectErrors) {
  Diagnostics root;
  EXPECT_FALSE(parse_document("[1, 2]", root).is_ok());
  ASSERT_NE(find_diag(root, "not_an_object"), nullptr);
  EXPECT_EQ(find_diag(root, "not_an_object")->pointer, "");

  Diagnostics no_nodes;
  EXPECT_FALSE(parse_document(R"({"workflow_data": {"nodes": 3}})", no_nodes).is_ok());
  ASSERT_NE(find_diag(no_nodes, "no_nodes"), nullptr);
  EXPECT_EQ(find_diag(no_nodes, "no_nodes")->pointer, "/workflow_data/nodes");

  Diagnostics node;
  json g = minimal_graph();
  g["nodes"][0] = 42;
  g["edges"][1] = "e";
  Document d = parse_ok(g, node);
  ASSERT_NE(find_diag(node, "node_not_object"), nullptr);
  EXPECT_EQ(find_diag(node, "node_not_object")->pointer, "/nodes/0");
  ASSERT_NE(find_diag(node, "edge_not_object"), nullptr);
  EXPECT_EQ(find_diag(node, "edge_not_object")->pointer, "/edges/1");
  EXPECT_EQ(d.nodes.size(), 2u);
}

TEST(Document, UnknownHandlesAndTypes) {
  Diagnostics diags;
  json g = minimal_graph();
  g["nodes"].push_back({{"id", "x"}, {"type", "technicalIndicatr"}});
  g["edges"].push_back({{"source", "rsi"}, {"target", "c"}, {"sourceHandle", "output-9"}});
  Document d = parse_ok(g, diags);
  const Diagnostic* h = find_diag(diags, "unknown_handle");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->pointer, "/edges/2/sourceHandle");
  EXPECT_NE(h->message.find("'output-1'"), std::string::npos);
  const Diagnostic* t = find_diag(diags, "unknown_node_type");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->severity, Severity::kWarning);
  EXPECT_EQ(t->pointer, "/nodes/3/type");
  EXPECT_EQ(t->suggestion, "did you mean 'technicalIndicator'?");
  EXPECT_EQ(d.find_node("x")->type, "technicalIndicatr");  // passed through
}

TEST(Document, LogicInputTakesTheNextFreeIndex) {
  Diagnostics diags;
  json g = json::parse(R"({"nodes":[
    {"id":"a","type":"condition"},{"id":"b","type":"condition"},{"id":"g","type":"logic"}],
   "edges":[{"source":"a","target":"g","targetHandle":"input"},
            {"source":"b","target":"g","targetHandle":"input-0"}]})");
  Document d = parse_ok(g, diags);
  EXPECT_EQ(d.edges[0].target_handle, "input-1");  // input-0 is taken explicitly later
  EXPECT_EQ(d.edges[1].target_handle, "input-0");
  EXPECT_EQ(d.edges[0].raw_target_handle, "input");
}

TEST(Document, LegacyHandleNames) {
  Diagnostics diags;
  json g = json::parse(R"({"nodes":[
    {"id":"dmi","type":"technicalIndicator","data":{"parameters":{"indicator":"DMI"}}},
    {"id":"c","type":"condition"},{"id":"buy","type":"action"}],
   "edges":[{"source":"dmi","target":"c","sourceHandle":"adx-output","targetHandle":"data-input"},
            {"source":"dmi","target":"c","sourceHandle":"dmi_minus-output","targetHandle":"value-input"},
            {"source":"c","target":"buy","sourceHandle":"signal-output","targetHandle":"trigger-input"}]})");
  Document d = parse_ok(g, diags);
  EXPECT_EQ(d.edges[0].source_handle, "output-3");  // ADX is DMI's third line
  EXPECT_EQ(d.edges[1].source_handle, "output-2");
  EXPECT_EQ(d.edges[2].target_handle, "signal-input");
  EXPECT_FALSE(diags.has_errors()) << all_text(diags);
  EXPECT_EQ(d.dialect, "template");
}

TEST(Document, LegacyParamRenamesKeepValuesAndEditorKeysWin) {
  Diagnostics diags;
  json g = json::parse(R"({"nodes":[
    {"id":"c","type":"condition","data":{"parameters":{"operator":">","condition":"less_than","threshold":5}}},
    {"id":"a","type":"action","data":{"parameters":{"takeProfit":3,"stopLoss":1,"positionSize":7}}},
    {"id":"r","type":"risk","data":{"parameters":{"positionSize":7}}},
    {"id":"i","type":"technicalIndicator","data":{"parameters":{"timeperiod":9,"std_dev":2.5}}}]})");
  Document d = parse_ok(g, diags);
  EXPECT_EQ(d.find_node("c")->params,
            json({{"operator", ">"}, {"condition", "less_than"}, {"value", 5}}));
  const Diagnostic* w = find_diag(diags, "legacy_param_shadowed");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->pointer, "/nodes/0/data/parameters/operator");
  EXPECT_EQ(d.find_node("a")->params,
            json({{"take_profit", 3}, {"stop_loss", 1}, {"quantity", 7}}));
  EXPECT_EQ(d.find_node("r")->params, json({{"positionSize", 7}}));  // a real risk parameter
  EXPECT_EQ(d.find_node("i")->params, json({{"period", 9}, {"multiplier", 2.5}}));
}

TEST(Document, SignalIsTheMlNodeUnlessLegacy) {
  Diagnostics diags;
  json g = json::parse(R"({"nodes":[
    {"id":"s","type":"signal","data":{"parameters":{"longThreshold":0.6}}},
    {"id":"old","type":"signal","data":{"signal_type":"sell"}}]})");
  Document d = parse_ok(g, diags);
  EXPECT_EQ(d.find_node("s")->type, "signal");
  EXPECT_EQ(d.find_node("old")->type, "action");
  EXPECT_EQ(d.find_node("old")->params["action"], "sell");
}

TEST(Document, MlChainInfersHandlesByType) {
  Diagnostics diags;
  json g = json::parse(R"({"nodes":[
    {"id":"ds","type":"dataSource"},{"id":"f","type":"feature"},{"id":"l","type":"label"},
    {"id":"sp","type":"split"},{"id":"m","type":"model"},{"id":"s","type":"signal"},
    {"id":"bt","type":"backtest"}],
   "edges":[{"source":"ds","target":"f"},{"source":"ds","target":"l"},
            {"source":"f","target":"m"},{"source":"l","target":"m"},{"source":"sp","target":"m"},
            {"source":"m","target":"s"},{"source":"s","target":"bt"}]})");
  Document d = parse_ok(g, diags);
  EXPECT_FALSE(diags.has_errors()) << all_text(diags);
  expect_handles(d.edges[2], "f", "output", "m", "features-input");
  expect_handles(d.edges[3], "l", "label-output", "m", "label-input");
  expect_handles(d.edges[4], "sp", "split-output", "m", "split-input");
  expect_handles(d.edges[5], "m", "score-output", "s", "score-input");
  expect_handles(d.edges[6], "s", "signal-output", "bt", "signal-input");
}

TEST(Document, GeneratedIdsAndNumericIds) {
  Diagnostics diags;
  json g = json::parse(R"({"nodes":[{"type":"dataSource"},{"id":7,"type":"technicalIndicator"}],
                           "edges":[{"source":"node-0","target":7}]})");
  Document d = parse_ok(g, diags);
  ASSERT_EQ(d.nodes.size(), 2u);
  EXPECT_EQ(d.nodes[0].id, "node-0");
  EXPECT_EQ(d.nodes[1].id, "7");
  ASSERT_EQ(d.edges.size(), 1u);
  EXPECT_EQ(d.edges[0].id, "edge-0");
  expect_handles(d.edges[0], "node-0", "data-output", "7", "data-input");
}

TEST(Document, MissingFileIsAnIoError) {
  Diagnostics diags;
  Result<Document> r = load_document(examples_dir() + "/no_such_file.json", diags);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().kind(), ErrorKind::kIo);
}

TEST(Diagnostic, Formatting) {
  Diagnostic d;
  d.code = "unknown_indicator";
  d.node_id = "rsi-1";
  d.pointer = "/nodes/1/data/parameters/indicator";
  d.message = "unknown indicator 'rsy'";
  d.suggestion = "did you mean 'rsi'?";
  EXPECT_EQ(to_string(d),
            "error node 'rsi-1' (/nodes/1/data/parameters/indicator): unknown indicator 'rsy'; "
            "did you mean 'rsi'?");
  json j = to_json(d);
  EXPECT_EQ(j["severity"], "error");
  EXPECT_EQ(j["code"], "unknown_indicator");
  Diagnostics all;
  all.warning("w", "", "", "m");
  EXPECT_FALSE(all.has_errors());
  Diagnostics more;
  more.error("e", "", "", "m");
  all.append(more);
  EXPECT_TRUE(all.has_errors());
  EXPECT_EQ(to_string(all.all()[0]), "warning: m");
}

}  // namespace
}  // namespace nocode::workflow
