// Test helpers for the engine tests: plans built by hand (independent of the
// workflow compiler), tiny CSV files, and naive reference computations.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/conditions/condition.h"
#include "engine/engine.h"
#include "indicators/registry.h"
#include "support/run_command.h"
#include "transforms/transform.h"
#include "workflow/plan.h"

namespace nocode::engine::testing {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using workflow::DataType;
using workflow::InputBinding;
using workflow::OutputColumn;
using workflow::Plan;
using workflow::Step;
using workflow::StepKind;

// Writes date,open,high,low,close,volume rows, one a day from 2020-01-01
// (open = close, high = close + 1, low = close - 1 unless given).
inline std::string write_bars(const std::string& path, const std::vector<double>& close,
                              std::vector<double> high = {}, std::vector<double> low = {}) {
  std::ofstream out(path);
  out.precision(17);
  out << "Date,Open,High,Low,Close,Volume\n";
  for (size_t i = 0; i < close.size(); ++i) {
    const int day = static_cast<int>(i);
    char date[32];
    // 2020-01-01 + day (days < 300 keeps this simple: 2020 is a leap year).
    static const int kMonthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int m = 0, d = day;
    while (d >= kMonthDays[m]) d -= kMonthDays[m++];
    std::snprintf(date, sizeof date, "2020-%02d-%02d", m + 1, d + 1);
    const double h = high.empty() ? close[i] + 1 : high[i];
    const double l = low.empty() ? close[i] - 1 : low[i];
    out << date << "," << close[i] << "," << h << "," << l << "," << close[i] << ",1000\n";
  }
  return path;
}

// Builds a plan step by step; every step gets a canonical text from its kind,
// parameters and inputs (as the compiler's content hash would).
class PlanBuilder {
 public:
  size_t data(const std::string& id, nlohmann::json params = nlohmann::json::object()) {
    Step s = base(id, "dataSource", StepKind::kDataSource, std::move(params));
    s.outputs = {{"data-output", id, DataType::kOhlcv}};
    return add(std::move(s));
  }

  // One-output indicator by registry name, reading `column` of bars ("" = series).
  size_t indicator(const std::string& id, const std::string& name,
                   const std::vector<std::pair<std::string, double>>& params, size_t input,
                   const std::string& output = "data-output", const std::string& column = "close") {
    Step s = base(id, "technicalIndicator", StepKind::kIndicator, nlohmann::json(params));
    const auto* spec = indicators::builtin_registry().find(name);
    EXPECT_NE(spec, nullptr) << name;
    workflow::IndicatorBinding b;
    b.editor_name = name;
    b.spec = spec;
    b.params = indicators::resolve_params(*spec, params).value();
    b.input_columns.assign(spec->inputs.size(), column);
    for (size_t k = 0; k < spec->outputs.size(); ++k) {
      workflow::IndicatorOutput o;
      o.handle = "output-" + std::to_string(k + 1);
      o.spec = spec;
      o.params = b.params;
      o.output_index = k;
      o.column = id + "." + spec->outputs[k];
      s.outputs.push_back({o.handle, o.column, DataType::kNumeric});
      b.outputs.push_back(o);
    }
    s.indicator = b;
    s.inputs.push_back(bind("data-input", input, output));
    return add(std::move(s));
  }

  size_t condition(const std::string& id, const std::string& kind, ConditionParams p,
                   std::vector<InputBinding> inputs) {
    Step s = base(id, "condition", StepKind::kCondition,
                  {{"condition", kind}, {"value", p.value}, {"confirmationBars", p.confirmation_bars}});
    s.condition = find_condition(kind).value();
    s.condition_params = p;
    s.inputs = std::move(inputs);
    s.outputs = {{"signal-output", id, DataType::kSignal}};
    return add(std::move(s));
  }

  size_t logic(const std::string& id, const std::string& op, const std::vector<size_t>& in) {
    Step s = base(id, "logic", StepKind::kLogic, {{"operation", op}, {"inputs", in.size()}});
    for (size_t k = 0; k < in.size(); ++k)
      s.inputs.push_back(bind("input-" + std::to_string(k), in[k], "signal-output"));
    s.outputs = {{"output", id, DataType::kSignal}};
    return add(std::move(s));
  }

  size_t action(const std::string& id, const std::string& action, size_t in,
                const std::string& output = "signal-output") {
    Step s = base(id, "action", StepKind::kAction, {{"action", action}});
    s.inputs.push_back(bind("signal-input", in, output));
    return add(std::move(s));
  }

  // A feature or label by transform name over the bars of `input`.
  size_t transform(const std::string& id, StepKind kind, const std::string& name,
                   nlohmann::json params, std::vector<size_t> inputs) {
    Step s = base(id, kind == StepKind::kLabel ? "label" : "feature", kind, params);
    s.transform = transforms::builtin_registry().find(name);
    EXPECT_NE(s.transform, nullptr) << name;
    s.transform_params = transforms::resolve_params(*s.transform, params).value();
    for (size_t in : inputs)
      s.inputs.push_back(bind("data-input", in, plan.steps[in].outputs.front().handle));
    const std::string handle = kind == StepKind::kLabel ? "label-output" : "output";
    s.outputs = {{handle, id, kind == StepKind::kLabel ? DataType::kLabel : DataType::kNumeric}};
    return add(std::move(s));
  }

