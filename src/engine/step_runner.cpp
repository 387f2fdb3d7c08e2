// run_step dispatch and the helpers runners share.
#include "engine/step_runner.h"

#include "common/strings.h"
#include "engine/runners_backtest.h"

namespace nocode::engine {

using workflow::StepKind;

Result<const Value*> StepContext::value(const workflow::Step& step,
                                        const workflow::InputBinding& b) const {
  if (b.step >= outputs->size() || !(*outputs)[b.step])
    return step_error(step, "input '" + b.handle + "' reads a step that has not run (plan bug)");
  const auto& by_handle = (*outputs)[b.step]->by_handle;
  auto it = by_handle.find(b.output);
  if (it == by_handle.end()) {
    return step_error(step, "input '" + b.handle + "' reads output '" + b.output +
                                "' of column '" + b.column + "', which its producer does not have");
  }
  return &it->second;
}

Result<std::vector<const Value*>> StepContext::values(const workflow::Step& step,
                                                      std::string_view handle) const {
  std::vector<const Value*> out;
  for (const auto& b : step.inputs) {
    if (b.handle != handle) continue;
    Result<const Value*> v = value(step, b);
    if (!v) return v.status();
    out.push_back(*v);
  }
  return out;
}

Status step_error(const workflow::Step& step, const std::string& message) {
  return Status::invalid_argument("node '" + step.node_id + "' (" + step.type + "): " + message);
}

void put_all(const workflow::Step& step, const Value& v, StepOutput& out) {
  for (const auto& o : step.outputs) out.by_handle[o.handle] = v;
}

Result<std::vector<double>> bar_column(const Frame& bars, std::string_view name) {
  const std::string n = to_lower(trim(name));
  auto col = [&](const char* c) -> Result<const std::vector<double>*> { return bars.require(c); };
  if (n == "hl2" || n == "hlc3" || n == "ohlc4") {
    auto h = col("high"), l = col("low"), c = col("close"), o = col("open");
    if (!h || !l || !c || !o) return Status::invalid_argument("'" + n + "' needs open, high, low and close");
    std::vector<double> out(bars.rows());
    for (size_t i = 0; i < out.size(); ++i) {
      const double hi = (**h)[i], lo = (**l)[i], cl = (**c)[i], op = (**o)[i];
      out[i] = n == "hl2" ? (hi + lo) / 2 : n == "hlc3" ? (hi + lo + cl) / 3 : (op + hi + lo + cl) / 4;
    }
    return out;
  }
  auto c = bars.require(n.empty() ? "close" : n);
  if (!c) return c.status();
  return **c;
}

double number_param(const workflow::Step& step, const char* name, double fallback) {
  auto it = step.params.find(name);
  if (it == step.params.end()) return fallback;
  if (it->is_number()) return it->get<double>();
  if (it->is_string()) {
    try {
      return std::stod(it->get<std::string>());
    } catch (...) {
      return fallback;
    }
  }
  return fallback;
}

std::string text_param(const workflow::Step& step, const char* name, const std::string& fallback) {
  auto it = step.params.find(name);
  if (it == step.params.end() || it->is_null()) return fallback;
  return it->is_string() ? it->get<std::string>() : it->dump();
}

Result<StepOutput> run_step(const workflow::Step& step, const StepContext& ctx) {
  switch (step.kind) {
    case StepKind::kDataSource:
    case StepKind::kCustomDataset: return run_data(step, ctx);
    case StepKind::kIndicator: return run_indicator(step, ctx);
    case StepKind::kCondition: return run_condition(step, ctx);
    case StepKind::kLogic: return run_logic(step, ctx);
    case StepKind::kAction: return run_action(step, ctx);
    case StepKind::kRisk: return run_risk(step, ctx);
    case StepKind::kOutput: return StepOutput{};  // a sink: its inputs are reported anyway
    case StepKind::kAnalysis: return run_analysis(step, ctx);
    case StepKind::kFeature:
    case StepKind::kLabel: return run_transform(step, ctx);
    case StepKind::kSplit: return run_split(step, ctx);
    case StepKind::kModel: return run_model(step, ctx);
    case StepKind::kSignal: return run_score_signal(step, ctx);
    case StepKind::kBacktest: return run_backtest_node(step, ctx);  // runners_backtest.h
  }
  return step_error(step, "unknown step kind (plan bug)");
}

}  // namespace nocode::engine