  // Any other step: type, kind, params, inputs {handle, step, output}, outputs.
  size_t generic(const std::string& id, const std::string& type, StepKind kind,
                 nlohmann::json params, std::vector<InputBinding> inputs,
                 std::vector<OutputColumn> outputs) {
    Step s = base(id, type, kind, std::move(params));
    s.inputs = std::move(inputs);
    s.outputs = std::move(outputs);
    return add(std::move(s));
  }

  InputBinding bind(const std::string& handle, size_t step, const std::string& output) const {
    InputBinding b;
    b.handle = handle;
    b.step = step;
    b.output = output;
    b.column = step < plan.steps.size() ? plan.steps[step].node_id : "";
    return b;
  }

  Plan plan;

 private:
  static Step base(const std::string& id, const std::string& type, StepKind kind,
                   nlohmann::json params) {
    Step s;
    s.node_id = id;
    s.type = type;
    s.kind = kind;
    s.params = std::move(params);
    return s;
  }
  size_t add(Step s) {
    std::string text = s.type + "|" + s.params.dump();
    if (s.indicator)
      for (const auto& c : s.indicator->input_columns) text += "|col=" + c;
    for (const auto& b : s.inputs) text += "|" + b.handle + "<" + std::to_string(plan.steps[b.step].hash);
    s.canonical_text = text;
    s.hash = std::hash<std::string>{}(text);
    plan.step_of_node[s.node_id] = plan.steps.size();
    plan.steps.push_back(std::move(s));
    return plan.steps.size() - 1;
  }
};

// A workflow document: data TINY 1d -> sma($period, default 3);
// close crossover sma -> buy.
inline nlohmann::json tiny_workflow_json() {
  nlohmann::json doc = {
      {"name", "tiny"},
      {"parameters", {{"period", 3}}},
      {"nodes",
       {{{"id", "data-1"}, {"type", "dataSource"},
         {"data", {{"label", "Data"}, {"parameters", {{"symbol", "TINY"}, {"timeframe", "1d"}, {"bars", 100}}}}}},
        {{"id", "sma-1"}, {"type", "technicalIndicator"},
         {"data", {{"label", "SMA"}, {"parameters", {{"indicator", "SMA"}, {"period", "$period"}}}}}},
        {{"id", "cond-1"}, {"type", "condition"},
         {"data", {{"label", "Cross"}, {"parameters", {{"condition", "crossover"}}}}}},
        {{"id", "buy-1"}, {"type", "action"},
         {"data", {{"label", "Buy"}, {"parameters", {{"action", "buy"}}}}}}}},
      {"edges",
       {{{"id", "e1"}, {"source", "data-1"}, {"target", "sma-1"}, {"sourceHandle", "data-output"}, {"targetHandle", "data-input"}},
        {{"id", "e2"}, {"source", "data-1"}, {"target", "cond-1"}, {"sourceHandle", "data-output"}, {"targetHandle", "data-input"}},
        {{"id", "e3"}, {"source", "sma-1"}, {"target", "cond-1"}, {"sourceHandle", "output-1"}, {"targetHandle", "value-input"}},
        {{"id", "e4"}, {"source", "cond-1"}, {"target", "buy-1"}, {"sourceHandle", "signal-output"}, {"targetHandle", "signal-input"}}}}};
  return doc;
}

inline std::string tiny_workflow(const std::string& path) {
  std::ofstream(path) << tiny_workflow_json().dump(2);
  return path;
}

// Runs `plan` on the single file `data` with a fresh cache.
inline Result<RunResult> run_on(const Plan& plan, const std::string& data) {
  NodeCache cache;
  Engine engine(cache);
  RunOptions options;
  options.data.data_file = data;
  return engine.run(plan, options);
}

inline std::vector<double> naive_sma(const std::vector<double>& x, size_t p) {
  std::vector<double> out(x.size(), kNaN);
  for (size_t t = p - 1; t < x.size(); ++t) {
    double s = 0;
    for (size_t i = t + 1 - p; i <= t; ++i) s += x[i];
    out[t] = s / p;
  }
  return out;
}

inline std::vector<double> column(const Frame& f, const std::string& name) {
  const auto* c = f.column(name);
  EXPECT_NE(c, nullptr) << "no column " << name;
  return c ? *c : std::vector<double>{};
}

inline std::vector<size_t> true_rows(const std::vector<double>& s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] != 0) out.push_back(i);
  return out;
}

// Closes of a tiny series on which SMA(2) crosses SMA(3..5) a few times.
inline const std::vector<double> kClose = {10, 9, 8, 9, 11, 12, 10, 8, 7, 9, 12, 13};

// data -> sma(2), sma(slow_period) -> crossover -> buy: five steps, one kernel each.
inline Plan crossing_plan(int slow_period) {
  PlanBuilder b;
  const size_t d = b.data("data-1");
  const size_t fast = b.indicator("fast", "sma", {{"period", 2}}, d);
  const size_t slow = b.indicator("slow", "sma", {{"period", slow_period}}, d);
  const size_t c = b.condition("x", "crossover", {},
                               {b.bind("data-input", fast, "output-1"),
                                b.bind("value-input", slow, "output-1")});
  b.action("buy", "buy", c);
  return b.plan;
}

}  // namespace nocode::engine::testing
